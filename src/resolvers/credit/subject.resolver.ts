import { Arg, Ctx, FieldResolver, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { Region } from '../../entities/core/region.entity.js';
import { CreditEntry, CreditList } from '../../entities/credit/credit-entry.entity.js';
import { Subject } from '../../entities/credit/subject.entity.js';
import { creditEntryState, type CreditStanding } from './credit-status.js';
import { CreditEntryStatus } from './credit-entry.resolver.js';
import { todayInChina } from '../../kernel/time/china-date.js';
import type { Context } from '../../kernel/context.js';
import { CreditCodeScalar, DateScalar } from '../../kernel/scalars/index.js';
import { regionByCode } from '../core/loaders.js';
import { creditEntriesBySubject, creditStandingOn, standingKey, subjectByCode } from './loaders.js';

enum CreditStatus {
  NONE = 'NONE',
  RED = 'RED',
  BLACK = 'BLACK',
  BOTH = 'BOTH',
}

registerEnumType(CreditStatus, {
  name: 'CreditStatus',
  description: '信用状况 (which lists a subject is on that day)',
  valuesConfig: {
    NONE: { description: '未列入红黑名单' },
    RED: { description: '列入红名单' },
    BLACK: { description: '列入黑名单' },
    BOTH: { description: '同时列入红名单和黑名单' },
  },
});

@Resolver(() => Subject)
export class SubjectResolver {
  @Query(() => Subject, { nullable: true, description: '市场主体: one subject by its credit code (null if unknown)' })
  async subject(
    @Ctx() ctx: Context,
    @Arg('creditCode', () => CreditCodeScalar, { description: '统一社会信用代码' }) creditCode: string,
  ): Promise<Subject | null> {
    return ctx.loader(subjectByCode).load(creditCode);
  }

  @FieldResolver(() => Region, { nullable: true, description: '所在行政区划 (null outside Qinghai)' })
  async region(@Root() subject: Subject, @Ctx() ctx: Context): Promise<Region | null> {
    return subject.region ? ctx.loader(regionByCode).load(subject.region.code) : null;
  }

  @FieldResolver(() => CreditStatus, { description: '信用状况 (as of asOf, default today in China)' })
  creditStatus(
    @Root() subject: Subject,
    @Ctx() ctx: Context,
    @Arg('asOf', () => DateScalar, { nullable: true, description: '查询日期' }) asOf?: string | null,
  ): CreditStanding | Promise<CreditStanding> {
    // Known already when the subject came with a record's parties (primed): no promise.
    return ctx.loader(creditStandingOn).get(standingKey(asOf ?? todayInChina(), subject.creditCode));
  }

  @FieldResolver(() => [CreditEntry], { description: '红黑名单记录 (every entry, whatever its status)' })
  async creditEntries(
    @Root() subject: Subject,
    @Ctx() ctx: Context,
    @Arg('list', () => CreditList, { nullable: true, description: '只看红名单或黑名单' }) list?: CreditList | null,
    @Arg('status', () => CreditEntryStatus, { nullable: true, description: '只看该状态 (as of asOf, default today)' })
    status?: CreditEntryStatus | null,
    @Arg('asOf', () => DateScalar, { nullable: true, description: '状态的判断日期' }) asOf?: string | null,
  ): Promise<CreditEntry[]> {
    const entries = await ctx.loader(creditEntriesBySubject).load(subject.creditCode);
    const day = asOf ?? todayInChina();
    return entries.filter((e) => (!list || e.list === list) && (!status || creditEntryState(e, day) === status));
  }
}
