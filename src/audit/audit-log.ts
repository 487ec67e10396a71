import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../access/viewer.js';
import { executeBound } from '../schema/bound-sql.js';

export interface AuditWrite {
  action: string;
  entity: string;
  entityKey: string;
  /** The values before the write (null: created). */
  before: unknown;
  /** The values after the write (null: nothing left, which Gongkai never does). */
  after: unknown;
}

/**
 * The statement appending `writes`, with its values bound through `param` (which returns the placeholder for a value),
 * so a bulk write can run it in the same statement as the rows it audits.
 */
export function auditInsertSql(param: (value: unknown) => string, viewer: Viewer, requestId: string | null, writes: readonly AuditWrite[]): string {
  const entries = JSON.stringify(writes.map((w) => ({ action: w.action, entity: w.entity, entity_key: w.entityKey, before: w.before ?? null, after: w.after ?? null })));
  return `insert into audit_entry (token_id, role, department_code, request_id, action, entity, entity_key, before, after)
     select ${param(viewer.tokenId)}::int, ${param(viewer.role)}, ${param(viewer.departmentCode)}, ${param(requestId)}, w.action, w.entity, w.entity_key, w.before, w.after
       from jsonb_to_recordset(${param(entries)}::jsonb) as w(action text, entity text, entity_key text, before jsonb, after jsonb)`;
}

/**
 * Appends to the audit trail inside the caller's transaction, so a write and
 * its audit row commit or roll back together. One statement for any number of
 * entries (an import appends one per row).
 */
export async function appendAudit(tx: EntityManager, viewer: Viewer, requestId: string | null, writes: readonly AuditWrite[]): Promise<void> {
  if (writes.length === 0) return;
  // Bound on the EntityManager's transaction (where getConnection().execute would not run), the entries' JSON sent as it is.
  const params: unknown[] = [];
  const sql = auditInsertSql((value) => `$${params.push(value)}`, viewer, requestId, writes);
  await executeBound(tx, sql, params);
}
