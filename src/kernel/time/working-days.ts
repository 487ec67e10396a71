import { addDays, toDayNumber, weekday, yearOf } from './calendar-dates.js';

/** One year of the State Council's holiday schedule (放假安排), as published. */
export interface HolidaySchedule {
  year: number;
  /** Statutory holidays (放假), including those on weekdays. */
  offDays: readonly string[];
  /** Weekend days that are working days (调休上班). */
  makeUpWorkdays: readonly string[];
}

export interface WorkingDayResult {
  date: string;
  /**
   * True when the count crossed a year whose schedule is not published yet:
   * weekends alone were used there, so the date may move when it is.
   */
  provisional: boolean;
  /** Why it is provisional, for display. */
  reason?: string;
}

/**
 * Working days on the official schedule. Pure: built from the schedules it is
 * given, no I/O. A schedule file is keyed by the year in its notice's title,
 * so days from all schedules are merged before any lookup (early January can
 * sit in the previous year's file).
 */
export class WorkingDayCalendar {
  private readonly off = new Set<string>();
  private readonly makeUp = new Set<string>();
  private readonly years = new Set<number>();

  constructor(schedules: readonly HolidaySchedule[]) {
    for (const schedule of schedules) {
      this.years.add(schedule.year);
      for (const day of schedule.offDays) this.off.add(day);
      for (const day of schedule.makeUpWorkdays) this.makeUp.add(day);
    }
  }

  hasSchedule(year: number): boolean {
    return this.years.has(year);
  }

  publishedYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  isWorkingDay(date: string): boolean {
    if (this.makeUp.has(date)) return true;
    if (this.off.has(date)) return false;
    const day = weekday(date);
    return day !== 0 && day !== 6;
  }

  /**
   * The Nth working day after `from`: the day the information was formed or
   * changed is not counted (期间开始之日不计算在内). N = 0 returns `from`.
   */
  addWorkingDays(from: string, n: number): WorkingDayResult {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
    let date = from;
    let missing: number | undefined;
    for (let counted = 0; counted < n; ) {
      date = addDays(date, 1);
      if (missing === undefined && !this.hasSchedule(yearOf(date))) missing = yearOf(date);
      if (this.isWorkingDay(date)) counted++;
    }
    return this.result(date, missing);
  }

  /** The Nth calendar day after `from` (for limits a law sets in days, 日). */
  addCalendarDays(from: string, n: number): WorkingDayResult {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`days must be a whole number ≥ 0, got ${n}`);
    const date = addDays(from, n);
    const missing = this.hasSchedule(yearOf(date)) ? undefined : yearOf(date);
    return this.result(date, missing);
  }

  /** Working days in (from, to]: how many working days `to` lies after `from` (0 if not after). */
  workingDaysBetween(from: string, to: string): number {
    // Asked for every late record on a page, some years late: whole weeks count five days
    // each, then the schedule's few named days in the range correct the weekday count.
    const start = toDayNumber(from) + 1;
    const end = toDayNumber(to);
    if (end < start) return 0;
    const days = end - start + 1;
    let count = Math.floor(days / 7) * 5;
    for (let d = start + Math.floor(days / 7) * 7; d <= end; d++) {
      const wd = (d + 4) % 7;
      if (wd !== 0 && wd !== 6) count++;
    }
    for (const date of this.off) {
      if (date <= from || date > to || this.makeUp.has(date)) continue;
      const wd = weekday(date);
      if (wd !== 0 && wd !== 6) count--;
    }
    for (const date of this.makeUp) {
      if (date <= from || date > to) continue;
      const wd = weekday(date);
      if (wd === 0 || wd === 6) count++;
    }
    return count;
  }

  private result(date: string, missingYear: number | undefined): WorkingDayResult {
    return missingYear === undefined
      ? { date, provisional: false }
      : {
          date,
          provisional: true,
          reason: unpublishedReason(missingYear),
        };
  }
}

/** Why a count is provisional, for display: in Chinese, with the English gloss. */
export function unpublishedReason(year: number): string {
  return `国务院尚未公布${year}年节假日安排，该年仅按周末计算 (the State Council has not published the ${year} holiday schedule; weekends alone were counted)`;
}
