import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/resolvers/access/tokens.js';
import { Role } from '../../src/kernel/viewer.js';
import { startApp, type App } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import type { RateLimits } from '../../src/server/rate-limit.js';
import { freshDatabaseConfig, startTestApp, testLogger, type TestApp } from '../helpers/database.js';

/** One sample of the Prometheus text format: `name{label="value",…} number`. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (-?(?:\d+(?:\.\d+)?(?:e[+-]?\d+)?|\+Inf|-Inf|NaN))$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/gy;

/** Parses the text exposition format strictly: every line is a HELP, a TYPE, or a sample of a declared metric. */
function parsePrometheus(text: string): Sample[] {
  const declared = new Set<string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const comment = /^# (HELP|TYPE) (\S+) (.*)$/.exec(line);
    if (comment) {
      expect(comment[2]).toMatch(NAME);
      if (comment[1] === 'TYPE') {
        expect(['counter', 'gauge', 'histogram', 'summary', 'untyped']).toContain(comment[3]);
        declared.add(comment[2]!);
      }
      continue;
    }
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`not a Prometheus sample line: ${line}`);
    const [, name, labelText = '', value] = match;
    expect(declared.has(name!) || declared.has(name!.replace(/_(bucket|sum|count)$/, ''))).toBe(true);
    const labels: Record<string, string> = {};
    LABEL.lastIndex = 0;
    let label: RegExpExecArray | null;
    while (LABEL.lastIndex < labelText.length && (label = LABEL.exec(labelText))) labels[label[1]!] = label[2]!;
    if (LABEL.lastIndex !== labelText.length) throw new Error(`bad labels in ${line}`);
    samples.push({ name: name!, labels, value: Number(value) });
  }
  return samples;
}

function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  return samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

