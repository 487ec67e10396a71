import { addDays } from '../../src/kernel/time/calendar-dates.js';
import { describe, expect, it } from 'vitest';
import { clockStartOf, deadlineOf, isOverdue, provisionalReason, TimeLimitRules, workingDaysLate } from '../../src/kernel/time/time-limits.js';
import { WorkingDayCalendar } from '../../src/kernel/time/working-days.js';
import { loadHolidaySchedules } from '../../src/reference-data/holidays.js';

// Expectations are counted by hand on the State Council's schedules
// (data/holidays-cn): the day of formation is not counted; make-up weekend days count.
const calendar = new WorkingDayCalendar(loadHolidaySchedules());
const WORKING_DAYS = (amount: number) => ({ amount, unit: 'WORKING_DAYS' as const, basis: 'test' });
const CALENDAR_DAYS = (amount: number) => ({ amount, unit: 'CALENDAR_DAYS' as const, basis: 'test' });

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

  it('crosses Spring Festival 2019 with a make-up Saturday and Sunday back to back', () => {
    // 2019.json: 春节 02-02 (Sat) and 02-03 (Sun) isOffDay false; 02-04..02-10 isOffDay true.
    // Fri 02-01 → Sat 02-02 1, Sun 02-03 2, holiday to Sun 02-10, Mon 02-11 3, 02-12 4, 02-13 5, 02-14 6, Fri 02-15 7.
    expect(calendar.addWorkingDays('2019-02-01', 7)).toEqual({ date: '2019-02-15', provisional: false });
    expect(calendar.addWorkingDays('2019-02-01', 2).date).toBe('2019-02-03');
  });

  it('counts 20 working days across Spring Festival 2024 with its two make-up Sundays', () => {
    // 2024.json: 春节 02-04 (Sun) false, 02-10..02-17 true, 02-18 (Sun) false.
    // Fri 02-02 → Sun 02-04 1, 02-05..02-09 2–6, holiday, Sun 02-18 7, 02-19..23 8–12, 02-26..03-01 13–17, 03-04 18, 03-05 19, Wed 03-06 20.
    expect(calendar.addWorkingDays('2024-02-02', 20)).toEqual({ date: '2024-03-06', provisional: false });
  });

  it('crosses National Day 2024 with its make-up Sunday and Saturday', () => {
    // 2024.json: 国庆节 09-29 (Sun) false, 10-01..10-07 true, 10-12 (Sat) false.
    // Fri 09-27 → Sun 09-29 1, Mon 09-30 2, holiday, 10-08 3, 10-09 4, 10-10 5, 10-11 6, Sat 10-12 7.
    expect(calendar.addWorkingDays('2024-09-27', 2).date).toBe('2024-09-30'); // a procurement result's 2 working days
    expect(calendar.addWorkingDays('2024-09-27', 7).date).toBe('2024-10-12');
    expect(calendar.workingDaysBetween('2024-09-27', '2024-10-12')).toBe(7);
  });

  it('crosses 2018 into 2019 on a make-up Saturday that the 2019 notice names', () => {
    // 2019.json: 元旦 2018-12-29 (Sat) false, 2018-12-30, 2018-12-31 and 2019-01-01 true.
    // Thu 2018-12-27 → Fri 12-28 1, Sat 12-29 2, holiday to 01-01, Wed 2019-01-02 3.
    expect(calendar.addWorkingDays('2018-12-27', 2).date).toBe('2018-12-29');
    expect(calendar.addWorkingDays('2018-12-27', 3)).toEqual({ date: '2019-01-02', provisional: false });
  });

  it('turns a provisional count final once the next year is published', () => {
    // A synthetic 2027 schedule with Friday 2027-01-01 off (元旦).
    // Mon 2026-12-28 → 12-29 1, 12-30 2, 12-31 3, Fri 01-01 off, Mon 2027-01-04 4.
    const with2027 = new WorkingDayCalendar([...loadHolidaySchedules(), { year: 2027, offDays: ['2027-01-01'], makeUpWorkdays: [] }]);
    expect(with2027.addWorkingDays('2026-12-28', 4)).toEqual({ date: '2027-01-04', provisional: false });
    expect(provisionalReason(calendar, '2026-12-28', '2027-01-01')).toMatch(/2027/);
    expect(provisionalReason(with2027, '2026-12-28', '2027-01-04')).toBeNull();
  });

  it('restarts the clock from the latest change (变更)', () => {
    // Formed Fri 2024-09-20, changed Fri 09-27: 2 working days from the change are Sun 09-29 (make-up) and Mon 09-30.
    const start = clockStartOf('2024-09-20', '2024-09-27');
    expect(start).toBe('2024-09-27');
    expect(deadlineOf(calendar, WORKING_DAYS(2), start).date).toBe('2024-09-30');
    expect(clockStartOf('2024-09-20', null)).toBe('2024-09-20');
  });

  it('ends a limit in days that falls on a rest day on the next working day (民法典 第二百零三条)', () => {
    // Bid candidates, 3 days from the evaluation report (实施条例 第五十四条).
    // Report Fri 2025-01-24: day 3 is Mon 01-27, a working day (2025.json: 春节 off 01-28 to 02-04).
    expect(deadlineOf(calendar, CALENDAR_DAYS(3), '2025-01-24').date).toBe('2025-01-27');
    // Report Sat 2025-01-25: day 3 is Tue 01-28, 春节 (off to 02-04): the period ends Wed 02-05.
    expect(deadlineOf(calendar, CALENDAR_DAYS(3), '2025-01-25').date).toBe('2025-02-05');
    // Report Wed 2024-09-25: day 3 is Sat 09-28, an ordinary weekend; Sun 09-29 is a make-up working day (2024.json).
    expect(deadlineOf(calendar, CALENDAR_DAYS(3), '2024-09-25').date).toBe('2024-09-29');
  });

  it('counts working days between two dates as a day-by-day walk of the calendar does', () => {
    // The count is computed by whole weeks plus the schedule's named days; the walk is the definition.
    const walk = (from: string, to: string) => {
      let n = 0;
      for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) n++;
      return n;
    };
    let seed = 7;
    const next = (m: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % m;
    for (let i = 0; i < 400; i++) {
      const from = addDays('2016-12-20', next(3800));
      const to = addDays(from, next(900) - 10);
      expect(calendar.workingDaysBetween(from, to), `${from}..${to}`).toBe(walk(from, to));
    }
  });

  it('counts working days late, and never for an exempt record', () => {
    const today = '2024-10-09';
    // Deadline Mon 09-30, published Tue 10-08 (first day after the holiday): 1 working day late.
    expect(workingDaysLate(calendar, { deadline: '2024-09-30', publishedOn: '2024-10-08', exempt: false }, today)).toBe(1);
    // Published during the holiday: late, but by no working day.
    expect(isOverdue({ deadline: '2024-09-30', publishedOn: '2024-10-05', exempt: false }, today)).toBe(true);
    expect(workingDaysLate(calendar, { deadline: '2024-09-30', publishedOn: '2024-10-05', exempt: false }, today)).toBe(0);
    // Unpublished, deadline Fri 09-27: Sun 09-29, Mon 09-30, 10-08, 10-09 → 4 by today.
    expect(workingDaysLate(calendar, { deadline: '2024-09-27', publishedOn: null, exempt: false }, today)).toBe(4);
    expect(workingDaysLate(calendar, { deadline: '2024-09-27', publishedOn: null, exempt: true }, today)).toBe(0);
    expect(workingDaysLate(calendar, { deadline: '2024-10-12', publishedOn: null, exempt: false }, today)).toBe(0);
  });

  it('takes the time limit in force when the clock started, from the nearest region that has the item', () => {
    const rules = new TimeLimitRules([
      { domain: 'HOUSING', category: 'SCHEME', regionCode: '630000', validFrom: '2018-03-14', timeLimit: WORKING_DAYS(20) },
      { domain: 'HOUSING', category: 'SCHEME', regionCode: '630000', validFrom: '2026-01-01', timeLimit: WORKING_DAYS(15) },
      { domain: 'HOUSING', category: 'SCHEME', regionCode: '630100', validFrom: '2018-03-14', timeLimit: WORKING_DAYS(10) },
    ]);
    expect(rules.ruleFor('HOUSING', 'SCHEME', '632300', '2025-12-31')?.amount).toBe(20);
    expect(rules.ruleFor('HOUSING', 'SCHEME', '632321', '2026-01-01')?.amount).toBe(15);
    expect(rules.ruleFor('HOUSING', 'SCHEME', '630121', '2026-03-01')?.amount).toBe(10);
    expect(rules.ruleFor('HOUSING', 'SCHEME', '632300', '2017-05-01')?.amount).toBe(20);
    expect(rules.ruleFor('HOUSING', 'ALLOCATION', '630000', '2020-01-01')).toBeUndefined();
    expect(rules.ruleOrDefault('HOUSING', 'ALLOCATION', '630000', '2020-01-01').amount).toBe(20);
  });
});
