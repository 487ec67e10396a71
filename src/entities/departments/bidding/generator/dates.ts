import { addDays, toDayNumber, weekday, yearOf } from '../../../../kernel/time/calendar-dates.js';
import type { Rng } from '../../../../generator/rng.js';

// ---------------------------------------------------------------- dates and money

/** Moves a Saturday or Sunday to the following Monday. */
export function workday(date: string): string {
  const d = weekday(date);
  return d === 6 ? addDays(date, 2) : d === 0 ? addDays(date, 1) : date;
}

export function at(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

export function yuan(n: number): string {
  return n.toFixed(2);
}

/** Investment in whole 万元, log-uniform. */
export function investment(rng: Rng, min: number, max: number): number {
  return Math.round(rng.logUniform(min, max) / 10_000) * 10_000;
}

export function daysBetween(from: string, until: string): number {
  return toDayNumber(until) - toDayNumber(from);
}

/** Outdoor works in Qinghai stop from mid-November to mid-March: a start date in winter moves back to the autumn. */
export function outOfWinter(rng: Rng, date: string): string {
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const winter = month === 12 || month <= 2 || (month === 11 && day >= 15) || (month === 3 && day < 15);
  if (!winter) return date;
  const year = month >= 11 ? yearOf(date) : yearOf(date) - 1;
  return `${year}-${rng.pick(['09', '10'])}-${String(rng.int(1, 30)).padStart(2, '0')}`;
}
