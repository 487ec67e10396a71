import { WorkingDayCalendar } from '../../domain/working-days.js';
import { loadHolidaySchedules } from '../../reference-data/holidays.js';

let calendar: WorkingDayCalendar | undefined;

/** The official schedule, read once per process: days late are counted on it. */
export function officialCalendar(): WorkingDayCalendar {
  return (calendar ??= new WorkingDayCalendar(loadHolidaySchedules()));
}
