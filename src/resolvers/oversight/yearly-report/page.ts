import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/time/china-date.js';
import { gatherYearlyReport, parseReportYear } from './gather.js';
import { renderYearlyReport } from './render.js';

/**
 * The yearly report page for a department code and a year as typed (CLI
 * argument or URL segment): the one path both the `gongkai report` command
 * and `GET /reports/{department}/{year}` take, so they write the same page.
 * Throws YearlyReportRequestError for an unknown department or a bad year.
 */
export async function yearlyReportPage(
  em: EntityManager,
  departmentCode: string,
  rawYear: string,
  asOf: string = todayInChina(),
): Promise<string> {
  const year = parseReportYear(rawYear, asOf);
  return renderYearlyReport(await gatherYearlyReport(em, departmentCode, year, asOf));
}
