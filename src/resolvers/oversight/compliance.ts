import type { EntityManager } from '@mikro-orm/postgresql';
import { Domain } from '../../entities/core/domain.js';
import { findCategory } from '../../entities/hub/category-registry.js';
import type { Channel } from '../../entities/hub/enums.js';
import { todayInChina } from '../../kernel/time/china-date.js';
import { isCalendarDate } from '../../kernel/scalars/date.js';
import { BadUserInputError, NotFoundError } from '../../kernel/errors.js';
import { run } from '../../kernel/sql/run.js';
import { sql, type Sql } from '../../kernel/sql/sql.js';
import type {
  CatalogueGap,
  CategoryCompliance,
  ChannelUse,
  ComplianceCounts,
  CompliancePeriod,
  ComplianceReport,
  ComplianceScope,
  ResolvedPeriod,
} from './compliance-types.js';
import { resolvePeriod } from './period.js';
import { countsOf, FIGURE_COLUMNS, periodCte, scopeConditions, touchedRecords, type FigureRow } from './record-figures.js';
import { requestCompliance } from './request-compliance.js';

/**
 * The compliance figures (监督检查) of one scope for one period, judged as of
 * `asOf` (default: today in China). A month is the monthly self-check
 * (每月自查), a quarter the quarterly review (每季度检查), a year the yearly
 * report (年度报告). Definitions: docs/model.md, "Compliance figures".
 *
 * Four statements whatever the size of the scope: the scope check, the record
 * figures (by category and in total, one pass), the channels, the catalogue.
 */
export async function computeCompliance(
  em: EntityManager,
  scope: ComplianceScope,
  period: CompliancePeriod,
  asOf: string = todayInChina(),
): Promise<ComplianceReport> {
  const checkedScope = await checkScope(em, scope);
  const resolved = resolvePeriod(period);
  if (!isCalendarDate(asOf)) throw new BadUserInputError(`asOf must be a calendar date YYYY-MM-DD, got "${asOf}"`, 'asOf');

  // Independent statements: on PostgreSQL each takes its own pooled connection, so a
  // large scope waits for the slowest, not the sum (the embedded database runs them in turn).
  const [figures, channels, catalogue, requests] = await Promise.all([
    recordFigures(em, checkedScope, resolved, asOf),
    channelUse(em, checkedScope, resolved, asOf),
    catalogueCategories(em, checkedScope, resolved),
    requestCompliance(em, checkedScope, resolved, asOf),
  ]);

  const names = new Map(catalogue.map((c) => [`${c.domain}.${c.category}`, c.name]));
  const nameOf = (domain: Domain, category: string) =>
    names.get(`${domain}.${category}`) ?? findCategory(domain, category)?.zh ?? category;
  const byCategory: CategoryCompliance[] = figures.byCategory.map((row) => ({
    domain: row.domain,
    category: row.category,
    name: nameOf(row.domain, row.category),
    ...countsOf(row),
  }));
  const formedIn = new Set(byCategory.filter((c) => c.formed > 0).map((c) => `${c.domain}.${c.category}`));
  const gaps: CatalogueGap[] = catalogue
    .filter((c) => c.owed && !formedIn.has(`${c.domain}.${c.category}`))
    .map(({ domain, category, name }) => ({ domain, category, name }));

  return {
    scope: checkedScope,
    period: resolved,
    asOf,
    totals: figures.totals,
    byCategory,
    channels,
    gaps,
    requests,
  };
}

/**
 * Exactly one of departmentCode, regionCode, domain, and it must exist; the
 * scope is returned with only that key, so callers can pass GraphQL input
 * objects with null siblings.
 */
