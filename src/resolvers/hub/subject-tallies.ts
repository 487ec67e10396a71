import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, type Viewer } from '../../kernel/viewer.js';
import type { PartyRole } from '../../entities/hub/enums.js';
import { run } from '../../kernel/sql/run.js';
import { sql } from '../../kernel/sql/sql.js';

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
    tally: sql`(t.public_month < ${monthStart}::date${own ? sql` or t.publisher_code = ${own}` : sql.empty})`,
    current: own
      ? sql`p.public_from >= ${monthStart}::date and (p.public_from <= ${today}::date or p.publisher_code = ${own})`
      : sql`p.public_from >= ${monthStart}::date and p.public_from <= ${today}::date`,
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
  let rows = sql`select t.credit_code as "creditCode", t.domain, t.role, t.parties as n from subject_tally t where t.credit_code = any(${codes})`;
  if (parts) {
    rows = sql`${rows} and ${parts.tally} union all select p.credit_code, p.domain, p.role, count(*) from disclosure_party p where p.credit_code = any(${codes}) and ${parts.current} group by 1, 2, 3`;
  }
  return run<SubjectDomainCount>(
    em,
    sql`select "creditCode", domain, role, sum(n)::int as count from (${rows}) x group by 1, 2, 3 having sum(n) > 0 order by 1, 2, 3`,
    'prepared',
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
  const table = sql.raw(role ? 'subject_tally' : 'subject_record_tally');
  const column = sql.raw(role ? 'parties' : 'records');
  const ofRole = (alias: string) => (role ? sql` and ${sql.raw(alias)}.role = ${role}` : sql.empty);
  let counts = sql`select t.credit_code as parent, t.${column} as n from ${table} t where t.credit_code = any(${codes})${ofRole('t')}`;
  if (parts) {
    counts = sql`${counts} and ${parts.tally} union all select p.credit_code, count(distinct p.disclosure_id) from disclosure_party p where p.credit_code = any(${codes})${ofRole('p')} and ${parts.current} group by 1`;
  }
  const rows = await run<{ parent: string; n: number }>(em, sql`select parent, sum(n)::int as n from (${counts}) x group by parent`, 'prepared');
  return new Map(rows.map((r) => [r.parent, r.n]));
}
