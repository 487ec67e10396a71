import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, type Viewer } from '../../kernel/viewer.js';
import type { PartyRole } from '../../entities/hub/enums.js';
import { executePrepared } from '../../kernel/sql/prepared-statements.js';
import { Params } from '../../kernel/sql/params.js';

/**
 * A subject's counts (records per domain and role, its record total) read from
 * the tallies the party triggers keep (subject_tally, subject_record_tally; see
 * Migration20261128041500), so they cost the same for a subject named once and
 * for one named 47,000 times.
 *
 * What the viewer may see (src/resolvers/access/visibility.ts) splits in two:
 * - tally rows of months before the current one are public as a whole (their
 *   records became public before today); rows of records not public at all
 *   ('infinity' month) are kept per publisher, for the publisher's own view;
 * - from the first day of the current month on, rows are counted from the
 *   party rows, whose public-from date the index carries: "public by today"
 *   moves daily inside a month, which a monthly tally cannot tell, and a
 *   publisher also sees its own records dated later than today.
 * The supervisor sees everything: the tallies alone.
 */
function visibleParts(viewer: Viewer, today: string) {
  const monthStart = `${today.slice(0, 7)}-01`;
  if (viewer.role === Role.SUPERVISOR) return undefined;
  const own = viewer.role === Role.PUBLISHER && viewer.departmentCode ? viewer.departmentCode : undefined;
  return {
    // A tally row carries a publisher only when its records are not public.
    tally: (params: Params) =>
      `(t.public_month < ${params.add(monthStart)}::date${own ? ` or t.publisher_code = ${params.add(own)}` : ''})`,
    current: (params: Params) =>
      `p.public_from >= ${params.add(monthStart)}::date and ` +
      (own ? `(p.public_from <= ${params.add(today)}::date or p.publisher_code = ${params.add(own)})` : `p.public_from <= ${params.add(today)}::date`),
  };
}

export interface SubjectDomainCount {
  creditCode: string;
  domain: string;
  role: string;
  count: number;
}

/** Party rows per subject, domain and role that the viewer may see, in domain and role order; zero counts left out. */
export async function domainCountsOf(em: EntityManager, codes: readonly string[], viewer: Viewer, today: string): Promise<SubjectDomainCount[]> {
  const parts = visibleParts(viewer, today);
  // Parameters are positional: added in the order they appear in the text.
  const params = new Params();
  let sql = `select t.credit_code as "creditCode", t.domain, t.role, t.parties as n from subject_tally t where t.credit_code = any(${params.add(codes)})`;
  if (parts) {
    sql += ` and ${parts.tally(params)}`;
    sql +=
      ` union all select p.credit_code, p.domain, p.role, count(*) from disclosure_party p` +
      ` where p.credit_code = any(${params.add(codes)}) and ${parts.current(params)} group by 1, 2, 3`;
  }
  return executePrepared<SubjectDomainCount>(
    em,
    `select "creditCode", domain, role, sum(n)::int as count from (${sql}) x group by 1, 2, 3 having sum(n) > 0 order by 1, 2, 3`,
    params.values,
  );
}

/**
 * Records naming each subject that the viewer may see (in `role` only, if given):
 * a record naming a subject in two roles counts once. By role, party rows are
 * records already (one row per record, role and subject).
 */
export async function recordCountsOf(
  em: EntityManager,
  codes: readonly string[],
  role: PartyRole | null | undefined,
  viewer: Viewer,
  today: string,
): Promise<Map<string, number>> {
  const parts = visibleParts(viewer, today);
  const params = new Params();
  const table = role ? 'subject_tally' : 'subject_record_tally';
  const column = role ? 'parties' : 'records';
  let sql = `select t.credit_code as parent, t.${column} as n from ${table} t where t.credit_code = any(${params.add(codes)})`;
  if (role) sql += ` and t.role = ${params.add(role)}`;
  if (parts) {
    sql += ` and ${parts.tally(params)}`;
    sql += ` union all select p.credit_code, count(distinct p.disclosure_id) from disclosure_party p where p.credit_code = any(${params.add(codes)})`;
    if (role) sql += ` and p.role = ${params.add(role)}`;
    sql += ` and ${parts.current(params)} group by 1`;
  }
  const rows = await executePrepared<{ parent: string; n: number }>(em, `select parent, sum(n)::int as n from (${sql}) x group by parent`, params.values);
  return new Map(rows.map((r) => [r.parent, r.n]));
}
