import { regionRange } from '../domain/region-codes.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import type { Domain } from '../entities/core/domain.js';
import { ForbiddenError } from '../schema/errors.js';
import { Role, type Viewer } from './viewer.js';

/**
 * Who may write what. Every mutation asks here before it writes anything; a
 * refusal is FORBIDDEN (UNAUTHENTICATED when there is no token at all), and
 * nothing is written.
 */
export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'this needs an API token (Authorization: Bearer …)') {
    super(message, { extensions: { code: 'UNAUTHENTICATED' } });
  }
}

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
 * A PUBLISHER may write a record only in a domain where its department is a
 * lead or responsible unit (责任分工), and only for a region within its
 * jurisdiction. One statement.
 */
export async function assertMayPublish(em: EntityManager, viewer: Viewer, domain: Domain, regionCode: string): Promise<void> {
  requireRole(viewer, Role.PUBLISHER);
  const [row] = (await em.getConnection().execute(
    `select p.kind, p.region_code,
            exists (select 1 from responsibility r where r.department_code = p.code and r.domain = ?) as responsible
       from department p where p.code = ?`,
    [domain, viewer.departmentCode],
  )) as { kind: string; region_code: string; responsible: boolean }[];
  if (!row) throw new ForbiddenError(`the token's department ${viewer.departmentCode} no longer exists`);
  if (!row.responsible) {
    throw new ForbiddenError(`${viewer.departmentCode} is not a lead or responsible unit for ${domain} (责任分工)`);
  }
  const [lo, hi] = jurisdictionOf(row.kind, row.region_code);
  if (regionCode < lo || regionCode > hi) {
    throw new ForbiddenError(`region ${regionCode} is outside ${viewer.departmentCode}'s jurisdiction (${lo}–${hi})`);
  }
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
