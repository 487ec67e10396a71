import { readFileSync } from 'node:fs';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/resolvers/access/tokens.js';
import { Role } from '../../src/kernel/viewer.js';
import { startApp, type App } from '../../src/app.js';
import { buildGongkaiSchema } from '../../src/schema/build-schema.js';
import { loadExamples } from '../../src/server/examples.js';
import { DEFAULT_LIMITS } from '../../src/server/limits/limits.js';
import { COUNT_COST } from '../../src/server/limits/measure.js';
import { OperationLimits } from '../../src/server/limits/operation-limits.js';
import { freshDatabaseConfig, startTestApp, testLogger, type GraphQLResponse, type TestApp } from '../helpers/database.js';

// The hostile queries of issue 19, over real HTTP against the demo data. Each is
// refused before it runs: in well under 50 ms, with no SQL, naming the limit and
// what was measured, while a bystander's query goes on answering.

/** The limit: 50 ms. This machine is shared and noisy; a refusal is timed warm, and allowed twice that. */
const REFUSED_WITHIN_MS = 100;
const PUBLIC = DEFAULT_LIMITS.PUBLIC;
const SUPERVISOR = DEFAULT_LIMITS.SUPERVISOR;

let app: TestApp;
let supervisor: string;
beforeAll(async () => {
  app = await startTestApp();
  supervisor = await app.tokenFor(Role.SUPERVISOR);
}, 300_000);
afterAll(async () => {
  await app?.close();
});

interface Timed extends GraphQLResponse {
  ms: number;
  statements: number;
}

async function timed(query: string, options?: { token?: string }): Promise<Timed> {
  const started = performance.now();
  const { result, statements } = await app.sql.count(() => app.graphql(query, undefined, options));
  return { ...result, ms: performance.now() - started, statements: statements.length };
}

/**
 * Sent four times (the first warms the code paths): refused every time, with no SQL; fast at its best of the other
 * three. A refusal that did the work would be slow every time, while one slow sample is the shared machine's
 * scheduler (measured: 192 ms once in a full CI run at load 6, under 10 ms alone).
 */
async function refused(query: string, options?: { token?: string }) {
  await timed(query, options);
  const tries = [await timed(query, options), await timed(query, options), await timed(query, options)];
  const res = tries[0]!;
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body.data).toBeUndefined();
  expect(res.body.errors).toHaveLength(1);
  const error = res.body.errors![0]!;
  expect(error.extensions?.code).toBe('OPERATION_LIMIT');
  for (const t of tries) expect(t.statements).toBe(0);
  expect(Math.min(...tries.map((t) => t.ms))).toBeLessThan(REFUSED_WITHIN_MS);
  return { ...error, extensions: error.extensions as { code: string; limit: string; max: number; measured: number } };
}

/** `{ regions { children { parent { children { parent … { code } … }`: the 188-byte query that took the process down. */
function regionsLoop(levels: number): string {
  let inner = '{ code }';
  for (let i = levels; i >= 1; i--) inner = `{ ${i % 2 ? 'children' : 'parent'} ${inner} }`;
  return `{ regions ${inner} }`;
}

/** disclosures(first:100) → parties → subject → disclosures(first:100) …, `levels` times. */
function nestedDisclosures(levels: number, first = 100): string {
  let inner = '{ edges { node { id } } }';
  for (let i = 1; i < levels; i++) inner = `{ edges { node { id parties { subject { disclosures(first: ${first}) ${inner} } } } } }`;
  return `{ disclosures(first: ${first}) ${inner} }`;
}

const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

