import type { EntityManager } from '@mikro-orm/postgresql';
import { run } from '../../kernel/sql/run.js';
import { sql } from '../../kernel/sql/sql.js';
import { WorkingDayCalendar, type HolidaySchedule } from '../../kernel/time/working-days.js';

/** How long a process trusts its copy: another process (`gongkai calendar import`) may change the table. */
const FRESH_MS = 60_000;

const cache = new WeakMap<object, { calendar: Promise<WorkingDayCalendar>; at: number }>();

/** The working-day calendar as the database holds it now: one query, no cache. */
export async function readCalendar(em: EntityManager): Promise<WorkingDayCalendar> {
  const rows = await run<{ year: number; off: string[]; make_up: string[] }>(
    em,
    sql`select y.year, coalesce(array_agg(d.date::text order by d.date) filter (where d.kind = 'OFF_DAY'), '{}') as off,
            coalesce(array_agg(d.date::text order by d.date) filter (where d.kind = 'MAKE_UP_WORKDAY'), '{}') as make_up
       from holiday_year y left join holiday_day d on d.schedule_year = y.year
      group by y.year order by y.year`,
    'per-values',
  );
  const schedules: HolidaySchedule[] = rows.map((r) => ({ year: Number(r.year), offDays: r.off, makeUpWorkdays: r.make_up }));
  return new WorkingDayCalendar(schedules);
}

/**
 * The calendar for this process, read once and kept (it changes a few times a
 * year): refreshed at once after an import in this process, and within a
 * minute after one in another.
 */
export function calendarFor(em: EntityManager): Promise<WorkingDayCalendar> {
  const key = em.getDriver();
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < FRESH_MS) return hit.calendar;
  const calendar = readCalendar(em);
  cache.set(key, { calendar, at: Date.now() });
  // A failed read is not kept; a newer entry (set meanwhile) is left alone.
  calendar.catch(() => cache.get(key)?.calendar === calendar && cache.delete(key));
  return calendar;
}

/** Forgets this process's copy: the next use reads the table again. */
export function forgetCalendar(em: EntityManager): void {
  cache.delete(em.getDriver());
}
