import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Subject } from '../../entities/credit/subject.entity.js';
import { Party } from '../../entities/disclosure/party.entity.js';
import type { Context } from '../../schema/context.js';
import { subjectByCode } from '../credit/loaders.js';

@Resolver(() => Party)
export class PartyResolver {
  @FieldResolver(() => Subject, { description: '市场主体' })
  async subject(@Root() party: Party, @Ctx() ctx: Context): Promise<Subject> {
    const subject = await ctx.loader(subjectByCode).load(party.creditCode);
    if (!subject) throw new Error(`party names unknown subject ${party.creditCode}`);
    return subject;
  }
}
