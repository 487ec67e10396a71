import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withStatementTimeout } from '../../src/db/statement-timeouts.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

/**
 * Each request's statements run under its role's statement_timeout on a pool
 * every role shares (db/statement-timeouts.ts). The setting a statement ran under
 * is read back by the statement itself, from the server.
 */
let db: TestDatabase;
const BASELINE_MS = 700;

beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
  await db.limitRequests({ statementTimeoutMs: BASELINE_MS, poolWaitMs: 5_000 });
});
afterAll(async () => {
  await db?.close();
});

/** The statement's own timeout; it holds its connection a moment, so concurrent calls take every pooled connection. */
const setting = async (): Promise<string> => {
  const [row] = await db.orm.em.fork().getConnection().execute<{ t: string }[]>(`select current_setting('statement_timeout') as t, pg_sleep(0.05)`);
  return row!.t;
};
const sleep = (seconds: number) => db.orm.em.fork().getConnection().execute(`select pg_sleep(${seconds})`);

describe.skipIf(!process.env.DATABASE_URL)('a statement_timeout per request', () => {
  it('outside a request, statements run under the pool baseline', async () => {
    expect(await setting()).toBe(`${BASELINE_MS}ms`);
    await expect(sleep(1.2)).rejects.toMatchObject({ code: '57014' });
  });

  it('a request with a longer timeout may run longer; the next statement outside it is back at the baseline', async () => {
    await withStatementTimeout(5_000, () => sleep(1.2));
    await expect(sleep(1.2)).rejects.toMatchObject({ code: '57014' });
    expect(await setting()).toBe(`${BASELINE_MS}ms`);
  });

  it('a request with a shorter timeout is stopped sooner', async () => {
    await expect(withStatementTimeout(100, () => sleep(0.4))).rejects.toMatchObject({ code: '57014' });
  });

  it('concurrent requests each see their own timeout, interleaved on the pool', async () => {
    const wanted = Array.from({ length: 40 }, (_, i) => 1_001 + (i % 7) * 111);
    const seen = await Promise.all(wanted.map((ms) => withStatementTimeout(ms, setting)));
    expect(seen).toEqual(wanted.map((ms) => `${ms}ms`));
  });

  it('a timeout set inside a transaction that rolls back is sent again, not assumed', async () => {
    // Begun under one timeout; a statement and the rollback under another, whose set the rollback undoes.
    const em = db.orm.em.fork();
    await withStatementTimeout(2_345, () => em.begin());
    await withStatementTimeout(3_456, async () => {
      const inside = await em.getConnection().execute<{ t: string }[]>(`select current_setting('statement_timeout') as t`, [], 'all', em.getTransactionContext());
      expect(inside[0]!.t).toBe('3456ms');
      await em.rollback();
    });
    // Every pooled connection at once, so the one that rolled back is among them.
    const seen = await Promise.all(Array.from({ length: 10 }, () => withStatementTimeout(3_456, setting)));
    expect(seen).toEqual(Array(10).fill('3456ms'));
    expect(await setting()).toBe(`${BASELINE_MS}ms`);
  });
});
