import type { EntityManager } from '@mikro-orm/postgresql';
import { run } from '../../kernel/sql/run.js';
import { sql } from '../../kernel/sql/sql.js';

/** A day a year's schedule names, as the audit trail keeps it (importHolidaySchedule). */
export interface ScheduleDay {
  date: string;
  name: string;
  kind: string;
}

/** The days a year's stored schedule names, in date order (none: the year is not held). */
export async function scheduleDays(em: EntityManager, year: number): Promise<ScheduleDay[]> {
  return run<ScheduleDay>(em, sql`select date::text as date, name, kind from holiday_day where schedule_year = ${year} order by date`);
}
