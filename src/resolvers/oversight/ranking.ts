import type { EntityManager } from '@mikro-orm/postgresql';
import { Department, DepartmentKind } from '../../entities/core/department.entity.js';
import { todayInChina } from '../../kernel/time/china-date.js';
import { BadUserInputError } from '../../kernel/errors.js';
import { isCalendarDate } from '../../kernel/scalars/date.js';
import { run } from '../../kernel/sql/run.js';
import { sql } from '../../kernel/sql/sql.js';
import type { ComplianceCounts, CompliancePeriod, ResolvedPeriod } from './compliance-types.js';
import { resolvePeriod } from './period.js';
import { countsOf, FIGURE_COLUMNS, periodCte, touchedRecords, type FigureRow } from './record-figures.js';

/** Who is ranked: 省政府各委、办、厅、局, or the eight 市州政府. */
export enum RankingLevel {
  PROVINCIAL_DEPARTMENT = 'PROVINCIAL_DEPARTMENT',
  PREFECTURE = 'PREFECTURE',
}

const KIND_OF: Record<RankingLevel, DepartmentKind> = {
  [RankingLevel.PROVINCIAL_DEPARTMENT]: DepartmentKind.PROVINCIAL_DEPARTMENT,
  [RankingLevel.PREFECTURE]: DepartmentKind.PREFECTURE_GOVERNMENT,
};

/**
 * The default thresholds (通报表扬 / 通报批评), used when a query names none:
 * an on-time rate of at least 95 % is praised, below 80 % criticised.
 */
export const DEFAULT_THRESHOLDS = { praiseAtLeast: 0.95, criticiseBelow: 0.8 } as const;

export interface RankingEntry {
  /** 1 for the best; every department has its own place (ties are broken, see rankingOrder). */
  rank: number;
  department: Department;
  totals: ComplianceCounts;
}

export interface ComplianceRanking {
  level: RankingLevel;
  period: ResolvedPeriod;
  asOf: string;
  praiseAtLeast: number;
  criticiseBelow: number;
  entries: RankingEntry[];
  /** On-time rate ≥ praiseAtLeast. */
  praised: RankingEntry[];
  /** On-time rate < criticiseBelow. */
  criticised: RankingEntry[];
}

export interface RankingOptions {
  praiseAtLeast?: number | null;
  criticiseBelow?: number | null;
  asOf?: string | null;
}

/**
 * The order of the ranking: higher on-time rate first; on equal rates, more
 * records due first (the same rate over more records is the stronger
 * showing); then department code. Departments with nothing due have no rate
 * and come last, by code; they are neither praised nor criticised.
 */
function rankingOrder(a: { code: string; totals: ComplianceCounts }, b: { code: string; totals: ComplianceCounts }): number {
  const ra = a.totals.onTimeRate;
  const rb = b.totals.onTimeRate;
  if (ra === null || rb === null) {
    if (ra !== rb) return ra === null ? 1 : -1;
  } else {
    // Compared as fractions, by cross-multiplying the integer counts: no rounding decides a place.
    const diff = b.totals.publishedOnTime * due(a.totals) - a.totals.publishedOnTime * due(b.totals);
    if (diff !== 0) return diff;
    if (due(a.totals) !== due(b.totals)) return due(b.totals) - due(a.totals);
  }
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

function due(c: ComplianceCounts): number {
  return c.publishedOnTime + c.publishedLate + c.pendingOverdue;
}

/**
 * Ranks every department of the level by the on-time rate of the records it
 * published (as publisher, the same figures as complianceReport with its
 * departmentCode). Two statements whatever the number of departments: the
 * departments, and the figures of all of them grouped by publisher.
 */
export async function computeRanking(
  em: EntityManager,
  period: CompliancePeriod,
  level: RankingLevel,
  options: RankingOptions = {},
): Promise<ComplianceRanking> {
  const resolved = resolvePeriod(period);
  const asOf = options.asOf ?? todayInChina();
  if (!isCalendarDate(asOf)) throw new BadUserInputError(`asOf must be a calendar date YYYY-MM-DD, got "${asOf}"`, 'asOf');
  const praiseAtLeast = options.praiseAtLeast ?? DEFAULT_THRESHOLDS.praiseAtLeast;
  const criticiseBelow = options.criticiseBelow ?? DEFAULT_THRESHOLDS.criticiseBelow;
  for (const [field, value] of [
    ['praiseAtLeast', praiseAtLeast],
    ['criticiseBelow', criticiseBelow],
  ] as const) {
    if (!Number.isFinite(value) || value < 0 || value > 1) {
      throw new BadUserInputError(`${field} is an on-time rate from 0 to 1, got ${value}`, field);
    }
  }
  if (criticiseBelow > praiseAtLeast) {
    throw new BadUserInputError(
      `criticiseBelow (${criticiseBelow}) must not be above praiseAtLeast (${praiseAtLeast}): no one can be both`,
      'criticiseBelow',
    );
  }
  const kind = KIND_OF[level];
  if (!kind) throw new BadUserInputError(`unknown ranking level "${level}"`, 'level');

  const departments = await em.find(Department, { kind }, { orderBy: { code: 'asc' } });
  const p = periodCte(resolved, asOf);
  const f = touchedRecords(['publisher_code'], [sql`d.publisher_code in (select code from department where kind = ${kind})`]);
  const rows = await run<FigureRow & { publisher_code: string }>(
    em,
    sql`with ${p}, ${f}
     select f.publisher_code, ${FIGURE_COLUMNS}
       from f cross join p
      group by f.publisher_code`,
    'per-values',
  );
  const byCode = new Map(rows.map((r) => [r.publisher_code, r]));
  const ranked = departments
    .map((department) => ({ code: department.code, department, totals: countsOf(byCode.get(department.code)) }))
    .sort(rankingOrder)
    .map(({ department, totals }, i) => ({ rank: i + 1, department, totals }));
  return {
    level,
    period: resolved,
    asOf,
    praiseAtLeast,
    criticiseBelow,
    entries: ranked,
    praised: ranked.filter((e) => e.totals.onTimeRate !== null && e.totals.onTimeRate >= praiseAtLeast),
    criticised: ranked.filter((e) => e.totals.onTimeRate !== null && e.totals.onTimeRate < criticiseBelow),
  };
}
