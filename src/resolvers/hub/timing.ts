import type { EntityManager } from '@mikro-orm/postgresql';
import { calendarFor } from '../calendar/calendar-store.js';
import { readTimeLimitRules } from '../calendar/time-limit-store.js';
import type { TimeLimitRules } from '../../kernel/time/time-limits.js';
import type { WorkingDayCalendar } from '../../kernel/time/working-days.js';
import type { LoaderFactory } from '../../kernel/context.js';

/** Once per request, whatever the page size. */
function once<T>(load: (em: EntityManager) => Promise<T>): LoaderFactory<() => Promise<T>> {
  return (em) => {
    let value: Promise<T> | undefined;
    return () => (value ??= load(em));
  };
}

/** The working-day calendar (kept per process, see calendar-store). */
export const requestCalendar: LoaderFactory<() => Promise<WorkingDayCalendar>> = once(calendarFor);

/** The catalogue's time limits with their history: one small query per request, so an adjustment shows at once. */
export const requestTimeLimits: LoaderFactory<() => Promise<TimeLimitRules>> = once(readTimeLimitRules);
