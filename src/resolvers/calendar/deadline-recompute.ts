import type { EntityManager } from '@mikro-orm/postgresql';
import { run } from '../../kernel/sql/run.js';
import { sql, type Sql } from '../../kernel/sql/sql.js';
import { answerDeadline, extendedDeadline } from '../requests/request-deadlines.js';
import { clockStartOf, deadlineOf, type TimeLimitRules } from '../../kernel/time/time-limits.js';
import type { WorkingDayCalendar } from '../../kernel/time/working-days.js';

/** Days whose status changed: a record is affected only if its count could have passed one of them. */
export interface ChangedSpan {
  from: string;
  to: string;
}

/** Records of one catalogue category whose clock started on or after a day (a catalogue adjustment's validFrom). */
export interface CategoryScope {
  domain: string;
  category: string;
  clockFrom: string;
}

/** The clock start of a record in SQL: its formation, or its latest change if later (a revision restarts the clock). */
const CLOCK_START = sql.raw(`greatest(d.formed_on, coalesce(r.changed_on, d.formed_on))`);

const UPDATE_BATCH = 10_000;

/**
 * Recomputes the stored deadlines a calendar change can move, inside the caller's
 * transaction, and writes only those that differ. A record is a candidate when its
 * counting window (clock start, stored deadline] meets the changed span: outside
 * it, every day it counted keeps its status, so the count ends on the same day.
 * That includes every provisional deadline reaching a newly published year.
 * `span` undefined: every record (the first load of a calendar). `scope`: only
 * the records of one category whose clock started on or after a day (a new
 * catalogue version changes the limit of those and no other).
 * Returns how many records changed.
 */
export async function recomputeDeadlines(
  tx: EntityManager,
  calendar: WorkingDayCalendar,
  rules: TimeLimitRules,
  span: ChangedSpan | undefined,
  scope?: CategoryScope,
): Promise<number> {
  const conditions: Sql[] = [];
  if (span) conditions.push(sql`d.deadline >= ${span.from}::date and ${CLOCK_START} <= ${span.to}::date`);
  if (scope) conditions.push(sql`d.domain = ${scope.domain}::domain and d.category = ${scope.category} and ${CLOCK_START} >= ${scope.clockFrom}::date`);
  const where = conditions.length ? sql`where ${sql.join(conditions, ' and ')}` : sql.empty;
  const rows = await run<{ id: number; domain: string; category: string; region_code: string; formed_on: string; changed_on: string | null; deadline: string; provisional: boolean }>(
    tx,
    sql`select d.id, d.domain, d.category, d.region_code, d.formed_on::text as formed_on, r.changed_on::text as changed_on,
            d.deadline::text as deadline, d.deadline_provisional as provisional
       from disclosure d
       left join (select disclosure_id, max(changed_on) as changed_on from disclosure_revision group by disclosure_id) r
         on r.disclosure_id = d.id
     ${where}`,
    'per-values',
  );
  const changes: { id: number; deadline: string; provisional: boolean }[] = [];
  for (const row of rows) {
    const start = clockStartOf(row.formed_on, row.changed_on);
    const rule = rules.ruleOrDefault(row.domain, row.category, row.region_code, start);
    const next = deadlineOf(calendar, rule, start);
    if (next.date === row.deadline && next.provisional === row.provisional) continue;
    changes.push({ id: row.id, deadline: next.date, provisional: next.provisional });
  }
  // One statement per batch, the rows as one JSON parameter (MikroORM would write an array out as a list).
  for (let i = 0; i < changes.length; i += UPDATE_BATCH) {
    await run(
      tx,
      sql`update disclosure d set deadline = v.deadline, deadline_provisional = v.provisional, updated_at = now()
         from jsonb_to_recordset(${JSON.stringify(changes.slice(i, i + UPDATE_BATCH))}::jsonb) as v(id int, deadline date, provisional boolean)
        where d.id = v.id`,
      'per-values',
    );
  }
  return changes.length;
}

/**
 * The same for requests for disclosure (依申请公开): the 20-working-day answer
 * deadline from receipt and, where extended, the 20 working days after it. A
 * request is a candidate when (receipt, last deadline in force] meets the span.
 * Returns how many requests changed.
 */
export async function recomputeRequestDeadlines(tx: EntityManager, calendar: WorkingDayCalendar, span: ChangedSpan | undefined): Promise<number> {
  const where = span ? sql`where coalesce(q.extended_deadline, q.deadline) >= ${span.from}::date and q.received_on <= ${span.to}::date` : sql.empty;
  const rows = await run<{
    id: number;
    received_on: string;
    deadline: string;
    deadline_provisional: boolean;
    extended_deadline: string | null;
    extended_deadline_provisional: boolean;
  }>(
    tx,
    sql`select q.request_id as id, q.received_on::text as received_on, q.deadline::text as deadline, q.deadline_provisional,
            q.extended_deadline::text as extended_deadline, q.extended_deadline_provisional
       from disclosure_request q ${where}`,
    'per-values',
  );
  const changes: { id: number; deadline: string; provisional: boolean; extended: string | null; extendedProvisional: boolean }[] = [];
  for (const row of rows) {
    const due = answerDeadline(calendar, row.received_on);
    const extended = row.extended_deadline ? extendedDeadline(calendar, due.date) : undefined;
    const next = { id: row.id, deadline: due.date, provisional: due.provisional, extended: extended?.date ?? null, extendedProvisional: extended?.provisional ?? false };
    if (
      next.deadline === row.deadline &&
      next.provisional === row.deadline_provisional &&
      next.extended === row.extended_deadline &&
      next.extendedProvisional === row.extended_deadline_provisional
    ) {
      continue;
    }
    changes.push(next);
  }
  for (let i = 0; i < changes.length; i += UPDATE_BATCH) {
    await run(
      tx,
      sql`update disclosure_request q set deadline = v.deadline, deadline_provisional = v.provisional,
              extended_deadline = v.extended, extended_deadline_provisional = v."extendedProvisional"
         from jsonb_to_recordset(${JSON.stringify(changes.slice(i, i + UPDATE_BATCH))}::jsonb) as v(id int, deadline date, provisional boolean, extended date, "extendedProvisional" boolean)
        where q.request_id = v.id`,
      'per-values',
    );
  }
  return changes.length;
}
