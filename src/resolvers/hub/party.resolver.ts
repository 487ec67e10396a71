import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Subject } from '../../entities/credit/subject.entity.js';
import { Party } from '../../entities/hub/party.entity.js';
import type { Context } from '../../kernel/context.js';
import { subjectByCode } from '../credit/loaders.js';

@Resolver(() => Party)
export class PartyResolver {
  @FieldResolver(() => Subject, { description: '市场主体' })
  subject(@Root() party: Party, @Ctx() ctx: Context): Subject | Promise<Subject> {
    // The record's parties came with their subjects (primed): usually no promise at all.
    const known = ctx.loader(subjectByCode).get(party.creditCode);
    return known instanceof Promise ? known.then((s) => existing(s, party)) : existing(known, party);
  }
}

function existing(subject: Subject | null, party: Party): Subject {
  if (!subject) throw new Error(`party names unknown subject ${party.creditCode}`);
  return subject;
}
