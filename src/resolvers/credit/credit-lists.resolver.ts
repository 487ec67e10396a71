import { Arg, Ctx, Field, InputType, Int, Query, Resolver } from 'type-graphql';
import { CreditEntry, CreditList } from '../../entities/credit/credit-entry.entity.js';
import { Subject, SubjectKind } from '../../entities/credit/subject.entity.js';
import { todayInChina } from '../../kernel/time/china-date.js';
import { ConnectionType, connectionOf, CursorKeys, decodeCursor, encodeCursor, pageSize, type Connection } from '../../kernel/connection.js';
import type { Context } from '../../kernel/context.js';
import { BadUserInputError } from '../../kernel/errors.js';
import { CreditCodeScalar, DateScalar } from '../../kernel/scalars/index.js';
import { creditEntryCount, creditEntryPage, subjectCount, subjectPage } from './credit.repository.js';
import { CreditEntryStatus } from './credit-entry.resolver.js';

@InputType({ description: '市场主体筛选条件' })
export class SubjectFilter {
  @Field(() => String, { nullable: true, description: '名称包含' })
  name?: string | null;

  @Field(() => SubjectKind, { nullable: true, description: '主体类型' })
  kind?: SubjectKind | null;

  @Field(() => String, { nullable: true, description: '行政区划代码 (that region and every region under it)' })
  regionCode?: string | null;

  @Field(() => CreditList, { nullable: true, description: '今日在该名单上（有效）' })
  onList?: CreditList | null;
}

@InputType({ description: '红黑名单筛选条件' })
export class CreditEntryFilter {
  @Field(() => CreditList, { nullable: true, description: '名单' })
  list?: CreditList | null;

  @Field(() => CreditEntryStatus, { nullable: true, description: '状态 (as of asOf, default today)' })
  status?: CreditEntryStatus | null;

  @Field(() => DateScalar, { nullable: true, description: '状态的判断日期' })
  asOf?: string | null;

  @Field(() => CreditCodeScalar, { nullable: true, description: '统一社会信用代码' })
  creditCode?: string | null;

  @Field(() => String, { nullable: true, description: '决定部门代码' })
  decidedByCode?: string | null;

  @Field(() => DateScalar, { nullable: true, description: '决定日期起（含）' })
  decidedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: '决定日期止（含）' })
  decidedTo?: string | null;
}

const SubjectConnection = ConnectionType(() => Subject, 'Subject', '市场主体列表 (ordered by credit code)');
const CreditEntryConnection = ConnectionType(() => CreditEntry, 'CreditEntry', '红黑名单列表 (newest decision first)');

@Resolver()
export class CreditListsResolver {
  @Query(() => SubjectConnection, { description: '市场主体: filtered, keyset-paginated by credit code' })
  async subjects(
    @Ctx() ctx: Context,
    @Arg('filter', () => SubjectFilter, { nullable: true }) filter?: SubjectFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<Subject>> {
    const limit = pageSize(first);
    if (filter?.regionCode && !/^\d{6}$/.test(filter.regionCode)) {
      throw new BadUserInputError(`filter.regionCode must be a 6-digit GB/T 2260 code, got "${filter.regionCode}"`, 'filter.regionCode');
    }
    const afterCode = after != null ? decodeCursor(after, 'subjects', { value: CursorKeys.none, id: CursorKeys.creditCode }).id : undefined;
    const rows = await subjectPage(ctx.em, filter, todayInChina(), afterCode, limit + 1);
    return connectionOf(
      rows,
      limit,
      (s) => encodeCursor('subjects', null, s.creditCode),
      () => subjectCount(ctx.em, filter, todayInChina()),
      after,
    );
  }

  @Query(() => CreditEntryConnection, { description: '红黑名单: filtered, newest decision first' })
  async creditEntries(
    @Ctx() ctx: Context,
    @Arg('filter', () => CreditEntryFilter, { nullable: true }) filter?: CreditEntryFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<CreditEntry>> {
    const limit = pageSize(first);
    if (filter?.decidedFrom && filter.decidedTo && filter.decidedFrom > filter.decidedTo) {
      throw new BadUserInputError('filter.decidedFrom is after filter.decidedTo', 'filter.decidedFrom');
    }
    const cursor = after != null ? decodeCursor(after, 'creditEntries', { value: CursorKeys.date, id: CursorKeys.serial }) : undefined;
    const rows = await creditEntryPage(ctx.em, filter, todayInChina(), cursor, limit + 1);
    return connectionOf(
      rows,
      limit,
      (e) => encodeCursor('creditEntries', e.decidedOn, e.entryId),
      () => creditEntryCount(ctx.em, filter, todayInChina()),
      after,
    );
  }
}
