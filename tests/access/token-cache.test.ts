import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, hashSecret } from '../../src/resolvers/access/tokens.js';
import { Role } from '../../src/kernel/viewer.js';
import { startTestApp, type TestApp } from '../helpers/database.js';

/**
 * The server remembers tokens it has seen live, while a connection of its own
 * listens for token changes (src/resolvers/access/token-cache.ts). What must hold: a
 * remembered token costs no statement; a change made anywhere (here: plain SQL on
 * another connection) holds at once; expiry holds without asking; and while the
 * listener is lost nothing is remembered. The embedded database has no listener
 * (one connection), so these need a server.
 */
describe.skipIf(!process.env.DATABASE_URL)('remembered tokens', () => {
  let app: TestApp;
  let other: pg.Client;

  beforeAll(async () => {
    app = await startTestApp({ demo: false });
    other = new pg.Client({ connectionString: app.config.databaseUrl });
    await other.connect();
  }, 60_000);

  afterAll(async () => {
    await other?.end();
    await app?.close();
  });

  const ask = (token: string) => app.graphql('{ __typename }', {}, { token });
  const lookups = (statements: string[]) => statements.filter((s) => /from api_token/.test(s)).length;

  async function until(check: () => Promise<boolean>, ms: number): Promise<number> {
    const started = Date.now();
    while (!(await check())) {
      if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return Date.now() - started;
  }

  it('looks a token up once, then not again', async () => {
    const token = await app.tokenFor(Role.SUPERVISOR);
    const first = await app.sql.count(() => ask(token));
    expect(first.result.status).toBe(200);
    expect(lookups(first.statements)).toBe(1);
    const second = await app.sql.count(() => ask(token));
    expect(second.result.status).toBe(200);
    expect(lookups(second.statements)).toBe(0);
  });

  it('refuses a remembered token as soon as another connection revokes it', async () => {
    const token = await app.tokenFor(Role.SUPERVISOR);
    await ask(token);
    expect(lookups((await app.sql.count(() => ask(token))).statements)).toBe(0);
    await other.query('update api_token set revoked_at = now() where secret_hash = $1', [hashSecret(token)]);
    const waited = await until(async () => (await ask(token)).status === 401, 2_000);
    expect(waited).toBeLessThan(1_000);
    const refused = await ask(token);
    expect(refused.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(refused.body.errors![0]!.message).toMatch(/revoked/);
  });

  it('refuses a remembered token once it expires, without asking the database', async () => {
    const { secret } = await createToken(app.database.orm.em.fork(), { name: 'short-lived', role: Role.SUPERVISOR, expiresAt: new Date(Date.now() + 1_500) });
    expect((await ask(secret)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_700));
    const late = await app.sql.count(() => ask(secret));
    expect(late.result.status).toBe(401);
    expect(late.result.body.errors![0]!.message).toMatch(/expired/);
    expect(lookups(late.statements)).toBe(0);
  });

  it('remembers nothing while its listener is lost, and remembers again once it is back', async () => {
    const listener = async () =>
      (await other.query(`select pid from pg_stat_activity where datname = current_database() and query ilike 'listen gongkai_api_token%'`)).rows as { pid: number }[];
    const [before] = await listener();
    expect(before).toBeDefined();
    const token = await app.tokenFor(Role.SUPERVISOR);
    const probe = await app.tokenFor(Role.SUPERVISOR);
    await ask(token);
    await other.query('select pg_terminate_backend($1)', [before!.pid]);
    // Once the server has noticed (well within its one-second wait before listening again),
    // a token asked twice is looked up twice: nothing is remembered.
    await until(async () => {
      await ask(probe);
      return lookups((await app.sql.count(() => ask(probe))).statements) === 1;
    }, 900);
    await other.query('update api_token set revoked_at = now() where secret_hash = $1', [hashSecret(token)]);
    expect((await ask(token)).status).toBe(401);
    const fresh = await app.tokenFor(Role.SUPERVISOR);
    await until(async () => (await listener()).length === 1, 5_000);
    await ask(fresh);
    await until(async () => lookups((await app.sql.count(() => ask(fresh))).statements) === 0, 5_000);
  });
});
