import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../kernel/viewer.js';
import { jsonArray, jsonText } from '../../kernel/sql/json-text.js';
import { run } from '../../kernel/sql/run.js';
import { sql, type Sql } from '../../kernel/sql/sql.js';

export interface AuditWrite {
  action: string;
  entity: string;
  entityKey: string;
  /** The values before the write (null: created); a RawJson is taken as the JSON text it holds. */
  before: unknown;
  /** The values after the write (null: nothing left, which Gongkai never does); a RawJson as for `before`. */
  after: unknown;
}

/**
 * The statement appending `writes`, so a bulk write can run it in the same statement as the rows it audits.
 *
 * The before/after values (whole records, most of an import's audit bytes) go as one byte string, each entry naming
 * where its values are in it; the rest of each entry goes as a small JSON array. Inside a JSON array the values were
 * read three times over (the parameter checked as JSON, the array taken apart, each value checked again as the json
 * column's input); cut from the bytes, each is read once, as the column's input. (An import's audit append, all told,
 * is some 15 % of its time.)
 */
export function auditInsertSql(viewer: Viewer, requestId: string | null, writes: readonly AuditWrite[]): Sql {
  const texts: string[] = [];
  let end = 0;
  /** Where a value's JSON text starts (1-based, as SQL counts) and how many bytes it has; nulls for no value. */
  const place = (value: unknown): string => {
    if (value === null || value === undefined) return 'null,null';
    const text = jsonText(value);
    texts.push(text);
    const start = end + 1;
    end += Buffer.byteLength(text);
    return `${start},${end - start + 1}`;
  };
  const entries = jsonArray(
    writes.map((w) => `[${JSON.stringify(w.action)},${JSON.stringify(w.entity)},${JSON.stringify(w.entityKey)},${place(w.before)},${place(w.after)}]`),
  );
  // Mentioned twice (before, after), sent once.
  const values = sql.param(Buffer.from(texts.join('')));
  const value = (start: string, length: string) =>
    sql`case when ${sql.raw(length)} is not null then convert_from(substring(${values}::bytea from ${sql.raw(start)} for ${sql.raw(length)}), 'UTF8')::json end`;
  return sql`insert into audit_entry (token_id, role, department_code, request_id, action, entity, entity_key, before, after)
     select ${viewer.tokenId}::int, ${viewer.role}, ${viewer.departmentCode}, ${requestId}, w->>0, w->>1, w->>2,
            ${value('(w->>3)::int', '(w->>4)::int')}, ${value('(w->>5)::int', '(w->>6)::int')}
       from json_array_elements(${Buffer.from(entries)}::json) as w`;
}

/**
 * Appends to the audit trail inside the caller's transaction, so a write and
 * its audit row commit or roll back together. One statement for any number of
 * entries (an import appends one per row).
 */
export async function appendAudit(tx: EntityManager, viewer: Viewer, requestId: string | null, writes: readonly AuditWrite[]): Promise<void> {
  if (writes.length === 0) return;
  // Bound on the EntityManager's transaction, the entries' JSON sent as it is.
  await run(tx, auditInsertSql(viewer, requestId, writes), 'generic');
}
