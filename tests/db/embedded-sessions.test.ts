import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { startEmbedded, IN_MEMORY, type EmbeddedDatabase } from '../../src/db/embedded.js';
import { loadReferenceData } from '../../src/seeders/reference-data.js';
import { createProcurementResult, createSubject } from '../helpers/factory.js';
import { testLogger } from '../helpers/database.js';

// The embedded default always, whatever DATABASE_URL says: this is the newcomer's database.

const IDLE_MS = 300;

const ANALYST_QUERY = `query ($code: CreditCode!) {
  subject(creditCode: $code) {
    name kind creditStatus
    creditEntries { list reason status decidedBy { shortName } validFrom validUntil }
    domainCounts { domain role count }
    disclosures(first: 20) {
      totalCount
      edges { cursor node { id title domain category formedOn amount publisher { shortName } parties { role subject { name } } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

describe('the embedded server after its pooled connection has idled out', () => {
  let app: App;
  let winnerCode: string;

  beforeAll(async () => {
    const config: Config = { databaseUrl: undefined, dataDir: IN_MEMORY, host: '127.0.0.1', port: 0, logLevel: 'silent', corsOrigins: '*', poolIdleMs: IDLE_MS, statementTimeoutMs: 10_000, poolWaitMs: 5_000 };
    app = await startApp(config, testLogger, { migrate: true, compileAt: 1 });
    const em = app.database.orm.em.fork();
    await loadReferenceData(em);
    const winner = await createSubject(em, '青海湖建设工程有限公司');
    const purchaser = await createSubject(em, '西宁市第一人民医院');
    await createProcurementResult(em, { winner, purchaser, awardAmount: '1280000.00' });
    winnerCode = winner.creditCode;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  async function ask(query: string, variables: Record<string, unknown> = {}) {
    const res = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are walked by hand below
    return { status: res.status, body: (await res.json()) as { data?: Record<string, any>; errors?: unknown[] } };
  }

  /** The pool's connections, open and in use: both 0 once it has idled out. */
  function pooled(): number {
    const pool = (app.database.orm.em.getConnection().getKnex().client as { pool: { numFree(): number; numUsed(): number } }).pool;
    return pool.numFree() + pool.numUsed();
  }

  async function idleOut(): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (pooled() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(pooled()).toBe(0);
  }

  it('answers the README queries, node and parties before and after idling, every time', async () => {
    const first = await ask(ANALYST_QUERY, { code: winnerCode });
    expect(first.body.errors).toBeUndefined();
    const record = first.body.data!.subject.disclosures.edges[0].node;
    expect(record.parties.map((p: { role: string }) => p.role).sort()).toEqual(['PURCHASER', 'WINNER']);

    const nodeQuery = `query ($id: ID!) { node(id: $id) { id ... on Disclosure { title parties { role subject { creditCode } } } } }`;
    const listQuery = `{ disclosures(first: 5) { edges { node { id parties { role subject { name creditStatus } } } } } }`;
    for (let round = 0; round < 3; round++) {
      await idleOut();
      const analyst = await ask(ANALYST_QUERY, { code: winnerCode });
      expect(analyst.body).toEqual(first.body);
      const node = await ask(nodeQuery, { id: record.id });
      expect(node.body.errors).toBeUndefined();
      expect(node.body.data!.node).toMatchObject({ id: record.id, title: record.title });
      expect(node.body.data!.node.parties).toHaveLength(2);
      const list = await ask(listQuery);
      expect(list.body.errors).toBeUndefined();
      expect(list.body.data!.disclosures.edges).toHaveLength(1);
    }
  }, 60_000);
});

describe('sessions on the embedded socket', () => {
  let embedded: EmbeddedDatabase;
  const clients: pg.Client[] = [];

  beforeAll(async () => {
    embedded = await startEmbedded(IN_MEMORY);
  }, 60_000);

  afterAll(async () => {
    for (const c of clients) await c.end().catch(() => {});
    await embedded?.stop();
  });

  async function connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: embedded.url });
    await client.connect();
    clients.push(client);
    return client;
  }

  it('gives each connection its own prepared statements, also under one name', async () => {
    const a = await connect();
    const b = await connect();
    const one = await a.query({ name: 'same', text: 'select $1::int + 1 as n', values: [1] });
    const two = await b.query({ name: 'same', text: "select $1::text || 'b' as n", values: ['a'] });
    expect(one.rows).toEqual([{ n: 2 }]);
    expect(two.rows).toEqual([{ n: 'ab' }]);
    // Each keeps its own after the other used the name.
    expect((await a.query({ name: 'same', text: 'select $1::int + 1 as n', values: [41] })).rows).toEqual([{ n: 42 }]);
    expect((await b.query({ name: 'same', text: "select $1::text || 'b' as n", values: ['z'] })).rows).toEqual([{ n: 'zb' }]);
  });

  it("frees a closed connection's statements, so a new connection can prepare the same names", async () => {
    const count = async (c: pg.Client) => Number((await c.query('select count(*) as n from pg_prepared_statements')).rows[0].n);
    const watcher = await connect();
    const before = await count(watcher);
    const gone = new pg.Client({ connectionString: embedded.url });
    await gone.connect();
    await gone.query({ name: 'gk_read_1', text: 'select 1 as n' });
    expect(await count(watcher)).toBe(before + 1);
    await gone.end();
    await new Promise((r) => setTimeout(r, 200));
    expect(await count(watcher)).toBe(before);
    const next = await connect();
    expect((await next.query({ name: 'gk_read_1', text: 'select 1 as n' })).rows).toEqual([{ n: 1 }]);
  });

  it("runs a connection's transaction alone: another connection waits for its commit", async () => {
    const a = await connect();
    const b = await connect();
    await a.query('create table if not exists queue_probe (n int)');
    await a.query('begin');
    await a.query('insert into queue_probe values ($1)', [1]);
    let bSaw: number | undefined;
    const bRead = b.query('select count(*)::int as n from queue_probe').then((r) => (bSaw = r.rows[0].n));
    await new Promise((r) => setTimeout(r, 200));
    expect(bSaw).toBeUndefined(); // waiting, not reading a half-done transaction
    await a.query('insert into queue_probe values ($1)', [2]);
    await a.query('commit');
    await bRead;
    expect(bSaw).toBe(2);
  });

  it('rolls back the transaction of a connection that goes away, and lets the others go on', async () => {
    const a = new pg.Client({ connectionString: embedded.url });
    a.on('error', () => {}); // its connection is cut below, on purpose
    await a.connect();
    // Connected first: a connection's start-up waits for another's transaction too.
    const b = await connect();
    await a.query('create table if not exists rollback_probe (n int)');
    await a.query('begin');
    await a.query('insert into rollback_probe values (1)');
    const read = b.query('select count(*)::int as n from rollback_probe');
    (a as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    expect((await read).rows).toEqual([{ n: 0 }]);
  });

  it('keeps concurrent extended-protocol queries of several connections apart', async () => {
    const conns = await Promise.all([connect(), connect(), connect(), connect()]);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => conns[i % conns.length]!.query(`select $1::int as n, '${'x'.repeat(i % 7)}' as pad`, [i])),
    );
    expect(results.map((r) => r.rows[0].n)).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });
});
