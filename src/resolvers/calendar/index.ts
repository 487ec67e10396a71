import { CalendarMutationsResolver } from './calendar-mutations.resolver.js';
import { HolidayYearResolver } from './holiday.resolver.js';

export const calendarResolvers = [HolidayYearResolver, CalendarMutationsResolver] as const;
