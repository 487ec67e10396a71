import { readFileSync } from 'node:fs';
import type { MikroORM } from '@mikro-orm/postgresql';
import { importSchedules } from '../resolvers/calendar/schedule-import.js';
import { ConfigError } from '../config.js';
import { openDatabase } from '../db/database.js';
import { pendingMigrations } from '../db/migrate.js';
import { run } from '../kernel/sql/run.js';
import { sql } from '../kernel/sql/sql.js';
import { checkHolidayFile, HolidayFileError, type HolidayFile } from '../reference-data/holidays.js';
import type { CommandContext } from './run.js';

/** Reads and checks a schedule file before the database is touched: a bad file changes nothing. */
function readHolidayFile(path: string): HolidayFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`${path}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${path}: not valid JSON (${(err as Error).message})`);
  }
  try {
    return checkHolidayFile(json);
  } catch (err) {
    if (err instanceof HolidayFileError) throw new ConfigError(`${path}: ${err.message}`);
    throw err;
  }
}

/** Imports one schedule file into an open database; returns the line the command prints. */
export async function importHolidayFile(orm: MikroORM, path: string): Promise<string> {
  const file = readHolidayFile(path);
  const pending = await pendingMigrations(orm);
  if (pending.length) throw new ConfigError(`${pending.length} migration(s) pending: run \`gongkai migrate\` first`);
  const result = await importSchedules(orm.em.fork(), [file], { replace: true });
  const what = result.added.length ? 'added' : result.replaced.length ? 'replaced' : 'unchanged';
  const offDays = file.days.filter((d) => d.isOffDay).length;
  return (
    `${file.year}: ${what} (${offDays} off days, ${file.days.length - offDays} make-up working days); ` +
    `${result.deadlinesChanged} deadline(s) recomputed, ${result.requestDeadlinesChanged} request deadline(s)`
  );
}

export async function calendarImportCommand({ config, logger }: CommandContext, path: string): Promise<void> {
  // Checked before the database is opened: a bad file never touches it.
  readHolidayFile(path);
  const db = await openDatabase(config, logger);
  try {
    console.log(await importHolidayFile(db.orm, path));
  } finally {
    await db.close();
  }
}

export async function calendarListCommand({ config, logger }: CommandContext): Promise<void> {
  const db = await openDatabase(config, logger);
  try {
    const rows = await run<{ year: number; loaded: string; off: number; make_up: number }>(
      db.orm.em.fork(),
      sql`select y.year, to_char(y.loaded_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as loaded,
              count(d.date) filter (where d.kind = 'OFF_DAY')::int as off,
              count(d.date) filter (where d.kind = 'MAKE_UP_WORKDAY')::int as make_up
         from holiday_year y left join holiday_day d on d.schedule_year = y.year
        group by y.year order by y.year`,
      'per-values',
    );
    if (rows.length === 0) {
      console.log('no holiday schedule loaded: run `gongkai migrate`');
      return;
    }
    console.log('year  off days  make-up days  loaded (China time)');
    for (const r of rows) {
      console.log(`${r.year}  ${String(r.off).padStart(8)}  ${String(r.make_up).padStart(12)}  ${r.loaded}`);
    }
    const next = Number(rows[rows.length - 1]!.year) + 1;
    console.log(`deadlines reaching ${next} or later count weekends alone and are provisional until its schedule is imported`);
  } finally {
    await db.close();
  }
}