describe('hostile queries are refused before they run', () => {
  it('the 188-byte regions loop: by depth for anyone, by cost for a supervisor', async () => {
    const query = regionsLoop(12);
    expect(Buffer.byteLength(query)).toBeLessThan(200);
    const error = await refused(query);
    // 14 levels: regions, the 12 nested fields, code.
    expect(error.extensions).toEqual({ code: 'OPERATION_LIMIT', limit: 'depth', max: PUBLIC.depth, measured: 14 });
    expect(error.message).toBe(`operation depth is 14, over the limit of ${PUBLIC.depth}: nest fewer fields`);
    const asSupervisor = await refused(query, { token: supervisor });
    // Regions count 10, children 10 each: 10 · (1 + 10 · (1 + 1 · (1 + 10 · …))) field values.
    expect(asSupervisor.extensions).toMatchObject({ limit: 'cost', max: SUPERVISOR.cost });
    expect(asSupervisor.extensions.measured).toBeGreaterThan(10 ** 7);
  });

  it('disclosures → parties → subject → disclosures(first: 100), nested 2 to 4 times', async () => {
    // Two levels fit the depth (9) but not the cost: 100 records · 5 parties · 100 records.
    const two = await refused(nestedDisclosures(2));
    expect(two.extensions).toMatchObject({ limit: 'cost', max: PUBLIC.cost });
    // disclosures, edges; per record: node, id, parties; per party: subject, disclosures, edges; per record below: node, id.
    expect(two.extensions.measured).toBe(2 + 100 * (3 + 5 * (3 + 100 * 2)));
    // Three levels (depth 14): past an anonymous reader's depth, and past a supervisor's cost.
    expect((await refused(nestedDisclosures(3))).extensions).toMatchObject({ limit: 'depth', max: PUBLIC.depth, measured: 14 });
    expect((await refused(nestedDisclosures(3), { token: supervisor })).extensions).toMatchObject({ limit: 'cost', max: SUPERVISOR.cost });
    expect((await refused(nestedDisclosures(4), { token: supervisor })).extensions).toMatchObject({ limit: 'depth', max: SUPERVISOR.depth, measured: 19 });
  });

  it('1,000 aliases of a stop-word count: by body size without a token, by tokens (and fewer of them, by aliases)', async () => {
    const field = 'disclosures(filter: { text: "公告" }, first: 100) { totalCount }';
    // 68 KB: over the 64 KiB an anonymous body may be, so it is not even parsed.
    const tooBig = await app.graphql(aliases(1000, field));
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.errors![0]!.message).toBe('request body exceeds 65536 bytes (without a token)');
    const error = await refused(aliases(200, field));
    // Per alias 18: a0 : disclosures ( filter : { text : "公告" } first : 100 ) { totalCount } (commas are not tokens).
    expect(error.extensions).toEqual({ code: 'OPERATION_LIMIT', limit: 'tokens', max: PUBLIC.tokens, measured: 200 * 18 + 2 });
    expect((await refused(aliases(1000, field), { token: supervisor })).extensions).toEqual({
      code: 'OPERATION_LIMIT',
      limit: 'tokens',
      max: SUPERVISOR.tokens,
      measured: 1000 * 18 + 2,
    });
    expect((await refused(aliases(40, field))).extensions).toEqual({ code: 'OPERATION_LIMIT', limit: 'aliases', max: PUBLIC.aliases, measured: 40 });
  });

  it("10 aliases of every department's count of a one-character search: by cost", async () => {
    const error = await refused(aliases(10, `departments { disclosures(filter: { text: "'" }, first: 1) { totalCount } }`));
    // 10 · (departments 1 + 60 departments · (disclosures 1 + a count)).
    expect(error.extensions).toEqual({ code: 'OPERATION_LIMIT', limit: 'cost', max: PUBLIC.cost, measured: 10 * (1 + 60 * (1 + COUNT_COST)) });
  });

  it('deep fragments, a fragment bomb and a fragment cycle', async () => {
    let chain = 'fragment F0 on Region { code }';
    for (let i = 1; i <= 12; i++) chain += ` fragment F${i} on Region { children { ...F${i - 1} } }`;
    expect((await refused(`{ regions { ...F12 } } ${chain}`)).extensions).toEqual({
      code: 'OPERATION_LIMIT',
      limit: 'depth',
      max: PUBLIC.depth,
      measured: 14,
    });

    // Each fragment spreads the one before twice: 2^8 paths of 10^8 regions, measured without expanding them.
    let bomb = 'fragment B0 on Region { code }';
    for (let i = 1; i <= 8; i++) bomb += ` fragment B${i} on Region { children { ...B${i - 1} } parent { ...B${i - 1} } }`;
    const error = await refused(`{ regions { ...B8 } } ${bomb}`);
    expect(error.extensions).toMatchObject({ limit: 'cost', max: PUBLIC.cost });
    expect(error.extensions.measured).toBeGreaterThan(10 ** 9);

    // A cycle is not GraphQL at all: validation refuses it, as fast and without SQL.
    const cycle = '{ regions { ...A } } fragment A on Region { children { ...B } } fragment B on Region { parent { ...A } }';
    await timed(cycle);
    const res = await timed(cycle);
    expect(res.status).toBe(400);
    expect(res.body.errors![0]!.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.body.errors![0]!.message).toMatch(/Cannot spread fragment "A" within itself/);
    expect(res.statements).toBe(0);
    expect(res.ms).toBeLessThan(REFUSED_WITHIN_MS);
  });

  it('many directives, and a document of many tokens', async () => {
    const directives = `{ regions${' @skip(if: false)'.repeat(25)} { code } }`;
    expect((await refused(directives)).extensions).toEqual({ code: 'OPERATION_LIMIT', limit: 'directives', max: PUBLIC.directives, measured: 25 });

    // 600 KB of tokens (a token holder's body may be that big): counted, never parsed.
    const huge = `{ regions { ${'code '.repeat(100_000)}} }`;
    expect((await refused(huge, { token: supervisor })).extensions).toEqual({ code: 'OPERATION_LIMIT', limit: 'tokens', max: SUPERVISOR.tokens, measured: 3 + 100_000 + 2 });
    const many = `{ regions { ${'code '.repeat(2_500)}} }`;
    expect((await refused(many)).extensions).toEqual({ code: 'OPERATION_LIMIT', limit: 'tokens', max: PUBLIC.tokens, measured: 3 + 2_500 + 2 });
  });

  it('refuses a GET the same way', async () => {
    const url = `${app.url}?query=${encodeURIComponent(regionsLoop(12))}`;
    const { result, statements } = await app.sql.count(async () => {
      const res = await fetch(url);
      return { status: res.status, body: (await res.json()) as GraphQLResponse['body'] };
    });
    expect(result.status).toBe(400);
    expect(result.body.errors![0]!.extensions).toMatchObject({ code: 'OPERATION_LIMIT', limit: 'depth', measured: 14 });
    expect(statements).toHaveLength(0);
  });

  it('a bystander is answered in under a second while hostile queries arrive', async () => {
    const bystander = '{ disclosures(first: 10) { edges { node { id } } } }';
    const hostile = [
      regionsLoop(12),
      nestedDisclosures(3),
      nestedDisclosures(4),
      aliases(200, 'disclosures(filter: { text: "公告" }, first: 100) { totalCount }'),
      aliases(10, `departments { disclosures(filter: { text: "'" }, first: 1) { totalCount } }`),
    ];
    const attacks = Array.from({ length: 4 }, () => hostile.map((q) => app.graphql(q))).flat();
    const started = performance.now();
    const answer = await app.graphql(bystander);
    const ms = performance.now() - started;
    const refusals = await Promise.all(attacks);
    expect(answer.body.errors).toBeUndefined();
    expect((answer.body.data!.disclosures as { edges: unknown[] }).edges).toHaveLength(10);
    expect(ms).toBeLessThan(1_000);
    for (const r of refusals) expect(r.body.errors![0]!.extensions?.code).toBe('OPERATION_LIMIT');
  });
});

