import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/time/china-date.js';
import { Department } from '../../../entities/core/department.entity.js';
import { complianceTotals, computeCompliance } from '../compliance.js';
import type { ComplianceCounts, ComplianceReport } from '../compliance-types.js';
import { countsOf } from '../record-figures.js';

/** The plan (青政办〔2018〕25号) took effect in 2018: no department owes a report for an earlier year. */
const FIRST_REPORT_YEAR = 2018;

export interface YearlyReportData {
  department: { code: string; name: string; shortName: string; regionName: string };
  year: number;
  /** The day the figures were judged on (China time). */
  asOf: string;
  /** The year's figures: the yearly report proper. */
  annual: ComplianceReport;
  /** January to December: each month's self-check figures, for the chart. */
  /** Each month's totals, January first. */
  months: Pick<ComplianceReport, 'totals'>[];
}

/** Why a report cannot be made: the CLI prints it, the HTTP server maps it to 404 or 400. */
export class YearlyReportRequestError extends Error {
  override name = 'YearlyReportRequestError';
  constructor(
    readonly reason: 'UNKNOWN_DEPARTMENT' | 'BAD_YEAR',
    message: string,
  ) {
    super(message);
  }
}

/** A year as typed on a command line or in a URL: four digits, from the plan's first year to this one. */
export function parseReportYear(raw: string, asOf: string = todayInChina()): number {
  const thisYear = Number(asOf.slice(0, 4));
  const year = /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  if (!(year >= FIRST_REPORT_YEAR && year <= thisYear)) {
    throw new YearlyReportRequestError('BAD_YEAR', `year must be from ${FIRST_REPORT_YEAR} to ${thisYear}, got "${raw}"`);
  }
  return year;
}

/**
 * The figures of one department's yearly report: the year's compliance
 * report and each month's, all from the one compliance computation the
 * GraphQL report uses, so the page and the API cannot disagree.
 */
export async function gatherYearlyReport(
  em: EntityManager,
  departmentCode: string,
  year: number,
  asOf: string = todayInChina(),
): Promise<YearlyReportData> {
  const department = await em.fork().findOne(Department, { code: departmentCode }, { populate: ['region'] });
  if (!department) {
    throw new YearlyReportRequestError('UNKNOWN_DEPARTMENT', `unknown department "${departmentCode}" (the departments query lists the codes)`);
  }
  const scope = { departmentCode: department.code };
  // The year in full; each month only its totals (all the page shows of a month): one
  // statement a month. A month that starts after asOf has nothing dated in it yet.
  const [annual, ...monthTotals] = await Promise.all([
    computeCompliance(em.fork(), scope, { year }, asOf),
    ...Array.from({ length: 12 }, (_, i) =>
      `${year}-${String(i + 1).padStart(2, '0')}-01` > asOf ? countsOf(undefined) : complianceTotals(em.fork(), scope, { year, month: i + 1 }, asOf),
    ),
  ]);
  const months = monthTotals.map((totals) => ({ totals: totals as ComplianceCounts }));
  return {
    department: { code: department.code, name: department.name, shortName: department.shortName, regionName: department.region.name },
    year,
    asOf,
    annual: annual!,
    months,
  };
}
