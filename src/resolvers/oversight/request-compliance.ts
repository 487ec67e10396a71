import type { EntityManager } from '@mikro-orm/postgresql';
import { regionRange } from '../../kernel/region-codes.js';
import { runOne } from '../../kernel/sql/run.js';
import { sql, type Sql } from '../../kernel/sql/sql.js';
import { onTimeRate } from './record-figures.js';
import type { ComplianceScope, RequestCompliance, ResolvedPeriod } from './compliance-types.js';

/**
 * 依申请公开 figures for a compliance report: requests received in the period
 * within the scope, judged as of `asOf` (China time). "As of" is taken
 * literally, so a past report can be recomputed and come out the same: an
 * answer given after `asOf` counts as still pending, an extension decided
 * after `asOf` is not yet in force, and a request received after `asOf` is not
 * counted at all. A request is on time when answered (or withdrawn) no later
 * than the deadline in force. One SQL statement.
 *
 * Scope: `departmentCode` the department the request is addressed to;
 * `regionCode` departments whose region is that region or below it; `domain`
 * the domain the request concerns. Conditions given together must all hold.
 */
export async function requestCompliance(
  em: EntityManager,
  scope: ComplianceScope,
  period: ResolvedPeriod,
  asOf: string,
): Promise<RequestCompliance> {
  const where: Sql[] = [sql`r.received_on between ${period.from}::date and ${period.to}::date`, sql`r.received_on <= p.as_of`];
  if (scope.departmentCode) where.push(sql`r.department_code = ${scope.departmentCode}`);
  if (scope.regionCode) {
    const [lo, hi] = regionRange(scope.regionCode);
    where.push(sql`r.department_code in (select dep.code from department dep where dep.region_code between ${lo} and ${hi})`);
  }
  if (scope.domain) where.push(sql`r.domain = ${scope.domain}`);
  // `asOf` is written once and carried along as p.as_of.
  const query = sql`
    with p as (select ${asOf}::date as as_of),
    judged as (
      select p.as_of,
             case when r.answered_on <= p.as_of then r.answered_on end as answered_on,
             coalesce(r.extended_on <= p.as_of, false) as extended,
             case when r.extended_on <= p.as_of then r.extended_deadline else r.deadline end as due
        from disclosure_request r, p
       where ${sql.join(where, ' and ')}
    )
    select count(*)::int as received,
           count(*) filter (where answered_on <= due)::int as "answeredOnTime",
           count(*) filter (where answered_on > due)::int as "answeredLate",
           count(*) filter (where answered_on is null and due >= as_of)::int as "pendingWithinLimit",
           count(*) filter (where answered_on is null and due < as_of)::int as "pendingOverdue",
           count(*) filter (where extended)::int as extended
      from judged`;
  const counts = (await runOne<Omit<RequestCompliance, 'onTimeRate'>>(em, query, 'per-values'))!;
  return { ...counts, onTimeRate: onTimeRate(counts.answeredOnTime, counts.answeredLate, counts.pendingOverdue) };
}
