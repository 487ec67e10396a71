import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../domain/china-date.js';
import type { ComplianceScope, CompliancePeriod, ComplianceReport } from './compliance-types.js';
import { requestCompliance } from './request-compliance.js';

/**
 * The compliance figures (监督检查) of one scope for one period, judged as of
 * `asOf` (default: today in China). A month is the monthly self-check, a
 * quarter the quarterly review, a year the yearly report.
 */
export async function computeCompliance(
  em: EntityManager,
  scope: ComplianceScope,
  period: CompliancePeriod,
  asOf: string = todayInChina(),
): Promise<ComplianceReport> {
  // Work in progress: the final implementation replaces this body.
  const resolved = { ...period, from: `${period.year}-01-01`, to: `${period.year}-12-31` };
  const zero = { formed: 0, publishedOnTime: 0, publishedLate: 0, pendingWithinLimit: 0, pendingOverdue: 0, retracted: 0, revised: 0, exempt: 0, onTimeRate: null };
  return {
    scope,
    period: resolved,
    asOf,
    totals: zero,
    byCategory: [],
    channels: [],
    gaps: [],
    requests: await requestCompliance(em, scope, resolved, asOf),
  };
}
