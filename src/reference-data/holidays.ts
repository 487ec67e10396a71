import { readdirSync, readFileSync } from 'node:fs';
import type { HolidaySchedule } from '../domain/working-days.js';

/**
 * The official schedules, 2017 onwards, as published in the public data set
 * NateScarlet/holiday-cn (MIT, see data/holidays-cn/LICENSE): one file per year.
 */
export interface HolidayFile {
  year: number;
  days: { name: string; date: string; isOffDay: boolean }[];
}

// data/ sits two levels above both src/reference-data and dist/reference-data,
// so the one path serves tests and the compiled build alike.
const folder = new URL('../../data/holidays-cn/', import.meta.url);

export function parseHolidayFile(file: HolidayFile): HolidaySchedule {
  return {
    year: file.year,
    offDays: file.days.filter((d) => d.isOffDay).map((d) => d.date),
    makeUpWorkdays: file.days.filter((d) => !d.isOffDay).map((d) => d.date),
  };
}

export function loadHolidaySchedules(): HolidaySchedule[] {
  return readdirSync(folder)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .sort()
    .map((f) => parseHolidayFile(JSON.parse(readFileSync(new URL(f, folder), 'utf8')) as HolidayFile));
}