describe('limits per role', () => {
  // A page of 60 records, each party's other records with their count: heavy, but honest.
  const heavy = `{ disclosures(first: 60) { edges { node { id title parties { role subject { name
    disclosures(first: 10) { totalCount edges { node { id title } } } } } } } } }`;

  it('a supervisor may ask what an anonymous reader may not', async () => {
    const error = await refused(heavy);
    expect(error.extensions).toMatchObject({ limit: 'cost', max: PUBLIC.cost });
    // disclosures, edges; per record: node, id, title, parties; per party: role, subject, name, disclosures,
    // totalCount, edges; per record below: node, id, title.
    expect(error.extensions.measured).toBe(2 + 60 * (4 + 5 * (4 + COUNT_COST + 1 + 10 * 3)));
    expect(error.extensions.measured).toBeLessThan(SUPERVISOR.cost);
    const res = await app.graphql(heavy, undefined, { token: supervisor });
    expect(res.body.errors).toBeUndefined();
    expect(res.status).toBe(200);
    expect((res.body.data!.disclosures as { edges: unknown[] }).edges.length).toBeGreaterThan(0);
  });

  it('every example (examples/ and README.md) passes the anonymous limits', async () => {
    const limits = new OperationLimits(await buildGongkaiSchema());
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThan(5);
    for (const query of [...loadExamples().map((e) => e.query), ...blocks]) {
      expect(() => limits.admit({ query }, 'PUBLIC'), query).not.toThrow();
    }
  });

  it("the explorer's introspection passes, and nested type lists do not", async () => {
    const introspection = await app.graphql(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, inputValueDeprecation: true }));
    expect(introspection.body.errors).toBeUndefined();
    expect((introspection.body.data!.__schema as { types: unknown[] }).types.length).toBeGreaterThan(100);
    const error = await refused('{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }');
    expect(error.extensions).toEqual({ code: 'OPERATION_LIMIT', limit: 'introspectionLists', max: 2, measured: 4 });
  });
});

