/*
 * Who may write what. Every mutation asks here before it writes anything; a
 * refusal is FORBIDDEN (UNAUTHENTICATED when there is no token at all), and
 * nothing is written.
 */

import { regionRange } from '../../kernel/region-codes.js';
import { ForbiddenError, UnauthenticatedError } from '../../kernel/errors.js';
import { Role, type Viewer } from '../../kernel/viewer.js';

/** The viewer holds one of `roles`, or the request is refused. */
export function requireRole(viewer: Viewer, ...roles: Role[]): void {
  if (roles.includes(viewer.role)) return;
  if (viewer.role === Role.PUBLIC) throw new UnauthenticatedError();
  throw new ForbiddenError(`a ${viewer.role} token may not do this (needs ${roles.join(' or ')})`);
}

/** The GB/T 2260 codes a department answers for: a prefecture government its prefecture and counties, a provincial body the province. */
export function jurisdictionOf(departmentKind: string, departmentRegionCode: string): [string, string] {
  return regionRange(departmentKind === 'PREFECTURE_GOVERNMENT' ? departmentRegionCode : `${departmentRegionCode.slice(0, 2)}0000`);
}

/**
 * A record already stored may be changed only by the department that published it. Ask only about a record the
 * viewer may read (access/readable-record.ts): one it may not is NOT_FOUND before this, so the owner named here is
 * a public record's publisher, which anyone may read.
 */
export function assertOwnRecord(viewer: Viewer, publisherCode: string): void {
  requireRole(viewer, Role.PUBLISHER);
  if (viewer.departmentCode !== publisherCode) {
    throw new ForbiddenError(`the record belongs to ${publisherCode}; ${viewer.departmentCode} may not change it`);
  }
}

/** A credit entry's deciding department is the caller's own. */
export function assertMayDecideCredit(viewer: Viewer, decidedByCode: string): void {
  requireRole(viewer, Role.PUBLISHER);
  if (viewer.departmentCode !== decidedByCode) {
    throw new ForbiddenError(`a credit entry decided by ${decidedByCode} cannot be written with ${viewer.departmentCode}'s token`);
  }
}
