import { HolidayDay, HolidayYear } from './holiday-year.entity.js';

/** The working-day calendar: the official holiday schedule, one row per year and per named day. */
export const calendarEntities = [HolidayYear, HolidayDay];
