import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The working-day count straight from the State Council files in
 * data/holidays-cn, written independently of src/kernel/time/working-days.ts so
 * tests can check the app's stored deadlines against it.
 */
const dir = join(import.meta.dirname, '../../data/holidays-cn');
const off = new Set<string>();
const work = new Set<string>();
for (const name of readdirSync(dir).filter((n) => /^\d{4}\.json$/.test(n))) {
  const file = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { days: { date: string; isOffDay: boolean }[] };
  for (const d of file.days) (d.isOffDay ? off : work).add(d.date);
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function isOfficialWorkingDay(date: string): boolean {
  if (work.has(date)) return true;
  if (off.has(date)) return false;
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
}

/** The nth working day after `start` (start not counted). */
export function nthWorkingDayAfter(start: string, n: number): string {
  let date = start;
  for (let left = n; left > 0; ) {
    date = nextDay(date);
    if (isOfficialWorkingDay(date)) left--;
  }
  return date;
}
