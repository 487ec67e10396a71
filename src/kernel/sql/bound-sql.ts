import type { EntityManager } from '@mikro-orm/postgresql';

/** A statement for pg: its text with $1 … placeholders, the values bound to them, and a name to prepare it under. */
export interface BoundQuery {
  text: string;
  values: unknown[];
  name?: string;
}

interface PgClient {
  query(query: BoundQuery): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * Runs one statement with its parameters bound ($1, $2 …), on the
 * EntityManager's transaction. `em.execute` inlines every parameter into the
 * SQL text (escaping it character by character), which for a bulk write's
 * multi-megabyte JSON costs more than the statement itself and doubles the
 * memory it takes; bound, the JSON goes to the server as it is.
 *
 * Bound values are planned generically (plan_cache_mode, db/orm-options.ts): only
 * for statements whose best plan is the same whatever the values (writes, lookups
 * by key). A read over a skewed column or a range goes through `em.execute`.
 */
export async function executeBound<T = Record<string, unknown>>(em: EntityManager, sql: string, params: readonly unknown[]): Promise<T[]> {
  return queryOnConnection<T>(em, { text: sql, values: params as unknown[] });
}

/** One statement on the EntityManager's transaction if it has one, else on a pooled connection taken for it. */
export async function queryOnConnection<T = Record<string, unknown>>(em: EntityManager, query: BoundQuery): Promise<T[]> {
  const trx = em.getTransactionContext() as { client?: { acquireConnection(): Promise<PgClient> } } | undefined;
  if (!trx?.client) {
    const pool = em.getConnection().getKnex().client as { acquireConnection(): Promise<PgClient>; releaseConnection(c: PgClient): Promise<void> };
    const connection = await pool.acquireConnection();
    try {
      return (await connection.query(query)).rows as T[];
    } finally {
      await pool.releaseConnection(connection);
    }
  }
  // A transaction's client hands out its one connection (knex makeTxClient): no pool round trip, no release.
  const connection = await trx.client.acquireConnection();
  return (await connection.query(query)).rows as T[];
}
