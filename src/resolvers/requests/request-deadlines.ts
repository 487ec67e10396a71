import type { WorkingDayCalendar, WorkingDayResult } from '../../kernel/time/working-days.js';

/**
 * 政府信息公开条例 第三十三条: an answer within 20 working days of receipt; where
 * more time is needed, with the approval of the head of the disclosure office
 * and notice to the requester, the limit may be extended once, by at most 20
 * working days. The day of receipt is not counted.
 */
const ANSWER_WORKING_DAYS = 20;
const EXTENSION_WORKING_DAYS = 20;

/** The statutory deadline: the 20th working day after receipt. */
export function answerDeadline(calendar: WorkingDayCalendar, receivedOn: string): WorkingDayResult {
  return calendar.addWorkingDays(receivedOn, ANSWER_WORKING_DAYS);
}

/** The extended deadline: 20 working days after the original one. */
export function extendedDeadline(calendar: WorkingDayCalendar, originalDeadline: string): WorkingDayResult {
  return calendar.addWorkingDays(originalDeadline, EXTENSION_WORKING_DAYS);
}

export interface RequestTiming {
  /** The deadline in force: the extended one where there is one. */
  deadline: string;
  extendedDeadline?: string | null;
  answeredOn?: string | null;
}

/** The deadline the answer is judged against. */
export function deadlineInForce(r: RequestTiming): string {
  return r.extendedDeadline ?? r.deadline;
}

/** 逾期: answered after the deadline in force, or unanswered with it past on `today` (China time). */
export function requestOverdue(r: RequestTiming, today: string): boolean {
  const due = deadlineInForce(r);
  return r.answeredOn ? r.answeredOn > due : today > due;
}

/**
 * Working days late: those after the deadline up to the answer (or, unanswered,
 * up to `today`); 0 when not overdue.
 */
export function requestDaysLate(calendar: WorkingDayCalendar, r: RequestTiming, today: string): number {
  if (!requestOverdue(r, today)) return 0;
  return calendar.workingDaysBetween(deadlineInForce(r), r.answeredOn ?? today);
}
