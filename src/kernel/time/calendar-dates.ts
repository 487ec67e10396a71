/**
 * Calendar dates as YYYY-MM-DD strings and whole day numbers. The domain's
 * dates are China calendar days, so arithmetic is on days, never on instants
 * (UTC midnight is only the carrier of the day number).
 */
const MS_PER_DAY = 86_400_000;

export function toDayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

export function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return (toDayNumber(date) + 4) % 7;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
