import { addDays, yearOf } from './calendar-dates.js';
import { unpublishedReason, type WorkingDayCalendar, type WorkingDayResult } from './working-days.js';

/** 公开时限: how long after formation or change a record must be public, and the clause that says so. */
export interface TimeLimitRule {
  amount: number;
  unit: 'WORKING_DAYS' | 'CALENDAR_DAYS';
  basis: string;
}

/** One version of a catalogue item's time limit, as the catalogue stores it. */
export interface TimeLimitVersion {
  domain: string;
  category: string;
  regionCode: string;
  validFrom: string;
  timeLimit: TimeLimitRule;
}

/** The region itself, then the regions above it (GB/T 2260: county 630121 → prefecture 630100 → province 630000). */
export function regionAndAncestors(code: string): string[] {
  const out = [code];
  if (!code.endsWith('00')) out.push(`${code.slice(0, 4)}00`);
  if (!code.endsWith('0000')) out.push(`${code.slice(0, 2)}0000`);
  return out;
}

/**
 * The time-limit rules of the catalogue, with their history. A record is judged
 * by the item of its category for its own region or the nearest region above
 * (the province's catalogue applies wherever a prefecture has not adjusted it),
 * in the version in force on the day its clock started: the latest version whose
 * validFrom is on or before that day. A record from before the first version
 * takes the first one (the catalogue is the only source of limits).
 */
export class TimeLimitRules {
  private readonly byItem = new Map<string, TimeLimitVersion[]>();

  constructor(versions: readonly TimeLimitVersion[]) {
    for (const v of versions) {
      const key = `${v.domain}.${v.category}.${v.regionCode}`;
      const list = this.byItem.get(key) ?? [];
      list.push(v);
      this.byItem.set(key, list);
    }
    for (const list of this.byItem.values()) list.sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  }

  /** The rule for a record of `domain.category` in `regionCode` whose clock started on `on`; undefined when the catalogue has no such item. */
  ruleFor(domain: string, category: string, regionCode: string, on: string): TimeLimitRule | undefined {
    for (const region of regionAndAncestors(regionCode)) {
      const versions = this.byItem.get(`${domain}.${category}.${region}`);
      if (!versions?.length) continue;
      let chosen = versions[0]!;
      for (const v of versions) if (v.validFrom <= on) chosen = v;
      return chosen.timeLimit;
    }
    return undefined;
  }

  /** As ruleFor, with the plan's general rule where the catalogue has no item. */
  ruleOrDefault(domain: string, category: string, regionCode: string, on: string): TimeLimitRule {
    return this.ruleFor(domain, category, regionCode, on) ?? PLAN_DEFAULT_RULE;
  }
}

/**
 * The plan's general rule (青政办〔2018〕25号 二（四）), for a record whose category
 * has no catalogue item: 20 working days from formation or change.
 */
const PLAN_DEFAULT_RULE: TimeLimitRule = {
  amount: 20,
  unit: 'WORKING_DAYS',
  basis: '《青海省推进公共资源配置领域政府信息公开的实施方案》（青政办〔2018〕25号）二（四）：确定为主动公开的信息，应当自信息形成或变更之日起20个工作日内予以公开',
};

/**
 * The last day to publish: the Nth working (or calendar) day after the clock
 * start; the start day itself is not counted (期间开始之日不计算在内).
 */
export function deadlineOf(calendar: WorkingDayCalendar, rule: TimeLimitRule, clockStart: string): WorkingDayResult {
  if (rule.unit === 'WORKING_DAYS') return calendar.addWorkingDays(clockStart, rule.amount);
  // A limit in days (日) whose last day is a rest day ends on the next working day
  // (民法典 第二百零三条: 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日).
  const end = calendar.addCalendarDays(clockStart, rule.amount);
  return calendar.isWorkingDay(end.date) ? end : calendar.addWorkingDays(end.date, 1);
}

/**
 * The clock starts on the day the information was formed or, after a revision
 * (变更), on the day of the latest change: a revision restarts it.
 */
export function clockStartOf(formedOn: string, lastChangedOn: string | null | undefined): string {
  return lastChangedOn && lastChangedOn > formedOn ? lastChangedOn : formedOn;
}

export interface TimingInput {
  deadline: string;
  publishedOn?: string | null;
  /** Exempt records (免予公开) are never overdue. */
  exempt: boolean;
}

/** 是否逾期: published after the deadline, or unpublished with the deadline past. */
export function isOverdue(record: TimingInput, today: string): boolean {
  if (record.exempt) return false;
  return record.publishedOn ? record.publishedOn > record.deadline : today > record.deadline;
}

/**
 * 逾期工作日数: published late, the working days in (deadline, publication];
 * unpublished and past the deadline, the working days in (deadline, today];
 * otherwise 0. A record published on the rest day right after its deadline is
 * overdue by 0 working days.
 */
export function workingDaysLate(calendar: WorkingDayCalendar, record: TimingInput, today: string): number {
  if (!isOverdue(record, today)) return 0;
  return calendar.workingDaysBetween(record.deadline, record.publishedOn ?? today);
}

/** Why a deadline is provisional: the first year its count entered that has no published schedule. */
export function provisionalReason(calendar: WorkingDayCalendar, clockStart: string, deadline: string): string | null {
  // The count covers (clockStart, deadline]: the start day's own year matters only if the count stays in it.
  for (let year = yearOf(addDays(clockStart, 1)); year <= yearOf(deadline); year++) {
    if (!calendar.hasSchedule(year)) return unpublishedReason(year);
  }
  return null;
}
