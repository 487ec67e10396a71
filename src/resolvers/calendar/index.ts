import { HolidayYearResolver } from './holiday.resolver.js';

export const calendarResolvers = [HolidayYearResolver] as const;
