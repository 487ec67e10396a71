import type { EntityManager } from '@mikro-orm/postgresql';
import { clockStartOf, deadlineOf, type TimeLimitRules } from '../domain/time-limits.js';
import type { WorkingDayCalendar } from '../domain/working-days.js';

/** Days whose status changed: a record is affected only if its count could have passed one of them. */
export interface ChangedSpan {
  from: string;
  to: string;
}

/** The clock start of a record in SQL: its formation, or its latest change if later (a revision restarts the clock). */
const CLOCK_START = `greatest(d.formed_on, coalesce(r.changed_on, d.formed_on))`;

const UPDATE_BATCH = 10_000;

/**
 * Recomputes the stored deadlines a calendar change can move, inside the caller's
 * transaction, and writes only those that differ. A record is a candidate when its
 * counting window (clock start, stored deadline] meets the changed span: outside
 * it, every day it counted keeps its status, so the count ends on the same day.
 * That includes every provisional deadline reaching a newly published year.
 * `span` undefined: every record (the first load of a calendar).
 * Returns how many records changed.
 */
export async function recomputeDeadlines(
  tx: EntityManager,
  calendar: WorkingDayCalendar,
  rules: TimeLimitRules,
  span: ChangedSpan | undefined,
): Promise<number> {
  const params: string[] = [];
  let where = '';
  if (span) {
    params.push(span.from, span.to);
    where = `where d.deadline >= ?::date and ${CLOCK_START} <= ?::date`;
  }
  const rows = (await tx.execute(
    `select d.id, d.domain, d.category, d.region_code, d.formed_on::text as formed_on, r.changed_on::text as changed_on,
            d.deadline::text as deadline, d.deadline_provisional as provisional
       from disclosure d
       left join (select disclosure_id, max(changed_on) as changed_on from disclosure_revision group by disclosure_id) r
         on r.disclosure_id = d.id
     ${where}`,
    params,
  )) as { id: number; domain: string; category: string; region_code: string; formed_on: string; changed_on: string | null; deadline: string; provisional: boolean }[];
  const changes: { id: number; deadline: string; provisional: boolean }[] = [];
  for (const row of rows) {
    const start = clockStartOf(row.formed_on, row.changed_on);
    const rule = rules.ruleOrDefault(row.domain, row.category, row.region_code, start);
    const next = deadlineOf(calendar, rule, start);
    if (next.date === row.deadline && next.provisional === row.provisional) continue;
    changes.push({ id: row.id, deadline: next.date, provisional: next.provisional });
  }
  // One statement per batch, the rows as one JSON parameter (a knex `?` would spread an array into a list).
  for (let i = 0; i < changes.length; i += UPDATE_BATCH) {
    await tx.execute(
      `update disclosure d set deadline = v.deadline, deadline_provisional = v.provisional, updated_at = now()
         from jsonb_to_recordset(?::jsonb) as v(id int, deadline date, provisional boolean)
        where d.id = v.id`,
      [JSON.stringify(changes.slice(i, i + UPDATE_BATCH))],
    );
  }
  return changes.length;
}
