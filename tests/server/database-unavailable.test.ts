import net, { type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DriverException } from '@mikro-orm/core';
import { startApp, type App } from '../../src/app.js';
import { createToken } from '../../src/resolvers/access/tokens.js';
import { Role } from '../../src/kernel/viewer.js';
import { startEmbedded, IN_MEMORY, type EmbeddedDatabase } from '../../src/db/embedded.js';
import { loadReferenceData } from '../../src/seeders/reference-data.js';
import { DEFAULT_LIMITS, LIMIT_ROLES, type LimitsByRole } from '../../src/server/limits/limits.js';
import { databaseUnavailable } from '../../src/server/unavailable.js';
import { freshDatabaseConfig, testLogger, type TestDatabaseConfig } from '../helpers/database.js';

/**
 * A TCP relay between Gongkai and its database that the test can take down
 * (connections cut, new ones refused) or freeze (connections open, no byte
 * passes, as a stopped or partitioned server looks), without touching the
 * database server other tests share.
 */
class Relay {
  private server!: net.Server;
  private readonly pairs = new Set<[Socket, Socket]>();
  mode: 'up' | 'down' | 'frozen' = 'up';
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<void> {
    this.server = net.createServer((client) => {
      if (this.mode === 'down') return void client.destroy();
      const upstream = net.connect(this.target.port, this.target.host);
      const pair: [Socket, Socket] = [client, upstream];
      this.pairs.add(pair);
      const forward = (from: Socket, to: Socket) =>
        from.on('data', (chunk) => {
          if (this.mode === 'up') to.write(chunk);
          // Frozen: the bytes are lost, as on a dead network (nothing is replayed after).
        });
      forward(client, upstream);
      forward(upstream, client);
      const close = () => {
        client.destroy();
        upstream.destroy();
        this.pairs.delete(pair);
      };
      client.on('close', close).on('error', close);
      upstream.on('close', close).on('error', close);
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
  }

  down(): void {
    this.mode = 'down';
    for (const [a, b] of this.pairs) {
      a.destroy();
      b.destroy();
    }
  }

  /** Back up; frozen connections stay dead (their bytes were lost), so they are cut. */
  up(): void {
    if (this.mode === 'frozen') this.down();
    this.mode = 'up';
  }

  async stop(): Promise<void> {
    this.down();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const UNAVAILABLE = 'the database is unavailable or too busy to answer in time; retry later';
const STATEMENT_TIMEOUT_MS = 1_000;
const POOL_WAIT_MS = 1_000;
/** The most any request may take while the database is gone: the driver's read timeout (statement timeout + 2 s) and some slack. */
const BOUND_MS = 5_000;

describe('the database down or frozen: 503 SERVICE_UNAVAILABLE with Retry-After, within a bounded time', () => {
  let fresh: TestDatabaseConfig;
  let embedded: EmbeddedDatabase | undefined;
  let relay: Relay;
  let app: App;
  let token: string;

  beforeAll(async () => {
    fresh = await freshDatabaseConfig();
    // The embedded database is a socket too, so the relay works in front of either.
    if (!fresh.config.databaseUrl) embedded = await startEmbedded(IN_MEMORY);
    const target = new URL(fresh.config.databaseUrl ?? embedded!.url);
    relay = new Relay({ host: target.hostname, port: Number(target.port || 5432) });
    await relay.start();
    target.host = `127.0.0.1:${relay.port}`;
    app = await startApp(
      {
        ...fresh.config,
        databaseUrl: target.toString(),
        statementTimeoutMs: STATEMENT_TIMEOUT_MS,
        poolWaitMs: POOL_WAIT_MS,
        // Each role's statements too: a request's, not the pool's, decide when the driver gives up.
        operationLimits: Object.fromEntries(LIMIT_ROLES.map((role) => [role, { ...DEFAULT_LIMITS[role], statementMs: STATEMENT_TIMEOUT_MS }])) as LimitsByRole,
      },
      testLogger,
      { migrate: true },
    );
    await loadReferenceData(app.database.orm.em.fork());
    ({ secret: token } = await createToken(app.database.orm.em.fork(), { name: 'supervisor', role: Role.SUPERVISOR }));
  }, 120_000);

  afterAll(async () => {
    relay?.up();
    await app?.close();
    await relay?.stop();
    await embedded?.stop();
    await fresh?.drop();
  });

  async function ask(init: { token?: string; get?: boolean } = {}) {
    const query = '{ departments { code } disclosures(first: 3) { totalCount edges { node { id } } } }';
    const started = Date.now();
    const headers: Record<string, string> = init.token ? { authorization: `Bearer ${init.token}` } : {};
    const res = init.get
      ? await fetch(`${app.url}?query=${encodeURIComponent(query)}`, { headers })
      : await fetch(app.url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body, ms: Date.now() - started };
  }

  async function recovers(): Promise<void> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const answer = await ask({ token });
      if (answer.status === 200 && !answer.body.errors) return;
      if (Date.now() > deadline) throw new Error(`no recovery: ${JSON.stringify(answer)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  function expectUnavailable(answer: Awaited<ReturnType<typeof ask>>): void {
    expect(answer.status, JSON.stringify(answer)).toBe(503);
    expect(answer.retryAfter).toBe('5');
    expect(answer.body.errors?.length).toBeGreaterThan(0);
    expect(answer.body.errors!.map((e) => `${e.extensions?.code}: ${e.message}`)).toEqual(answer.body.errors!.map(() => `SERVICE_UNAVAILABLE: ${UNAVAILABLE}`));
    expect(answer.ms).toBeLessThan(BOUND_MS);
  }

  it('answers while the database answers', async () => {
    const answer = await ask({ token });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
  });

  it('is 503 for every kind of request while the database is down, and recovers when it is back', async () => {
    relay.down();
    for (const init of [{}, { get: true }, { token }]) expectUnavailable(await ask(init));
    const ready = await fetch(new URL('/readyz', app.url));
    expect(ready.status).toBe(503);
    relay.up();
    await recovers();
  }, 60_000);

  it('is 503 within a bounded time while the database is frozen, and recovers after', async () => {
    await recovers(); // a pooled connection is open, and will be frozen mid-use
    relay.mode = 'frozen';
    const answers = await Promise.all([ask(), ask({ get: true }), ask({ token })]);
    for (const answer of answers) expectUnavailable(answer);
    // Later requests too: none waits on the frozen connections for longer than the bound.
    expectUnavailable(await ask());
    relay.up();
    await recovers();
  }, 60_000);
});

describe('what counts as the database being unavailable', () => {
  it("knex's pool timeout, also as MikroORM rethrows it (renamed, unlinked): seen under bench/abuse as a 200 INTERNAL_SERVER_ERROR", () => {
    const knex = Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) call?'), {
      name: 'KnexTimeoutError',
    });
    expect(databaseUnavailable(knex)).toBe(true);
    const wrapped = new DriverException(knex);
    expect(wrapped.name).toBe('DriverException');
    expect(databaseUnavailable(wrapped)).toBe(true);
    expect(databaseUnavailable(new DriverException(new Error('column "x" does not exist')))).toBe(false);
  });
});
