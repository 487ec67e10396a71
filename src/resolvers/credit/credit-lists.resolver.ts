import { Arg, Ctx, Field, InputType, Int, Query, Resolver } from 'type-graphql';
import { CreditEntry, CreditList } from '../../entities/credit/credit-entry.entity.js';
import { Subject, SubjectKind } from '../../entities/credit/subject.entity.js';
import { todayInChina } from '../../kernel/time/china-date.js';
import { ConnectionType, connectionOf, CursorKeys, decodeCursor, encodeCursor, pageSize, type Connection } from '../../kernel/connection.js';
import type { Context } from '../../kernel/context.js';
import { selectLight } from '../../kernel/sql/light-rows.js';
import { BadUserInputError } from '../../kernel/errors.js';
import { CreditCodeScalar, DateScalar } from '../../kernel/scalars/index.js';
import { countRows, Params, whereSql } from '../../kernel/sql/params.js';
import { regionRange } from '../../kernel/region-codes.js';
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

/** The SQL for an entry's status on a day: the same rule as creditEntryState, so lists and fields agree. */
function statusCondition(status: CreditEntryStatus, day: string, params: Params): string {
  const d = `${params.add(day)}::date`;
  switch (status) {
    case CreditEntryStatus.REVOKED:
      return `(c.revoked_on is not null and c.revoked_on <= ${d})`;
    case CreditEntryStatus.EXPIRED:
      return `(not (c.revoked_on is not null and c.revoked_on <= ${d}) and c.valid_until < ${params.add(day)}::date)`;
    case CreditEntryStatus.PENDING:
      return `(not (c.revoked_on is not null and c.revoked_on <= ${d}) and (c.valid_until is null or c.valid_until >= ${params.add(day)}::date) and c.valid_from > ${params.add(day)}::date)`;
    case CreditEntryStatus.IN_FORCE:
      return `(not (c.revoked_on is not null and c.revoked_on <= ${d}) and (c.valid_until is null or c.valid_until >= ${params.add(day)}::date) and c.valid_from <= ${params.add(day)}::date)`;
  }
}

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
    const build = (params: Params) => {
      const where: string[] = [];
      if (filter?.name) where.push(`strpos(s.name, ${params.add(filter.name)}) > 0`);
      if (filter?.kind) where.push(`s.kind = ${params.add(filter.kind)}`);
      if (filter?.regionCode) {
        if (!/^\d{6}$/.test(filter.regionCode)) {
          throw new BadUserInputError(`filter.regionCode must be a 6-digit GB/T 2260 code, got "${filter.regionCode}"`, 'filter.regionCode');
        }
        const [lo, hi] = regionRange(filter.regionCode);
        where.push(`s.region_code between ${params.add(lo)} and ${params.add(hi)}`);
      }
      if (filter?.onList) {
        where.push(
          `exists (select 1 from credit_entry c where c.credit_code = s.credit_code and c.list = ${params.add(filter.onList)} and ${statusCondition(CreditEntryStatus.IN_FORCE, todayInChina(), params)})`,
        );
      }
      return where;
    };
    const params = new Params();
    const where = build(params);
    if (after != null) {
      const { id } = decodeCursor(after, 'subjects', { value: CursorKeys.none, id: CursorKeys.creditCode });
      where.push(`s.credit_code > ${params.add(id)}`);
    }
    const rows = await selectLight(ctx.em, Subject, 's', `${whereSql(where)} order by s.credit_code limit ${params.add(limit + 1)}`, params.values);
    return connectionOf(
      rows,
      limit,
      (s) => encodeCursor('subjects', null, s.creditCode),
      () => countRows(ctx.em, 'subject s', build),
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
    const build = (params: Params) => {
      const where: string[] = [];
      if (filter?.list) where.push(`c.list = ${params.add(filter.list)}`);
      if (filter?.status) where.push(statusCondition(filter.status, filter.asOf ?? todayInChina(), params));
      if (filter?.creditCode) where.push(`c.credit_code = ${params.add(filter.creditCode)}`);
      if (filter?.decidedByCode) where.push(`c.decided_by_code = ${params.add(filter.decidedByCode)}`);
      if (filter?.decidedFrom) where.push(`c.decided_on >= ${params.add(filter.decidedFrom)}::date`);
      if (filter?.decidedTo) where.push(`c.decided_on <= ${params.add(filter.decidedTo)}::date`);
      return where;
    };
    const params = new Params();
    const where = build(params);
    if (after != null) {
      const { value, id } = decodeCursor(after, 'creditEntries', { value: CursorKeys.date, id: CursorKeys.serial });
      where.push(
        `(c.decided_on < ${params.add(value)}::date or (c.decided_on = ${params.add(value)}::date and c.entry_id < ${params.add(id)}))`,
      );
    }
    const rows = await selectLight(
      ctx.em,
      CreditEntry,
      'c',
      `${whereSql(where)} order by c.decided_on desc, c.entry_id desc limit ${params.add(limit + 1)}`,
      params.values,
    );
    return connectionOf(
      rows,
      limit,
      (e) => encodeCursor('creditEntries', e.decidedOn, e.entryId),
      () => countRows(ctx.em, 'credit_entry c', build),
      after,
    );
  }
}
