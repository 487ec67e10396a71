import type { EntityMetadata, EntityProperty, MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { runCount } from '../kernel/sql/run.js';
import { sql } from '../kernel/sql/sql.js';

interface Column {
  name: string;
  cast: string;
  read: (row: Record<string, unknown>) => unknown;
}

/**
 * Bulk inserts for one entity's table, columns taken from the entity's own
 * metadata so they cannot drift from the migrations. Each flush is one
 * `insert … select * from unnest($1::t1[], $2::t2[] …)`: one statement and one
 * round trip for thousands of rows, on PostgreSQL and on the embedded PGlite
 * alike (which has no COPY FROM STDIN over its socket).
 */
export class TableWriter {
  private rows: Record<string, unknown>[] = [];
  private columns: Column[] | undefined;
  readonly table: string;
  written = 0;

  constructor(
    private readonly meta: EntityMetadata,
    private readonly batchSize = 5000,
    /** Skip rows whose key exists (subjects shared with an earlier run). */
    private readonly skipExisting = false,
  ) {
    this.table = meta.tableName;
  }

  add(row: Record<string, unknown>): void {
    this.rows.push(row);
  }

  get full(): boolean {
    return this.rows.length >= this.batchSize;
  }

  /** Hands over the rows added so far; the writer starts a new batch. */
  take(): Record<string, unknown>[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }

  /** Writes the rows added so far, on `em`'s transaction (the seed's) if it has one. */
  async flush(em: EntityManager): Promise<void> {
    await this.write(em, this.take());
  }

  async write(em: EntityManager, rows: Record<string, unknown>[]): Promise<void> {
    if (rows.length === 0) return;
    const columns = (this.columns ??= columnsOf(this.meta, rows[0]!));
    const arrays = columns.map((column) => sql`${rows.map((row) => normalise(column.read(row)))}::${sql.raw(column.cast)}[]`);
    const names = sql.raw(columns.map((c) => `"${c.name}"`).join(', '));
    const onConflict = this.skipExisting ? sql` on conflict do nothing` : sql.empty;
    const written = await runCount(em, sql`insert into ${sql.ident(this.table)} (${names}) select * from unnest(${sql.join(arrays)})${onConflict}`, 'generic');
    this.written += written ?? rows.length;
  }
}

export function writerFor(orm: MikroORM, entityName: string, batchSize?: number, skipExisting = false): TableWriter {
  return new TableWriter(orm.getMetadata().get(entityName) as EntityMetadata, batchSize, skipExisting);
}

function columnsOf(meta: EntityMetadata, sample: Record<string, unknown>): Column[] {
  const columns: Column[] = [];
  for (const prop of Object.values(meta.props) as EntityProperty[]) {
    if (prop.persist === false || prop.generated || prop.kind === 'embedded' || prop.kind === '1:m' || prop.kind === 'm:n') continue;
    if (prop.fieldNames.length !== 1) continue;
    const path = prop.embedded ? [prop.embedded[0], prop.embedded[1]] : [prop.name];
    // Columns the row leaves out keep their database default (serial ids, timestamps).
    if (!prop.embedded && !(prop.name in sample) && (prop.autoincrement || prop.default !== undefined || prop.defaultRaw)) continue;
    columns.push({
      name: prop.fieldNames[0]!,
      cast: castOf(prop),
      read: path.length === 2 ? (row) => (row[path[0]!] as Record<string, unknown> | null)?.[path[1]!] : (row) => row[path[0]!],
    });
  }
  return columns;
}

function castOf(prop: EntityProperty): string {
  const type = prop.columnTypes[0]!;
  if (prop.nativeEnumName) return `"${prop.nativeEnumName}"`;
  if (type === 'serial') return 'int';
  if (type === 'json') return 'jsonb';
  return type.replace(/\(.*\)$/, '');
}

function normalise(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) return JSON.stringify(value);
  return value;
}
