import { addDays, fromDayNumber, toDayNumber, yearOf } from '../kernel/time/calendar-dates.js';
import type { WorkingDayCalendar } from '../kernel/time/working-days.js';
import type { Rng } from './rng.js';

/** The plan took effect in March 2018: generated history starts there. */
export const HISTORY_START = '2018-03-15';

/**
 * Days of the generated history, more in recent years (disclosure, and the
 * requests for it, grew year on year), always a working day on the calendar.
 */
export class HistoryDays {
  private readonly years: (readonly [number, number])[] = [];

  /** `growth`: each year's weight over 2018's, per year (0.2: 2019 weighs 1.2, 2020 1.4 …). */
  constructor(
    private readonly until: string,
    private readonly calendar: WorkingDayCalendar,
    growth: number,
  ) {
    for (let year = 2018; year <= yearOf(until); year++) this.years.push([year, 1 + growth * (year - 2018)]);
  }

  workingDay(rng: Rng): string {
    const year = rng.weighted(this.years);
    const start = Math.max(toDayNumber(HISTORY_START), toDayNumber(`${year}-01-01`));
    const end = Math.min(toDayNumber(this.until), toDayNumber(`${year}-12-31`));
    let date = fromDayNumber(rng.int(start, end));
    while (!this.calendar.isWorkingDay(date) && date > HISTORY_START) date = addDays(date, -1);
    return date;
  }
}
