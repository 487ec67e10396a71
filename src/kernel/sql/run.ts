import type { EntityManager } from '@mikro-orm/postgresql';
import { sql, type Sql } from './sql.js';

/**
 * How PostgreSQL plans a statement. Pooled connections plan bound values
 * generically (plan_cache_mode, db/orm-options.ts), which suits a statement
 * whose best plan is the same whatever its values, and not one over a skewed
 * column (a subject's records: five for most, fifty thousand for the busiest).
 *
 * - `generic` (the default): the values are bound ($1 …), not written into the
 *   text. Writes and lookups by key. A bulk write's megabytes of JSON go to the
 *   server as they are, not escaped character by character into the text.
 * - `prepared`: as `generic`, and the statement is prepared under a name once
 *   per connection, so it is parsed and planned once, not per request. The hot
 *   reads by key (records by id, their parties, subjects by code): the
 *   record-with-parties statement takes about 0.02 ms to run and 0.34 ms to
 *   plan at 1M records. Only for a text that is the same for any values (a
 *   list of keys as one array, `= any(${keys}::int[])`).
 * - `per-values`: MikroORM writes the values into the text (`em.execute`), so
 *   each statement is planned for its own values. Reads over skewed columns and
 *   ranges.
 */
export type Planning = 'generic' | 'prepared' | 'per-values';

/** Runs one statement on the EntityManager's transaction if it has one, else on a pooled connection; its rows. */
export async function run<T = Record<string, unknown>>(em: EntityManager, query: Sql, planning: Planning = 'generic'): Promise<T[]> {
  if (planning === 'per-values') return (await em.execute(query.knexText, query.knexValues)) as T[];
  return (await runBound(em, query, planning)).rows as T[];
}

/** The first row, or undefined. */
export async function runOne<T = Record<string, unknown>>(em: EntityManager, query: Sql, planning: Planning = 'generic'): Promise<T | undefined> {
  return (await run<T>(em, query, planning))[0];
}

/**
 * Runs one statement (as `run`) for the number of rows it wrote or returned, as the server counts them (an insert
 * whose rows may conflict); null for a statement it counts none for.
 */
export async function runCount(em: EntityManager, query: Sql, planning: Planning = 'generic'): Promise<number | null> {
  if (planning === 'per-values') return ((await em.execute(query.knexText, query.knexValues, 'run')) as { affectedRows: number | null }).affectedRows;
  return (await runBound(em, query, planning)).rowCount;
}

/** `select count(*)::int as n from <from> where …`, its values written in (`per-values`: how many match depends on them). */
export async function countRows(em: EntityManager, from: Sql, where: readonly Sql[]): Promise<number> {
  const row = await runOne<{ n: number }>(em, sql`select count(*)::int as n from ${from}${sql.where(where)}`, 'per-values');
  return row!.n;
}

function runBound(em: EntityManager, query: Sql, planning: 'generic' | 'prepared'): Promise<PgResult> {
  const { text, params } = query;
  // Seen by the same hook as the ORM's own statements: tests count statements through it.
  (em.config.get('onQuery') as ((sql: string, params: unknown[]) => string) | undefined)?.(text, params);
  return queryOnConnection(em, { name: planning === 'prepared' ? preparedName(text) : undefined, text, values: params });
}

/**
 * Each text gets one name for the life of the process, and a connection keeps
 * what it prepared until it closes. The shapes are few and fixed by the code (a
 * few per viewer role); past MAX_SHAPES a text is sent unnamed, so a shape that
 * varied with its values could not fill the server's memory.
 */
const MAX_SHAPES = 64;
const names = new Map<string, string>();

function preparedName(text: string): string | undefined {
  let name = names.get(text);
  if (!name && names.size < MAX_SHAPES) names.set(text, (name = `gk_read_${names.size + 1}`));
  return name;
}

interface BoundQuery {
  text: string;
  values: unknown[];
  name?: string;
}

interface PgResult {
  rows: Record<string, unknown>[];
  rowCount: number | null;
}

interface PgClient {
  query(query: BoundQuery): Promise<PgResult>;
}

async function queryOnConnection(em: EntityManager, query: BoundQuery): Promise<PgResult> {
  const trx = em.getTransactionContext() as { client?: { acquireConnection(): Promise<PgClient> } } | undefined;
  if (!trx?.client) {
    const pool = em.getConnection().getKnex().client as { acquireConnection(): Promise<PgClient>; releaseConnection(c: PgClient): Promise<void> };
    const connection = await pool.acquireConnection();
    try {
      return await connection.query(query);
    } finally {
      await pool.releaseConnection(connection);
    }
  }
  // A transaction's client hands out its one connection (knex makeTxClient): no pool round trip, no release.
  const connection = await trx.client.acquireConnection();
  return connection.query(query);
}
