import { readdirSync, readFileSync } from 'node:fs';
import type { HolidaySchedule } from '../kernel/time/working-days.js';
import { isCalendarDate } from '../kernel/scalars/date.js';

/**
 * The official schedules, 2017 onwards, as published in the public data set
 * NateScarlet/holiday-cn (MIT, see data/holidays-cn/LICENSE): one file per year,
 * the format `gongkai calendar import` reads too.
 */
export interface HolidayFile {
  year: number;
  /** Addresses of the State Council notice (国务院办公厅关于…部分节假日安排的通知). */
  papers?: string[];
  days: { name: string; date: string; isOffDay: boolean }[];
}

// data/ sits two levels above both src/reference-data and dist/reference-data,
// so the one path serves tests and the compiled build alike.
const folder = new URL('../../data/holidays-cn/', import.meta.url);

function parseHolidayFile(file: HolidayFile): HolidaySchedule {
  return {
    year: file.year,
    offDays: file.days.filter((d) => d.isOffDay).map((d) => d.date),
    makeUpWorkdays: file.days.filter((d) => !d.isOffDay).map((d) => d.date),
  };
}

/** The committed files, checked as an imported file would be. */
export function loadHolidayFiles(): HolidayFile[] {
  return readdirSync(folder)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .sort()
    .map((f) => checkHolidayFile(JSON.parse(readFileSync(new URL(f, folder), 'utf8')) as unknown));
}

export function loadHolidaySchedules(): HolidaySchedule[] {
  return loadHolidayFiles().map(parseHolidayFile);
}

/** A schedule file that breaks a rule; the message is one line naming the rule and the value. */
export class HolidayFileError extends Error {}

/**
 * Checks a schedule as read from JSON, so a bad file is refused before anything is
 * written: a year, and days that each have a name, a real date near that year and a
 * status, each date once. A working day need not be a weekend: the 2020 file marks Monday
 * 2020-02-03 a working day after the extended Spring Festival (国办发明电〔2020〕1号).
 */
export function checkHolidayFile(json: unknown): HolidayFile {
  const fail = (reason: string): never => {
    throw new HolidayFileError(reason);
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('the file must hold a JSON object with "year" and "days"');
  const file = json as Record<string, unknown>;
  const year = file.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100) {
    return fail(`"year" must be a whole number from 2000 to 2100, got ${JSON.stringify(year)}`);
  }
  if (file.papers !== undefined && (!Array.isArray(file.papers) || file.papers.some((p) => typeof p !== 'string'))) {
    return fail('"papers" must be a list of strings');
  }
  if (!Array.isArray(file.days)) return fail('"days" must be a list');
  // A notice may name days of the neighbouring years (the 2019 notice names 2018-12-29), never further.
  const first = `${year - 1}-12-01`;
  const last = `${year + 1}-01-31`;
  const seen = new Set<string>();
  const days: HolidayFile['days'] = [];
  file.days.forEach((raw: unknown, i) => {
    const at = `days[${i}]`;
    if (typeof raw !== 'object' || raw === null) return fail(`${at} must be an object with "name", "date" and "isOffDay"`);
    const { name, date, isOffDay } = raw as Record<string, unknown>;
    if (typeof name !== 'string' || name.trim() === '' || name.length > 32) return fail(`${at}.name must be a holiday name of 1 to 32 characters`);
    if (typeof date !== 'string' || !isCalendarDate(date)) return fail(`${at}.date must be a date (YYYY-MM-DD), got ${JSON.stringify(date)}`);
    if (date < first || date > last) return fail(`${at}.date ${date} is outside ${first} to ${last}, too far from the year ${year}`);
    if (typeof isOffDay !== 'boolean') return fail(`${at}.isOffDay must be true or false`);
    if (seen.has(date)) return fail(`${at}.date ${date} appears twice`);
    seen.add(date);
    days.push({ name, date, isOffDay });
  });
  return { year, papers: (file.papers as string[] | undefined) ?? [], days };
}
