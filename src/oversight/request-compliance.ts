import type { EntityManager } from '@mikro-orm/postgresql';
import type { ComplianceScope, RequestCompliance, ResolvedPeriod } from './compliance-types.js';

/**
 * 依申请公开: requests received in the period, for the scope.
 *
 * Placeholder on the `oversight` branch: requests for disclosure are built on
 * another branch, whose real implementation replaces this file at merge (same
 * signature). Until then there are no requests to count.
 */
export async function requestCompliance(
  _em: EntityManager,
  _scope: ComplianceScope,
  _period: ResolvedPeriod,
  _asOf: string,
): Promise<RequestCompliance> {
  return { received: 0, answeredOnTime: 0, answeredLate: 0, pendingWithinLimit: 0, pendingOverdue: 0, extended: 0, onTimeRate: null };
}
