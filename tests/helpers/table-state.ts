import type { TestApp } from './database.js';

/**
 * Row count and an order-independent checksum of whole tables, by plain SQL:
 * a refused write must leave them exactly as they were.
 */
export async function tableState(app: TestApp, tables: readonly string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of tables) {
    const [row] = await app.query<{ n: number; sum: string | null }>(
      `select count(*)::int as n, md5(string_agg(md5(t::text), '' order by md5(t::text))) as sum from ${table} t`,
    );
    out[table] = `${row!.n}:${row!.sum ?? ''}`;
  }
  return out;
}