async function checkScope(em: EntityManager, scope: ComplianceScope): Promise<ComplianceScope> {
  const given = (['departmentCode', 'regionCode', 'domain'] as const).filter((k) => scope[k] != null);
  if (given.length !== 1) {
    throw new BadUserInputError(
      `scope takes exactly one of departmentCode, regionCode, domain; got ${given.length ? given.join(', ') : 'none'}`,
      'scope',
    );
  }
  if (scope.departmentCode != null) {
    const rows = await run(em, sql`select 1 from department where code = ${scope.departmentCode}`, 'per-values');
    if (!rows.length) throw new NotFoundError(`no department has the code "${scope.departmentCode}"`, 'scope.departmentCode');
    return { departmentCode: scope.departmentCode };
  }
  if (scope.regionCode != null) {
    if (!/^\d{6}$/.test(scope.regionCode)) {
      throw new BadUserInputError(`regionCode must be a 6-digit GB/T 2260 code, got "${scope.regionCode}"`, 'scope.regionCode');
    }
    const rows = await run(em, sql`select 1 from region where code = ${scope.regionCode}`, 'per-values');
    if (!rows.length) throw new NotFoundError(`no region has the code "${scope.regionCode}"`, 'scope.regionCode');
    return { regionCode: scope.regionCode };
  }
  if (!Object.values(Domain).includes(scope.domain!)) {
    throw new BadUserInputError(`unknown domain "${scope.domain}"`, 'scope.domain');
  }
  return { domain: scope.domain };
}

/**
 * The period's totals alone, for a scope already checked: what a yearly report's
 * monthly rows show (one statement, where a full report takes five).
 */
export async function complianceTotals(em: EntityManager, scope: ComplianceScope, period: CompliancePeriod, asOf: string): Promise<ComplianceCounts> {
  return (await recordFigures(em, scope, resolvePeriod(period), asOf)).totals;
}

type CategoryRow = FigureRow & { domain: Domain; category: string; total: boolean };

/** By category and in total, in one pass over the period's records (GROUPING SETS). */
async function recordFigures(
  em: EntityManager,
  scope: ComplianceScope,
  period: ResolvedPeriod,
  asOf: string,
): Promise<{ totals: ComplianceCounts; byCategory: CategoryRow[] }> {
  const p = periodCte(period, asOf);
  const f = touchedRecords(['domain', 'category'], scopeConditions(scope));
  const rows = await run<CategoryRow>(
    em,
    sql`with ${p}, ${f}
     select f.domain, f.category, grouping(f.domain, f.category) <> 0 as total, ${FIGURE_COLUMNS}
       from f cross join p
      group by grouping sets ((f.domain, f.category), ())
      order by total, f.domain, f.category`,
    'per-values',
  );
  const totals = rows.find((r) => r.total);
  return { totals: countsOf(totals), byCategory: rows.filter((r) => !r.total) };
}

/** Records of the period published on each channel by `asOf`; most used first. */
async function channelUse(
  em: EntityManager,
  scope: ComplianceScope,
  period: ResolvedPeriod,
  asOf: string,
): Promise<ChannelUse[]> {
  const where = [...scopeConditions(scope), sql`d.formed_on between p.from_ and p.end_`, sql`cp.published_on <= p.as_of`];
  return run<{ channel: Channel; records: number }>(
    em,
    sql`with ${periodCte(period, asOf)}
     select cp.channel, count(distinct cp.disclosure_id)::int as records
       from p cross join disclosure_publication cp
       join disclosure d on d.id = cp.disclosure_id${sql.where(where)}
      group by cp.channel
      order by records desc, cp.channel`,
    'per-values',
  );
}

/**
 * Every category of the catalogue in force at some point of the period, with
 * its name (公开事项, from its latest version in the period), and whether the
 * scope owes records of it: a department the categories of the domains it
 * leads or is responsible in, a domain its own, a region all of them.
 */
async function catalogueCategories(
  em: EntityManager,
  scope: ComplianceScope,
  period: ResolvedPeriod,
): Promise<{ domain: Domain; category: string; name: string; owed: boolean }[]> {
  let owed: Sql = sql.raw('true');
  if (scope.departmentCode != null) {
    owed = sql`c.domain in (select r.domain from responsibility r where r.department_code = ${scope.departmentCode})`;
  } else if (scope.domain != null) {
    owed = sql`c.domain = ${scope.domain}`;
  }
  return run(
    em,
    sql`select distinct on (c.domain, c.category) c.domain, c.category, c.item as name, ${owed} as owed
       from catalogue_item c
      where c.valid_from <= ${period.to}::date and (c.valid_until is null or c.valid_until >= ${period.from}::date)
      order by c.domain, c.category, c.valid_from desc, c.version desc`,
    'per-values',
  );
}
