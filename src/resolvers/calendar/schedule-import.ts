import type { EntityManager } from '@mikro-orm/postgresql';
import { run, runOne } from '../../kernel/sql/run.js';
import { sql } from '../../kernel/sql/sql.js';
import { HolidayDayKind } from '../../entities/calendar/holiday-year.entity.js';
import type { HolidayFile } from '../../reference-data/holidays.js';
import { forgetCalendar, readCalendar } from './calendar-store.js';
import { recomputeDeadlines, recomputeRequestDeadlines, type ChangedSpan } from './deadline-recompute.js';
import { readTimeLimitRules } from './time-limit-store.js';

export interface ScheduleImportResult {
  /** Years the database did not have. */
  added: number[];
  /** Years whose days or notices changed. */
  replaced: number[];
  /** Years already held exactly so, or (when not replacing) held at all. */
  unchanged: number[];
  /** Stored deadlines that moved or stopped (or started) being provisional. */
  deadlinesChanged: number;
  /** Requests for disclosure whose answer deadline (or extended deadline) moved. */
  requestDeadlinesChanged: number;
}

interface StoredDay {
  date: string;
  name: string;
  kind: string;
}

/**
 * Writes schedules into the calendar and recomputes every stored deadline they can
 * change, all in one transaction: a reader sees the old calendar and deadlines or
 * the new ones, never a mix. `replace` false (loading the committed files) only
 * adds years the database lacks, so a year imported later is never overwritten by
 * an older file; true (`gongkai calendar import`) replaces a year that differs.
 */
export async function importSchedules(
  em: EntityManager,
  files: readonly HolidayFile[],
  options: {
    replace: boolean;
  },
): Promise<ScheduleImportResult> {
  const result: ScheduleImportResult = { added: [], replaced: [], unchanged: [], deadlinesChanged: 0, requestDeadlinesChanged: 0 };
  // In the caller's transaction when it has one (the GraphQL mutation's audited write: a savepoint), else in its own.
  await em.fork({ keepTransactionContext: true }).transactional(async (tx) => {
    // One import at a time: two concurrent ones would each recompute from a calendar missing the other's year.
    await run(tx, sql`lock table holiday_year in share row exclusive mode`, 'per-values');
    const heldYears = new Set((await run<{ year: number }>(tx, sql`select year from holiday_year`, 'per-values')).map((r) => Number(r.year)));
    const firstLoad = heldYears.size === 0;
    const changed: string[] = [];
    for (const file of files) {
      const days: StoredDay[] = file.days.map((d) => ({
        date: d.date,
        name: d.name,
        kind: d.isOffDay ? HolidayDayKind.OFF_DAY : HolidayDayKind.MAKE_UP_WORKDAY,
      }));
      if (heldYears.has(file.year)) {
        if (!options.replace) {
          result.unchanged.push(file.year);
          continue;
        }
        const old = await storedDays(tx, file.year);
        const diff = changedDates(old, days);
        const { papers } = (await runOne<{ papers: string[] }>(tx, sql`select papers from holiday_year where year = ${file.year}`, 'per-values'))!;
        if (diff.length === 0 && sameList(papers, file.papers ?? [])) {
          result.unchanged.push(file.year);
          continue;
        }
        changed.push(...diff);
        result.replaced.push(file.year);
      } else {
        // A new year changes how every day of it counts (weekends alone before), and the days it names.
        changed.push(`${file.year}-01-01`, `${file.year}-12-31`, ...days.map((d) => d.date));
        result.added.push(file.year);
      }
      await writeYear(tx, file.year, file.papers ?? [], days);
    }
    if (changed.length > 0) {
      changed.sort();
      const span: ChangedSpan | undefined = firstLoad ? undefined : { from: changed[0]!, to: changed[changed.length - 1]! };
      const [calendar, rules] = await Promise.all([readCalendar(tx), readTimeLimitRules(tx)]);
      result.deadlinesChanged = await recomputeDeadlines(tx, calendar, rules, span);
      result.requestDeadlinesChanged = await recomputeRequestDeadlines(tx, calendar, span);
    }
  });
  forgetCalendar(em);
  return result;
}

async function storedDays(tx: EntityManager, year: number): Promise<StoredDay[]> {
  return run<StoredDay>(tx, sql`select date::text as date, name, kind from holiday_day where schedule_year = ${year} order by date`, 'per-values');
}

/** Dates whose name or status differs between two versions of a year, or that only one names. */
function changedDates(old: readonly StoredDay[], next: readonly StoredDay[]): string[] {
  const before = new Map(old.map((d) => [d.date, `${d.kind}:${d.name}`]));
  const after = new Map(next.map((d) => [d.date, `${d.kind}:${d.name}`]));
  const out: string[] = [];
  for (const [date, value] of before) if (after.get(date) !== value) out.push(date);
  for (const date of after.keys()) if (!before.has(date)) out.push(date);
  return out;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

async function writeYear(tx: EntityManager, year: number, papers: string[], days: StoredDay[]): Promise<void> {
  await run(
    tx,
    sql`insert into holiday_year (year, papers, loaded_at)
     values (${year}, array(select jsonb_array_elements_text(${JSON.stringify(papers)}::jsonb)), now())
     on conflict (year) do update set papers = excluded.papers, loaded_at = excluded.loaded_at`,
    'per-values',
  );
  await run(tx, sql`delete from holiday_day where schedule_year = ${year}`, 'per-values');
  if (days.length === 0) return;
  // A day is named by one notice; a later notice naming it again takes it over.
  // The rows travel as one JSON parameter (MikroORM would write an array out as a list).
  await run(
    tx,
    sql`insert into holiday_day (date, schedule_year, name, kind)
     select v.date, ${year}, v.name, v.kind::holiday_day_kind
       from jsonb_to_recordset(${JSON.stringify(days)}::jsonb) as v(date date, name text, kind text)
     on conflict (date) do update set schedule_year = excluded.schedule_year, name = excluded.name, kind = excluded.kind`,
    'per-values',
  );
}
