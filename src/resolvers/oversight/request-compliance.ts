import type { EntityManager } from '@mikro-orm/postgresql';
import { regionRange } from '../../kernel/region-codes.js';
import { Params } from '../../kernel/sql/params.js';
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
  const params = new Params();
  // `asOf` is bound once, first (placeholders are numbered in text order), and carried along as p.as_of.
  const asOfParam = params.add(asOf);
  const where = [`r.received_on between ${params.add(period.from)}::date and ${params.add(period.to)}::date`, 'r.received_on <= p.as_of'];
  if (scope.departmentCode) where.push(`r.department_code = ${params.add(scope.departmentCode)}`);
  if (scope.regionCode) {
    const [lo, hi] = regionRange(scope.regionCode);
    where.push(`r.department_code in (select dep.code from department dep where dep.region_code between ${params.add(lo)} and ${params.add(hi)})`);
  }
  if (scope.domain) where.push(`r.domain = ${params.add(scope.domain)}`);
  const sql = `
    with p as (select ${asOfParam}::date as as_of),
    judged as (
      select p.as_of,
             case when r.answered_on <= p.as_of then r.answered_on end as answered_on,
             coalesce(r.extended_on <= p.as_of, false) as extended,
             case when r.extended_on <= p.as_of then r.extended_deadline else r.deadline end as due
        from disclosure_request r, p
       where ${where.join(' and ')}
    )
    select count(*)::int as received,
           count(*) filter (where answered_on <= due)::int as "answeredOnTime",
           count(*) filter (where answered_on > due)::int as "answeredLate",
           count(*) filter (where answered_on is null and due >= as_of)::int as "pendingWithinLimit",
           count(*) filter (where answered_on is null and due < as_of)::int as "pendingOverdue",
           count(*) filter (where extended)::int as extended
      from judged`;
  const [row] = (await em.getConnection().execute(sql, params.values)) as Omit<RequestCompliance, 'onTimeRate'>[];
  const counts = row!;
  return { ...counts, onTimeRate: onTimeRate(counts.answeredOnTime, counts.answeredLate, counts.pendingOverdue) };
}
