import type { EntityManager } from '@mikro-orm/postgresql';
import { queryOnConnection } from './bound-sql.js';

/**
 * Reads by key (records by id, their parties, subjects by code, credit entries
 * and standings by subject, a subject's counts from the tallies) run as named
 * prepared statements: PostgreSQL parses and plans each shape once per
 * connection, not on every request. The record-with-parties statement of `node` takes about
 * 0.02 ms to run and 0.34 ms to plan (1M records); `em.execute` sends every statement as new
 * text with its values written in, so each request paid the planning again.
 *
 * Only for statements whose best plan does not depend on the values: a key
 * lookup is the same lookup for every key. Each pooled connection plans them
 * generically, once (plan_cache_mode, db/orm-options.ts), which a query over a
 * skewed column (a subject's records: five for most, fifty thousand for the
 * busiest) must not get; those keep going through `em.execute`. (A subject's counts qualify: the
 * tallies hold a few rows per subject however busy it is, and their party-row
 * part reads the current month only, by the index on code and public-from date.)
 *
 * The text is written with `?` placeholders (Params), numbered here ($1 …); the
 * values are bound, not written into the text, so the text is the same for every
 * key and a list of keys goes as one array (`= any(?::int[])`). Each text gets
 * one name for the life of the process. A connection keeps what it prepared
 * until it closes; the number of shapes is small and fixed by the code (a few
 * per viewer role), and past MAX_SHAPES texts a new one is sent unnamed, so a
 * shape that varies with its values cannot fill the server's memory.
 */
const MAX_SHAPES = 64;

const shapes = new Map<string, { name: string | undefined; text: string }>();

export async function executePrepared<T = Record<string, unknown>>(em: EntityManager, sql: string, params: readonly unknown[]): Promise<T[]> {
  let shape = shapes.get(sql);
  if (!shape) {
    shape = { name: shapes.size < MAX_SHAPES ? `gk_read_${shapes.size + 1}` : undefined, text: numbered(sql) };
    if (shape.name) shapes.set(sql, shape);
  }
  // Seen by the same hook as every other statement (tests count statements through it).
  (em.config.get('onQuery') as ((sql: string, params: unknown[]) => string) | undefined)?.(shape.text, params as unknown[]);
  return queryOnConnection<T>(em, { name: shape.name, text: shape.text, values: params as unknown[] });
}

/** `?` placeholders as `$1`, `$2` … in text order; a `?` inside a quoted literal or identifier is left alone. */
export function numbered(sql: string): string {
  let out = '';
  let n = 0;
  let quote: string | undefined;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = undefined;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else {
      out += ch === '?' ? `$${++n}` : ch;
    }
  }
  return out;
}
