import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { BidCandidate } from '../../../entities/departments/bidding/bid-candidates.entity.js';
import { Subject } from '../../../entities/hub/published.js';
import { subjectByCode } from '../../hub/published.js';
import type { Context } from '../../../kernel/context.js';

@Resolver(() => BidCandidate)
export class BidCandidateResolver {
  @FieldResolver(() => Subject, { description: '名称 (the candidate, a market subject)' })
  async candidate(@Root() c: BidCandidate, @Ctx() ctx: Context): Promise<Subject> {
    const subject = await ctx.loader(subjectByCode).load(c.creditCode);
    if (!subject) throw new Error(`bid candidate ranked ${c.rank} names missing subject ${c.creditCode}`);
    return subject;
  }
}
