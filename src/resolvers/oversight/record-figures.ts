import { regionRange } from '../../kernel/region-codes.js';
import { sql, type Sql } from '../../kernel/sql/sql.js';
import type { ComplianceCounts, ComplianceScope, ResolvedPeriod } from './compliance-types.js';

/**
 * The record figures of compliance, as SQL: one definition shared by the
 * report (grouped by category) and the ranking (grouped by publisher), so the
 * two can never count differently. The definitions are in docs/model.md
 * ("Compliance figures"). Their statements run `per-values`: a scope's and a
 * period's rows vary too much for one plan.
 */

/** The period's bounds and the judging day, once, so every condition reads them by name. */
export function periodCte(period: ResolvedPeriod, asOf: string): Sql {
  // Nothing dated after asOf is known on asOf: the period is cut there.
  const end = period.to < asOf ? period.to : asOf;
  return sql`p as (select ${period.from}::date as from_, ${end}::date as end_, ${asOf}::date as as_of)`;
}

/** The scope as conditions on `d` (the disclosure table). */
export function scopeConditions(scope: ComplianceScope): Sql[] {
  if (scope.departmentCode != null) return [sql`d.publisher_code = ${scope.departmentCode}`];
  if (scope.regionCode != null) {
    const [lo, hi] = regionRange(scope.regionCode);
    return [sql`d.region_code between ${lo} and ${hi}`];
  }
  if (scope.domain != null) return [sql`d.domain = ${scope.domain}`];
  return [];
}

/**
 * `f`: one row per record the period touches within `where` (builds conditions
 * on `d`): formed (or last changed) in it, or revised in it. Needs the `p` CTE.
 * `columns` are extra columns of `d` to carry (the grouping keys).
 *
 * Two branches rather than one OR, so the formed records are read by their
 * formation date (a month reads that month's rows, not the whole scope); the
 * second adds the few records revised in the period but formed outside it.
 */
export function touchedRecords(columns: readonly string[], where: readonly Sql[]): Sql {
  const extra = columns.map((c) => `d.${c}, `).join('');
  // Each branch has its own copy of the scope's values.
  const scope = sql.join(
    where.map((w) => sql` and ${w}`),
    '',
  );
  const envelope = sql.raw(`${extra}d.deadline, d.published_on, d.retracted_on,
           d.exemption <> 'NONE' as exempt,
           coalesce(d.published_on <= p.as_of, false) as published`);
  return sql`r as (
    select distinct rv.disclosure_id as id
      from p cross join disclosure_revision rv
     where rv.changed_on between p.from_ and p.end_
  ), f as (
    select ${envelope}, true as formed, d.id in (select r.id from r) as revised
      from p cross join disclosure d
     where d.formed_on between p.from_ and p.end_${scope}
    union all
    select ${envelope}, false as formed, true as revised
      from p cross join r
      join disclosure d on d.id = r.id
     where not d.formed_on between p.from_ and p.end_${scope}
  )`;
}

/** The aggregate columns over `f` (and `p`), named as the row reader below expects. */
export const FIGURE_COLUMNS = sql.raw(`
  count(*) filter (where f.formed)::int as formed,
  count(*) filter (where f.formed and not f.exempt and f.published and f.published_on <= f.deadline)::int as published_on_time,
  count(*) filter (where f.formed and not f.exempt and f.published and f.published_on > f.deadline)::int as published_late,
  count(*) filter (where f.formed and not f.exempt and not f.published and f.deadline >= p.as_of)::int as pending_within_limit,
  count(*) filter (where f.formed and not f.exempt and not f.published and f.deadline < p.as_of)::int as pending_overdue,
  count(*) filter (where f.formed and f.retracted_on <= p.as_of)::int as retracted,
  count(*) filter (where f.revised)::int as revised,
  count(*) filter (where f.formed and f.exempt)::int as exempt`);

export interface FigureRow {
  formed: number;
  published_on_time: number;
  published_late: number;
  pending_within_limit: number;
  pending_overdue: number;
  retracted: number;
  revised: number;
  exempt: number;
}

/** On time ÷ everything that was due (published, or overdue); null when nothing was due. */
export function onTimeRate(onTime: number, late: number, overdue: number): number | null {
  const due = onTime + late + overdue;
  return due === 0 ? null : onTime / due;
}

export function countsOf(row: FigureRow | undefined): ComplianceCounts {
  const r = row ?? { formed: 0, published_on_time: 0, published_late: 0, pending_within_limit: 0, pending_overdue: 0, retracted: 0, revised: 0, exempt: 0 };
  return {
    formed: r.formed,
    publishedOnTime: r.published_on_time,
    publishedLate: r.published_late,
    pendingWithinLimit: r.pending_within_limit,
    pendingOverdue: r.pending_overdue,
    retracted: r.retracted,
    revised: r.revised,
    exempt: r.exempt,
    onTimeRate: onTimeRate(r.published_on_time, r.published_late, r.pending_overdue),
  };
}
