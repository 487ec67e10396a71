import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../kernel/time/china-date.js';
import { findCategoryByTypeName } from '../../entities/hub/category-registry.js';
import { fromGlobalId } from '../../kernel/node.js';
import { runOne } from '../../kernel/sql/run.js';
import { sql } from '../../kernel/sql/sql.js';
import type { Viewer } from '../../kernel/viewer.js';
import { visibilityCondition } from './visibility.js';

/** What a write taking a record id needs of the record. */
export interface RecordHead {
  id: number;
  publisherCode: string;
  version: number;
  status: string;
  formedOn: string;
  domain: string;
  category: string;
}

/**
 * The record a global id names, as `viewer` may see it: undefined both when no
 * record has that id (or the id is of another type) and when the record is
 * hidden from the viewer, so every mutation that takes a record id answers the
 * two alike (NOT_FOUND, one message) and cannot tell anyone a hidden record
 * exists or whose it is. The rule is the reads' own (visibility.ts).
 */
export async function readableRecord(em: EntityManager, viewer: Viewer, id: string): Promise<RecordHead | undefined> {
  const decoded = fromGlobalId(id);
  const category = decoded ? findCategoryByTypeName(decoded.type) : undefined;
  // Keys are int4: a longer number names nothing (and must not reach PostgreSQL as one).
  if (!decoded || !category || !/^\d{1,9}$/.test(decoded.key)) return undefined;
  const visible = visibilityCondition(viewer, todayInChina());
  const row = await runOne<{ id: number; publisher_code: string; version: number; status: string; formed_on: string; domain: string; category: string }>(
    em,
    sql`select d.id, d.publisher_code, d.version, d.status, d.formed_on::text as formed_on, d.domain, d.category
       from disclosure d where ${visible ?? sql.raw('true')} and d.id = ${Number(decoded.key)} and d.domain = ${category.domain} and d.category = ${category.code}`,
    'per-values',
  );
  return row && { id: row.id, publisherCode: row.publisher_code, version: row.version, status: row.status, formedOn: row.formed_on, domain: row.domain, category: row.category };
}