async function scrape(base: string): Promise<Sample[]> {
  const res = await fetch(`${base}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheus(await res.text());
}

interface Sent {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(url: string, query: string, options: { variables?: unknown; token?: string; forwardedFor?: string } = {}): Promise<Sent> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {}),
    },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Sent['body'] };
}

const REGIONS = 'query Regions { regions { code } }';
const PAGE = 'query Page($first: Int) { disclosures(first: $first) { edges { node { id } } } }';

function regionsLoop(levels: number): string {
  let inner = '{ code }';
  for (let i = levels; i >= 1; i--) inner = `{ ${i % 2 ? 'children' : 'parent'} ${inner} }`;
  return `query Loop { regions ${inner} }`;
}

describe('GET /metrics', () => {
  let app: TestApp;
  let base: string;

  beforeAll(async () => {
    app = await startTestApp({ demo: false });
    base = new URL(app.url).origin;
  }, 120_000);
  afterAll(() => app?.close());

  it('counts requests by operation and outcome, refusals by limit, and shows the pool and the process', async () => {
    for (let i = 0; i < 3; i++) expect((await post(app.url, REGIONS)).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const { body } = await post(app.url, PAGE, { variables: { first: 101 } });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
    const limited = await post(app.url, regionsLoop(12));
    expect(limited.status).toBe(400);
    expect(limited.body.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_LIMIT', limit: 'depth' });
    const unauthenticated = await post(app.url, REGIONS, { token: 'gk_not-a-token' });
    expect(unauthenticated.status).toBe(401);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    const samples = await scrape(base);
    const requests = (labels: Record<string, string>) => value(samples, 'gongkai_graphql_requests_total', labels);
    expect(requests({ operation: 'Regions', outcome: 'ok' })).toBe(3);
    expect(requests({ operation: 'Page', outcome: 'BAD_USER_INPUT' })).toBe(2);
    // Refused before Apollo parsed them: the operation is not known (no operationName was sent).
    expect(requests({ operation: '(unknown)', outcome: 'OPERATION_LIMIT' })).toBe(1);
    expect(requests({ operation: '(unknown)', outcome: 'UNAUTHENTICATED' })).toBe(1);
    const total = samples.filter((s) => s.name === 'gongkai_graphql_requests_total').reduce((sum, s) => sum + s.value, 0);
    expect(total).toBe(7);
    expect(value(samples, 'gongkai_operation_limit_refusals_total', { limit: 'depth' })).toBe(1);
    expect(value(samples, 'gongkai_http_requests_total', { route: 'graphql', status: '200' })).toBe(5);
    expect(value(samples, 'gongkai_http_requests_total', { route: 'graphql', status: '400' })).toBe(1);
    expect(value(samples, 'gongkai_http_requests_total', { route: 'graphql', status: '401' })).toBe(1);
    expect(value(samples, 'gongkai_http_requests_total', { route: 'healthz', status: '200' })).toBe(1);
    expect(value(samples, 'gongkai_graphql_request_duration_seconds_count', { operation: 'Regions' })).toBe(3);
    expect(value(samples, 'gongkai_http_request_duration_seconds_bucket', { route: 'graphql', le: '+Inf' })).toBe(7);
    expect(value(samples, 'gongkai_database_unavailable_total')).toBe(0);
    expect(value(samples, 'gongkai_rate_limited_total')).toBeUndefined();

    for (const name of ['gongkai_db_pool_used', 'gongkai_db_pool_free', 'gongkai_db_pool_pending_acquires', 'gongkai_db_pool_pending_creates', 'gongkai_rate_limit_clients']) {
      expect(value(samples, name), name).toBeGreaterThanOrEqual(0);
    }
    // The pool has opened connections for the requests above (one at least, idle now).
    expect(value(samples, 'gongkai_db_pool_used')! + value(samples, 'gongkai_db_pool_free')!).toBeGreaterThan(0);
    for (const name of ['process_resident_memory_bytes', 'nodejs_heap_size_used_bytes']) expect(value(samples, name), name).toBeGreaterThan(0);
    // Measured after the scrape that asks for it (prom-client): present, 0 the first time.
    expect(value(samples, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(value(samples, 'nodejs_eventloop_lag_p99_seconds')).toBeGreaterThan(0);
  });

  it('gives the first 100 operation names their own series and the rest one', async () => {
    for (let i = 0; i < 110; i++) expect((await post(app.url, `query Name${i} { __typename }`)).status).toBe(200);
    await post(app.url, '{ __typename }');
    const res = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }', operationName: 'a"b\nc' }) });
    await res.text();
    const samples = await scrape(base);
    const operations = new Set(samples.filter((s) => s.name === 'gongkai_graphql_requests_total').map((s) => s.labels.operation!));
    const named = [...operations].filter((name) => !name.startsWith('('));
    expect(named).toHaveLength(100);
    expect(value(samples, 'gongkai_graphql_requests_total', { operation: '(other)', outcome: 'ok' })).toBeGreaterThanOrEqual(10);
    expect(value(samples, 'gongkai_graphql_requests_total', { operation: '(anonymous)', outcome: 'ok' })).toBe(1);
    expect(value(samples, 'gongkai_graphql_requests_total', { operation: '(invalid)' })).toBe(1);
  });
});

/** A real server with its own database and these settings over the tests' defaults. */
async function startWith(settings: Partial<Config>): Promise<{ app: App; base: string; close(): Promise<void> }> {
  const fresh = await freshDatabaseConfig({ from: 'migrated' });
  const app = await startApp({ ...fresh.config, ...settings }, testLogger, { migrate: true });
  return {
    app,
    base: new URL(app.url).origin,
    async close() {
      await app.close();
      await fresh.drop();
    },
  };
}

const SMALL: RateLimits = { perWindow: { PUBLIC: 5, PUBLISHER: 5, SUPERVISOR: 8, ADMIN: 8 }, windowSeconds: 10, maxClients: 50 };
const TYPENAME = '{ __typename }';

describe('rate limits behind a trusted proxy', () => {
  let server: Awaited<ReturnType<typeof startWith>>;
  let url: string;
  let token: () => Promise<string>;

  beforeAll(async () => {
    server = await startWith({ rateLimits: SMALL, trustProxy: true });
    url = server.app.url;
    token = async () => (await createToken(server.app.database.orm.em.fork(), { name: 'rate test', role: Role.SUPERVISOR })).secret;
  }, 120_000);
  afterAll(() => server?.close());

  it('lets an address send its limit, refuses the next with 429 and Retry-After, and lets it in again once that has passed', async () => {
    for (let i = 0; i < 5; i++) expect((await post(url, TYPENAME, { forwardedFor: '203.0.113.1' })).status).toBe(200);
    const refused = await post(url, TYPENAME, { forwardedFor: '203.0.113.1' });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ errors: [{ message: expect.stringMatching(/^too many requests: at most 5 per 10 s per client address; retry after \d s$/), extensions: { code: 'RATE_LIMITED', limit: 5, windowSeconds: 10 } }] });
    const retryAfter = Number(refused.headers.get('retry-after'));
    // The bucket refills 5 per 10 s: one request every 2 s.
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');

    expect((await post(url, TYPENAME, { forwardedFor: '203.0.113.2' })).status).toBe(200);
    for (const path of ['/healthz', '/readyz', '/metrics']) {
      expect((await fetch(`${server.base}${path}`, { headers: { 'x-forwarded-for': '203.0.113.1' } })).status, path).toBe(200);
    }
    // Other routes count too.
    expect((await fetch(`${server.base}/nowhere`, { headers: { 'x-forwarded-for': '203.0.113.1' } })).status).toBe(429);

    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
    expect((await post(url, TYPENAME, { forwardedFor: '203.0.113.1' })).status).toBe(200);
    expect((await post(url, TYPENAME, { forwardedFor: '203.0.113.1' })).status).toBe(429);
  }, 20_000);

  it('counts a token on its own, by its role, once it has been accepted', async () => {
    const [first, second] = [await token(), await token()];
    const from = '203.0.113.10';
    // The first request is counted under the address (the token is not known yet), then 8 under the token.
    for (let i = 0; i < 9; i++) expect((await post(url, TYPENAME, { token: first, forwardedFor: from })).status).toBe(200);
    const refused = await post(url, TYPENAME, { token: first, forwardedFor: from });
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED', limit: 8, windowSeconds: 10 });
    expect(refused.body.errors?.[0]?.message).toMatch(/per token/);
    // The address and another token from it go on.
    expect((await post(url, TYPENAME, { forwardedFor: from })).status).toBe(200);
    expect((await post(url, TYPENAME, { token: second, forwardedFor: from })).status).toBe(200);
  });

  it('counts refused tokens under the address, so inventing tokens dodges nothing', async () => {
    const from = '203.0.113.20';
    for (let i = 0; i < 5; i++) expect((await post(url, TYPENAME, { token: `gk_invented-${i}`, forwardedFor: from })).status).toBe(401);
    expect((await post(url, TYPENAME, { token: 'gk_invented-5', forwardedFor: from })).status).toBe(429);
    expect((await post(url, TYPENAME, { forwardedFor: from })).status).toBe(429);
  });

  it('counts the address the proxy added (the last X-Forwarded-For entry), not what the client wrote before it', async () => {
    for (let i = 0; i < 5; i++) expect((await post(url, TYPENAME, { forwardedFor: '203.0.113.30' })).status).toBe(200);
    expect((await post(url, TYPENAME, { forwardedFor: '198.51.100.7, 203.0.113.30' })).status).toBe(429);
    expect((await post(url, TYPENAME, { forwardedFor: '203.0.113.30, 198.51.100.7' })).status).toBe(200);
    // IPv6 clients are counted by their /64.
    for (let i = 0; i < 5; i++) expect((await post(url, TYPENAME, { forwardedFor: `2001:db8:1:2::${i + 1}` })).status).toBe(200);
    expect((await post(url, TYPENAME, { forwardedFor: '2001:db8:1:2:ffff::9' })).status).toBe(429);
    expect((await post(url, TYPENAME, { forwardedFor: '2001:db8:1:3::1' })).status).toBe(200);
  });

  it('remembers no more clients than its cap, however many addresses ask', async () => {
    for (let i = 0; i < 150; i++) expect((await post(url, TYPENAME, { forwardedFor: `10.1.${i >> 8}.${i & 255}` })).status).toBe(200);
    const samples = await scrape(server.base);
    expect(value(samples, 'gongkai_rate_limit_clients')).toBe(SMALL.maxClients);
    expect(value(samples, 'gongkai_rate_limited_total', { by: 'address' })).toBeGreaterThanOrEqual(6);
    expect(value(samples, 'gongkai_rate_limited_total', { by: 'token' })).toBe(1);
    expect(value(samples, 'gongkai_graphql_requests_total', { operation: '(unknown)', outcome: 'RATE_LIMITED' })).toBeGreaterThanOrEqual(6);
    // The most recent clients are still counted.
    for (let i = 0; i < 4; i++) expect((await post(url, TYPENAME, { forwardedFor: '10.1.0.149' })).status).toBe(200);
    expect((await post(url, TYPENAME, { forwardedFor: '10.1.0.149' })).status).toBe(429);
  });
});

describe('rate limits without a trusted proxy, and /metrics turned off', () => {
  let server: Awaited<ReturnType<typeof startWith>>;

  beforeAll(async () => {
    server = await startWith({ rateLimits: SMALL, metrics: false });
  }, 120_000);
  afterAll(() => server?.close());

  it('ignores X-Forwarded-For: every request counts under the socket address', async () => {
    for (let i = 0; i < 5; i++) expect((await post(server.app.url, TYPENAME, { forwardedFor: `203.0.113.${100 + i}` })).status).toBe(200);
    const refused = await post(server.app.url, TYPENAME, { forwardedFor: '203.0.113.200' });
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED', limit: 5, windowSeconds: 10 });
  });

  it('answers /metrics 404 when GONGKAI_METRICS is off', async () => {
    expect((await fetch(`${server.base}/metrics`)).status).toBe(404);
  });
});
