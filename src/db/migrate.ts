import type { MikroORM } from '@mikro-orm/postgresql';
import { importSchedules } from '../resolvers/calendar/schedule-import.js';
import { loadHolidayFiles } from '../reference-data/holidays.js';

/**
 * Applies every pending migration in one transaction; returns the names applied.
 * Then loads the committed holiday schedules the calendar table lacks (a year
 * imported since is left as it is), recomputing the deadlines they change: a
 * migrated database always counts on the official calendar.
 */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  await importSchedules(orm.em.fork(), loadHolidayFiles(), { replace: false });
  return applied.map((m) => m.name);
}

export async function pendingMigrations(orm: MikroORM): Promise<string[]> {
  const pending = await orm.getMigrator().getPendingMigrations();
  return pending.map((m) => m.name);
}
