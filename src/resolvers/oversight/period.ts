import { BadUserInputError } from '../../kernel/errors.js';
import type { CompliancePeriod, ResolvedPeriod } from './compliance-types.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of a month (1–12), as a day of the month. */
function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A month (每月自查), a quarter (每季度检查) or a year (年度报告) as its first
 * and last calendar day, both included. Refuses what is not one of them, naming
 * the field (`field` is the argument's path, e.g. "period.month").
 */
export function resolvePeriod(period: CompliancePeriod, field = 'period'): ResolvedPeriod {
  const { year, quarter, month } = period;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new BadUserInputError(`year must be a whole year from 2000 to 2100, got ${year}`, `${field}.year`);
  }
  const hasQuarter = quarter != null;
  const hasMonth = month != null;
  if (hasQuarter && hasMonth) {
    throw new BadUserInputError('give a quarter or a month, not both', `${field}.month`);
  }
  if (hasQuarter) {
    if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
      throw new BadUserInputError(`quarter must be 1, 2, 3 or 4, got ${quarter}`, `${field}.quarter`);
    }
    const first = (quarter - 1) * 3 + 1;
    return { year, quarter, from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${pad(lastDay(year, first + 2))}` };
  }
  if (hasMonth) {
    if (!Number.isInteger(month) || month < 1 || month > 12) {
      throw new BadUserInputError(`month must be 1 to 12, got ${month}`, `${field}.month`);
    }
    return { year, month, from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDay(year, month))}` };
  }
  return { year, from: `${year}-01-01`, to: `${year}-12-31` };
}
