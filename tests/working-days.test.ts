import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../src/domain/working-days.js';
import { loadHolidaySchedules } from '../src/reference-data/holidays.js';

// Expectations are counted by hand on the State Council's schedules
// (data/holidays-cn): the day of formation is not counted; make-up weekend days count.
const calendar = new WorkingDayCalendar(loadHolidaySchedules());

describe('working days on the official schedule', () => {
  it('knows holidays, make-up weekend days and ordinary weekends', () => {
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true); // Saturday, 调休上班 before 春节
    expect(calendar.isWorkingDay('2026-02-16')).toBe(false); // Monday, 春节
    expect(calendar.isWorkingDay('2026-03-07')).toBe(false); // ordinary Saturday
    expect(calendar.isWorkingDay('2026-03-09')).toBe(true); // ordinary Monday
  });

  it('does not count the day of formation', () => {
    expect(calendar.addWorkingDays('2025-03-03', 1)).toEqual({ date: '2025-03-04', provisional: false });
    expect(calendar.addWorkingDays('2025-03-03', 0).date).toBe('2025-03-03');
  });

  it('crosses Spring Festival 2025 with its make-up Sunday and Saturday', () => {
    // Fri 01-24 → Sun 01-26 (make-up) 1, Mon 01-27 2, holiday to 02-04, 02-05..07 3–5, Sat 02-08 (make-up) 6, Mon 02-10 7.
    expect(calendar.addWorkingDays('2025-01-24', 1).date).toBe('2025-01-26');
    expect(calendar.addWorkingDays('2025-01-24', 7).date).toBe('2025-02-10');
    expect(calendar.workingDaysBetween('2025-01-24', '2025-02-10')).toBe(7);
  });

  it('counts 20 working days across Spring Festival 2026', () => {
    // Tue 02-10 → 02-11..13 1–3, Sat 02-14 4, holiday 02-15..23, 02-24..27 5–8, Sat 02-28 9, then 03-02..03-16 10–20.
    expect(calendar.addWorkingDays('2026-02-10', 20)).toEqual({ date: '2026-03-16', provisional: false });
  });

  it('crosses National Day 2025 with its make-up Sunday and Saturday', () => {
    // Fri 09-26 → Sun 09-28 1, 09-29 2, 09-30 3, holiday 10-01..08, 10-09 4, 10-10 5, Sat 10-11 6, Mon 10-13 7.
    expect(calendar.addWorkingDays('2025-09-26', 7).date).toBe('2025-10-13');
  });

  it('crosses a year boundary using both years\' schedules', () => {
    // Tue 2025-12-30 → 12-31 1, 2026-01-01..03 元旦, Sun 01-04 (make-up) 2, Mon 01-05 3.
    expect(calendar.addWorkingDays('2025-12-30', 3)).toEqual({ date: '2026-01-05', provisional: false });
  });

  it('marks a count that reaches an unpublished year provisional, with the reason', () => {
    // Mon 2026-12-28 → 12-29 1, 12-30 2, 12-31 3, Fri 2027-01-01 4: 2027 is not published, so weekends alone.
    const result = calendar.addWorkingDays('2026-12-28', 4);
    expect(result.date).toBe('2027-01-01');
    expect(result.provisional).toBe(true);
    expect(result.reason).toMatch(/2027/);
    expect(calendar.addWorkingDays('2026-12-28', 3).provisional).toBe(false);
  });

  it('counts calendar days for limits a law sets in days', () => {
    expect(calendar.addCalendarDays('2026-09-28', 3)).toEqual({ date: '2026-10-01', provisional: false });
    expect(calendar.addCalendarDays('2026-12-30', 3).provisional).toBe(true);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => calendar.addWorkingDays('2026-01-05', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-01-05', 1.5)).toThrow(RangeError);
  });
});
