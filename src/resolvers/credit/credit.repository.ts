import type { EntityManager } from '@mikro-orm/postgresql';
import { CreditEntry } from '../../entities/credit/credit-entry.entity.js';
import { Subject } from '../../entities/credit/subject.entity.js';
import { regionRange } from '../../kernel/region-codes.js';
import { selectLight } from '../../kernel/sql/light-rows.js';
import { countRows } from '../../kernel/sql/run.js';
import { sql, type Sql } from '../../kernel/sql/sql.js';
import type { CreditEntryState } from './credit-status.js';

/**
 * The credit lists' SQL (市场主体, 红黑名单): filtered pages and their counts. Their values are written into the
 * text (`per-values`): how many rows a name or a list matches varies too much for one plan.
 */

export interface SubjectConditions {
  name?: string | null;
  kind?: string | null;
  /** A checked 6-digit code: that region and every region under it. */
  regionCode?: string | null;
  onList?: string | null;
}

export interface CreditEntryConditions {
  list?: string | null;
  status?: CreditEntryState | null;
  /** The day `status` is judged on. */
  asOf?: string | null;
  creditCode?: string | null;
  decidedByCode?: string | null;
  decidedFrom?: string | null;
  decidedTo?: string | null;
}

/** The SQL for an entry's status on a day: the same rule as creditEntryState, so lists and fields agree. */
function statusCondition(status: CreditEntryState, day: string): Sql {
  const revoked = sql`(c.revoked_on is not null and c.revoked_on <= ${day}::date)`;
  switch (status) {
    case 'REVOKED':
      return revoked;
    case 'EXPIRED':
      return sql`(not ${revoked} and c.valid_until < ${day}::date)`;
    case 'PENDING':
      return sql`(not ${revoked} and (c.valid_until is null or c.valid_until >= ${day}::date) and c.valid_from > ${day}::date)`;
    case 'IN_FORCE':
      return sql`(not ${revoked} and (c.valid_until is null or c.valid_until >= ${day}::date) and c.valid_from <= ${day}::date)`;
  }
}

function subjectConditions(filter: SubjectConditions | null | undefined, today: string): Sql[] {
  const where: Sql[] = [];
  if (filter?.name) where.push(sql`strpos(s.name, ${filter.name}) > 0`);
  if (filter?.kind) where.push(sql`s.kind = ${filter.kind}`);
  if (filter?.regionCode) {
    const [lo, hi] = regionRange(filter.regionCode);
    where.push(sql`s.region_code between ${lo} and ${hi}`);
  }
  if (filter?.onList) {
    where.push(sql`exists (select 1 from credit_entry c where c.credit_code = s.credit_code and c.list = ${filter.onList} and ${statusCondition('IN_FORCE', today)})`);
  }
  return where;
}

/** Subjects by credit code (`limit` of them), after `afterCode` if given. */
export function subjectPage(em: EntityManager, filter: SubjectConditions | null | undefined, today: string, afterCode: string | undefined, limit: number): Promise<Subject[]> {
  const where = subjectConditions(filter, today);
  if (afterCode !== undefined) where.push(sql`s.credit_code > ${afterCode}`);
  return selectLight(em, Subject, 's', sql`${sql.where(where)} order by s.credit_code limit ${limit}`, 'per-values');
}

export function subjectCount(em: EntityManager, filter: SubjectConditions | null | undefined, today: string): Promise<number> {
  return countRows(em, sql.raw('subject s'), subjectConditions(filter, today));
}

function creditEntryConditions(filter: CreditEntryConditions | null | undefined, today: string): Sql[] {
  const where: Sql[] = [];
  if (filter?.list) where.push(sql`c.list = ${filter.list}`);
  if (filter?.status) where.push(statusCondition(filter.status, filter.asOf ?? today));
  if (filter?.creditCode) where.push(sql`c.credit_code = ${filter.creditCode}`);
  if (filter?.decidedByCode) where.push(sql`c.decided_by_code = ${filter.decidedByCode}`);
  if (filter?.decidedFrom) where.push(sql`c.decided_on >= ${filter.decidedFrom}::date`);
  if (filter?.decidedTo) where.push(sql`c.decided_on <= ${filter.decidedTo}::date`);
  return where;
}

/** Entries, newest decision first (`limit` of them), after the entry decided on `after.value` with id `after.id` if given. */
export function creditEntryPage(
  em: EntityManager,
  filter: CreditEntryConditions | null | undefined,
  today: string,
  after: { value: string; id: number } | undefined,
  limit: number,
): Promise<CreditEntry[]> {
  const where = creditEntryConditions(filter, today);
  if (after) {
    const { value, id } = after;
    where.push(sql`(c.decided_on < ${value}::date or (c.decided_on = ${value}::date and c.entry_id < ${id}))`);
  }
  return selectLight(em, CreditEntry, 'c', sql`${sql.where(where)} order by c.decided_on desc, c.entry_id desc limit ${limit}`, 'per-values');
}

export function creditEntryCount(em: EntityManager, filter: CreditEntryConditions | null | undefined, today: string): Promise<number> {
  return countRows(em, sql.raw('credit_entry c'), creditEntryConditions(filter, today));
}
