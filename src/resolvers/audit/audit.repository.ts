import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '../../kernel/viewer.js';
import { run, runOne } from '../../kernel/sql/run.js';
import { sql, type Sql } from '../../kernel/sql/sql.js';

/** What the audit trail is filtered by (all given conditions apply). */
export interface AuditConditions {
  entity?: string | null;
  entityKey?: string | null;
  tokenId?: number | null;
  departmentCode?: string | null;
  action?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export interface AuditRow {
  id: string;
  at: Date | string;
  token_id: number | null;
  token_name: string | null;
  role: Role;
  department_code: string | null;
  request_id: string | null;
  action: string;
  entity: string;
  entity_key: string;
  before: unknown;
  after: unknown;
}

function conditions(filter: AuditConditions | null | undefined): Sql[] {
  const out: Sql[] = [];
  if (!filter) return out;
  if (filter.entity != null) out.push(sql`a.entity = ${filter.entity}`);
  if (filter.entityKey != null) out.push(sql`a.entity_key = ${filter.entityKey}`);
  if (filter.tokenId != null) out.push(sql`a.token_id = ${filter.tokenId}`);
  if (filter.departmentCode != null) out.push(sql`a.department_code = ${filter.departmentCode}`);
  if (filter.action != null) out.push(sql`a.action = ${filter.action}`);
  if (filter.from != null) out.push(sql`a.at >= ${filter.from}`);
  if (filter.to != null) out.push(sql`a.at < ${filter.to}`);
  return out;
}

/** A page of entries, newest first (`limit` rows): those appended before entry `beforeId` if given. Values written into the text (a range). */
export function auditPage(em: EntityManager, filter: AuditConditions | null | undefined, beforeId: string | undefined, limit: number): Promise<AuditRow[]> {
  const where = conditions(filter);
  // The id is the append order: newest first is id descending.
  if (beforeId !== undefined) where.push(sql`a.id < ${beforeId}::bigint`);
  return run<AuditRow>(
    em,
    sql`select a.id::text as id, a.at, a.token_id, t.name as token_name, a.role, a.department_code, a.request_id,
              a.action, a.entity, a.entity_key, a.before, a.after
         from audit_entry a left join api_token t on t.id = a.token_id
        ${sql.where(where)}
        order by a.id desc limit ${limit}`,
    'per-values',
  );
}

/** How many entries match the filter. */
export async function auditCount(em: EntityManager, filter: AuditConditions | null | undefined): Promise<number> {
  const row = await runOne<{ n: number }>(em, sql`select count(*)::int as n from audit_entry a${sql.where(conditions(filter))}`, 'per-values');
  return row!.n;
}