describe('introspection off, with a time and an answer-size budget', () => {
  let closed: App & { drop(): Promise<void> };
  beforeAll(async () => {
    const fresh = await freshDatabaseConfig({ from: 'demo' });
    const config = {
      ...fresh.config,
      introspection: false,
      operationLimits: {
        ...DEFAULT_LIMITS,
        PUBLIC: { ...DEFAULT_LIMITS.PUBLIC, timeMs: 1 },
        SUPERVISOR: { ...DEFAULT_LIMITS.SUPERVISOR, responseBytes: 2_000 },
      },
    };
    const started = await startApp(config, testLogger, { migrate: true, demo: true, compileAt: 1 });
    closed = { ...started, drop: fresh.drop };
  }, 300_000);
  afterAll(async () => {
    await closed?.close();
    await closed?.drop();
  });

  async function post(query: string, variables?: Record<string, unknown>, token?: string) {
    const res = await fetch(closed.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: (await res.json()) as GraphQLResponse['body'] };
  }

  it('refuses __schema and __type, and suggests no names', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Disclosure") { name } }']) {
      const res = await post(query);
      expect(res.status).toBe(400);
      expect(res.body.errors![0]!.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    expect((await post('{ __typename }')).body.data).toEqual({ __typename: 'Query' });

    const misspelt = await post('{ disclosure(first: 1) { totalCont } }');
    expect(misspelt.body.errors!.map((e) => e.message)).toEqual(['Cannot query field "disclosure" on type "Query".']);
    const badEnum = await post('query ($d: [Domain!]) { disclosures(filter: { domains: $d }) { totalCount } }', { d: ['GOVERNMENT_PROCUREMEN'] });
    expect(badEnum.body.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badEnum.body.errors![0]!.message).not.toMatch(/Did you mean/);
    // With introspection on (the other app), the suggestions are there.
    expect((await app.graphql('{ disclosure(first: 1) { totalCount } }')).body.errors![0]!.message).toMatch(/Did you mean "disclosures"/);
  });

  it('ends a request past its time budget with one clear error', async () => {
    const res = await post('{ departments { code disclosures(first: 5) { totalCount edges { node { id title } } } } }');
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'OPERATION_LIMIT', limit: 'timeMs', max: 1 });
    expect(res.body.errors![0]!.extensions!.measured).toBeGreaterThanOrEqual(1);
  });

  it('out of time while queued for a connection is 503 SERVICE_UNAVAILABLE with Retry-After: the server is busy, the request is not too big', async () => {
    // Every pooled connection held (the pool has 10) by statements that outlast the 1 ms budget, and two more
    // statements queued behind them: "busy" is every connection in use and requests waiting for one. With exactly
    // ten, the queue empties once the pool has opened its connections (or is not full yet while it opens them),
    // so the test passed only where that took about as long as a fixed pause.
    const holders = Array.from({ length: 12 }, () => closed.database.orm.em.fork().getConnection().execute('select pg_sleep(2)'));
    const pool = (closed.database.orm.em.getConnection().getKnex().client as { pool: { numUsed(): number; numPendingAcquires(): number; max: number } }).pool;
    for (let waited = 0; !(pool.numUsed() >= pool.max && pool.numPendingAcquires() > 0); waited += 10) {
      if (waited > 1_500) throw new Error(`the pool never filled: ${pool.numUsed()} used, ${pool.numPendingAcquires()} waiting`);
      await new Promise((r) => setTimeout(r, 10));
    }
    const res = await fetch(closed.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ departments { code } }' }) });
    const body = (await res.json()) as GraphQLResponse['body'];
    await Promise.all(holders);
    expect(res.status, JSON.stringify(body)).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(body.errors![0]!.message).toMatch(/unavailable or too busy to answer in time/);
  });

  it('refuses an answer over the size limit instead of sending it', async () => {
    const { secret } = await createToken(closed.database.orm.em.fork(), { name: 'size test', role: Role.SUPERVISOR });
    const small = await post('{ departments { code } }', undefined, secret);
    expect(small.body.errors).toBeUndefined();
    const res = await post('{ disclosures(first: 100) { edges { node { id title publishedOn } } } }', undefined, secret);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'OPERATION_LIMIT', limit: 'responseBytes', max: 2_000 });
    expect(res.body.errors![0]!.extensions!.measured).toBeGreaterThan(2_000);
  });
});
