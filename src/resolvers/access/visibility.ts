import { sql, type Sql } from '../../kernel/sql/sql.js';
import { Role, type Viewer } from '../../kernel/viewer.js';

/**
 * Which records a viewer may read, as one SQL condition on a `disclosure`
 * alias. Every read path that selects, counts or groups records adds it, so
 * no query shape (a list, a count, a search, a nested list, a lookup by id, a
 * subject's per-domain counts) can reveal a record the viewer may not see.
 *
 * Public (公众可见): not exempt (免予公开: state secret, commercial secret,
 * personal privacy, other) and published, on or before today in China. A
 * record with no publication date yet, or one dated later (a scheduled
 * publication), is not public until that day comes: the publishing
 * department has not made it public.
 *
 * The owning department (a PUBLISHER with the record's publisher code) sees
 * its own records whatever their state; SUPERVISOR (政务公开办) sees every
 * record. ADMIN manages tokens and reference data and reads as the public.
 *
 * Returns undefined when the viewer sees everything (no condition to add).
 */
export function visibilityCondition(viewer: Viewer, today: string, alias = 'd'): Sql | undefined {
  if (viewer.role === Role.SUPERVISOR) return undefined;
  if (viewer.role === Role.PUBLISHER && viewer.departmentCode) {
    return sql`(${sql.raw(alias)}.publisher_code = ${viewer.departmentCode} or ${publicCondition(today, alias)})`;
  }
  return publicCondition(today, alias);
}

/** Published by today and not exempt: what anyone may read. */
function publicCondition(today: string, alias = 'd'): Sql {
  const a = sql.raw(alias);
  return sql`(${a}.exemption = 'NONE' and ${a}.published_on <= ${today}::date)`;
}

/**
 * The same rule on a `disclosure_party` alias, from the record's publisher and
 * public-from date copied onto each party row (kept in step by triggers: see
 * the migration that adds them). A subject's record lists and counts then read
 * the party index alone, without visiting the hub row of each record: the
 * busiest subjects are named by tens of thousands of records.
 */
export function partyVisibilityCondition(viewer: Viewer, today: string, alias = 'p'): Sql | undefined {
  if (viewer.role === Role.SUPERVISOR) return undefined;
  const a = sql.raw(alias);
  if (viewer.role === Role.PUBLISHER && viewer.departmentCode) {
    return sql`(${a}.publisher_code = ${viewer.departmentCode} or ${a}.public_from <= ${today}::date)`;
  }
  return sql`${a}.public_from <= ${today}::date`;
}
