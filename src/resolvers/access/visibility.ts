import type { Params } from '../../kernel/sql/params.js';
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
 * Parameters are added to `params` in the condition's text order.
 */
export function visibilityCondition(viewer: Viewer, params: Params, today: string, alias = 'd'): string | undefined {
  if (viewer.role === Role.SUPERVISOR) return undefined;
  if (viewer.role === Role.PUBLISHER && viewer.departmentCode) {
    const own = params.add(viewer.departmentCode);
    return `(${alias}.publisher_code = ${own} or ${publicCondition(params, today, alias)})`;
  }
  return publicCondition(params, today, alias);
}

/** Published by today and not exempt: what anyone may read. */
export function publicCondition(params: Params, today: string, alias = 'd'): string {
  return `(${alias}.exemption = 'NONE' and ${alias}.published_on <= ${params.add(today)}::date)`;
}

/** Whether the viewer sees every record (no visibility condition at all). */
export function seesEverything(viewer: Viewer): boolean {
  return viewer.role === Role.SUPERVISOR;
}

/**
 * The same rule on a `disclosure_party` alias, from the record's publisher and
 * public-from date copied onto each party row (kept in step by triggers: see
 * the migration that adds them). A subject's record lists and counts then read
 * the party index alone, without visiting the hub row of each record: the
 * busiest subjects are named by tens of thousands of records.
 */
export function partyVisibilityCondition(viewer: Viewer, params: Params, today: string, alias = 'p'): string | undefined {
  if (viewer.role === Role.SUPERVISOR) return undefined;
  // Parameters are positional: added in the order they appear in the text.
  if (viewer.role === Role.PUBLISHER && viewer.departmentCode) {
    const own = params.add(viewer.departmentCode);
    return `(${alias}.publisher_code = ${own} or ${alias}.public_from <= ${params.add(today)}::date)`;
  }
  return `${alias}.public_from <= ${params.add(today)}::date`;
}
