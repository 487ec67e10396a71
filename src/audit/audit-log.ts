import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../access/viewer.js';

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
 * Appends to the audit trail inside the caller's transaction, so a write and
 * its audit row commit or roll back together. One statement for any number of
 * entries (an import appends one per row).
 */
export async function appendAudit(tx: EntityManager, viewer: Viewer, requestId: string | null, writes: readonly AuditWrite[]): Promise<void> {
  if (writes.length === 0) return;
  // em.execute runs in the EntityManager's transaction, where getConnection().execute would not.
  await tx.execute(
    `insert into audit_entry (token_id, role, department_code, request_id, action, entity, entity_key, before, after)
     select ?, ?, ?, ?, w.action, w.entity, w.entity_key, w.before, w.after
       from jsonb_to_recordset(?::jsonb) as w(action text, entity text, entity_key text, before jsonb, after jsonb)`,
    [
      viewer.tokenId,
      viewer.role,
      viewer.departmentCode,
      requestId,
      JSON.stringify(writes.map((w) => ({ action: w.action, entity: w.entity, entity_key: w.entityKey, before: w.before ?? null, after: w.after ?? null }))),
    ],
  );
}
