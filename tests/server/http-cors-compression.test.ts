import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/resolvers/access/tokens.js';
import { Role } from '../../src/kernel/viewer.js';
import { startApp, type App } from '../../src/app.js';
import { ConfigError, loadConfig, type CorsOrigins } from '../../src/config.js';
import { MIN_COMPRESSED_BYTES, sendCompressibleStream } from '../../src/server/compression.js';
import { freshDatabaseConfig, testLogger } from '../helpers/database.js';

// Over real HTTP with node:http, which (unlike fetch) neither adds Accept-Encoding nor decodes:
// the test sees the bytes and headers a browser would.

const DASHBOARD = 'https://dashboard.example.org';
const DEV_SERVER = 'http://localhost:5173';
const ELSEWHERE = 'https://elsewhere.example.net';

/** What a preflight may allow, written out: a change to it should be a change to this test. */
const ALLOWED_REQUEST_HEADERS =
  'accept, authorization, content-type, x-request-id, apollo-require-preflight, x-apollo-operation-name, apollographql-client-name, apollographql-client-version';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function send(url: string | URL, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A question only a SUPERVISOR may ask: it answers only when the bearer token went through. */
const SUPERVISOR_ONLY = '{ auditEntries(first: 1) { pageInfo { hasNextPage } } }';

const postQuery = (app: App, query: string, headers: Record<string, string> = {}) =>
  send(app.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });

/** A preflight as a browser sends it before a POST of JSON with a bearer token. */
const preflight = (url: string | URL, origin: string, method = 'POST') =>
  send(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization,content-type' },
  });

/** The response's Access-Control-* headers. */
function corsHeaders(answer: Answer): Record<string, string> {
  return Object.fromEntries(Object.entries(answer.headers).filter(([name]) => name.startsWith('access-control-'))) as Record<
    string,
    string
  >;
}

function varyOf(answer: Answer): string[] {
  return String(answer.headers.vary ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
}

interface Started {
  app: App;
  close(): Promise<void>;
}

/** The app on a fresh database; `migrate: false` for checks that read no table (quicker to start). */
async function start(corsOrigins: CorsOrigins, options: { demo?: boolean; migrate?: boolean } = {}): Promise<Started> {
  const migrate = options.migrate ?? true;
  const demo = options.demo ?? false;
  const fresh = await freshDatabaseConfig({ from: !migrate ? 'empty' : demo ? 'demo' : 'migrated' });
  const app = await startApp({ ...fresh.config, corsOrigins }, testLogger, { migrate, demo });
  return {
    app,
    async close() {
      await app.close();
      await fresh.drop();
    },
  };
}

async function supervisorToken(app: App): Promise<string> {
  return (await createToken(app.database.orm.em.fork(), { name: 'cors test', role: Role.SUPERVISOR })).secret;
}

describe('GONGKAI_CORS_ORIGINS', () => {
  it('is * when unset or blank, none when "none", else the origins as browsers send them', () => {
    expect(loadConfig({}).corsOrigins).toBe('*');
    expect(loadConfig({ GONGKAI_CORS_ORIGINS: ' ' }).corsOrigins).toBe('*');
    expect(loadConfig({ GONGKAI_CORS_ORIGINS: '*' }).corsOrigins).toBe('*');
    expect(loadConfig({ GONGKAI_CORS_ORIGINS: 'none' }).corsOrigins).toEqual([]);
    expect(
      loadConfig({ GONGKAI_CORS_ORIGINS: ` https://Dashboard.Example.org:443/ ,${DEV_SERVER},, http://[::1]:8080` }).corsOrigins,
    ).toEqual([DASHBOARD, DEV_SERVER, 'http://[::1]:8080']);
  });

  it.each([
    ['ftp://files.example.org', /entry "ftp:\/\/files\.example\.org" must start with http:\/\/ or https:\/\//],
    ['https://dashboard.example.org/app', /is not an origin \(scheme:\/\/host\[:port\], no path/],
    ['https://dashboard.example.org?x=1', /is not an origin/],
    ['https://user@dashboard.example.org', /is not an origin/],
    ['https://dashboard.example.org:99999', /is not an origin/],
    ['dashboard.example.org', /is not an origin/],
    ['null', /is not an origin/],
    ['https://*.example.org', /has a wildcard; list each origin, or use \* alone/],
    [`*, ${DASHBOARD}`, /takes \* alone, not in a list/],
    [`${DASHBOARD}, none`, /takes none alone/],
  ])('refuses %j with a one-line reason', (value, reason) => {
    let error: unknown;
    try {
      loadConfig({ GONGKAI_CORS_ORIGINS: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^GONGKAI_CORS_ORIGINS /);
    expect((error as Error).message).toMatch(reason);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('CORS for listed origins', () => {
  let started: Started;
  let app: App;
  beforeAll(async () => {
    started = await start([DASHBOARD, DEV_SERVER]);
    app = started.app;
  });
  afterAll(async () => {
    await started?.close();
  });

  it('allows a preflight from a listed origin, with exactly these headers', async () => {
    const answer = await preflight(app.url, DASHBOARD);
    expect(answer.status).toBe(204);
    expect(answer.body.length).toBe(0);
    expect(corsHeaders(answer)).toEqual({
      'access-control-allow-origin': DASHBOARD,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': ALLOWED_REQUEST_HEADERS,
      'access-control-max-age': '7200',
    });
    expect(answer.headers.vary).toBe('Origin');
    expect(corsHeaders(await preflight(app.url, DEV_SERVER))['access-control-allow-origin']).toBe(DEV_SERVER);
  });

  it.each([ELSEWHERE, 'http://dashboard.example.org', 'https://dashboard.example.org:8443', 'null'])(
    'refuses a preflight from %s: 403, no allow headers',
    async (origin) => {
      const answer = await preflight(app.url, origin);
      expect(answer.status).toBe(403);
      expect(corsHeaders(answer)).toEqual({});
      expect(answer.headers.vary).toBe('Origin');
    },
  );

  it('answers a POST from a listed origin as a browser sends it (preflight, then JSON with a token) so the page can read it', async () => {
    expect((await preflight(app.url, DASHBOARD)).status).toBe(204);
    const token = await supervisorToken(app);
    const answer = await postQuery(app, SUPERVISOR_ONLY, { origin: DASHBOARD, authorization: `Bearer ${token}` });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body.toString())).toEqual({ data: { auditEntries: { pageInfo: { hasNextPage: false } } } });
    expect(corsHeaders(answer)).toEqual({
      'access-control-allow-origin': DASHBOARD,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'x-request-id',
    });
    expect(varyOf(answer)).toContain('origin');
    expect(answer.headers['x-request-id']).toBeTruthy();
  });

  it('lets the page read a refusal too (a bad token: 401 with its reason)', async () => {
    const answer = await postQuery(app, '{ __typename }', { origin: DASHBOARD, authorization: 'Bearer gk_not-a-token' });
    expect(answer.status).toBe(401);
    expect(corsHeaders(answer)['access-control-allow-origin']).toBe(DASHBOARD);
  });

  it('answers a GET from a listed origin: a simple request (no preflight), and one with apollo-require-preflight', async () => {
    const url = `${app.url}?query=${encodeURIComponent('{ __typename }')}`;
    const simple = await send(url, { headers: { origin: DASHBOARD } });
    expect(simple.status).toBe(200);
    expect(JSON.parse(simple.body.toString())).toEqual({ data: { __typename: 'Query' } });
    expect(corsHeaders(simple)['access-control-allow-origin']).toBe(DASHBOARD);

    const check = await send(url, {
      method: 'OPTIONS',
      headers: { origin: DASHBOARD, 'access-control-request-method': 'GET', 'access-control-request-headers': 'apollo-require-preflight' },
    });
    expect(check.status).toBe(204);
    const flagged = await send(url, { headers: { origin: DASHBOARD, 'apollo-require-preflight': 'true' } });
    expect(flagged.status).toBe(200);
    expect(corsHeaders(flagged)['access-control-allow-origin']).toBe(DASHBOARD);
  });

  it('answers a request from an origin not listed, without the headers that would let its page read the answer', async () => {
    const answer = await postQuery(app, '{ __typename }', { origin: ELSEWHERE });
    expect(answer.status).toBe(200);
    expect(corsHeaders(answer)).toEqual({});
    expect(varyOf(answer)).toContain('origin');
  });

  it('applies the same rule to /healthz, /readyz and /reports/…', async () => {
    for (const path of ['/healthz', '/readyz', '/reports/QH-FINANCE/2024']) {
      const url = new URL(path, app.url);
      const allowed = await preflight(url, DASHBOARD, 'GET');
      expect(allowed.status, path).toBe(204);
      expect(corsHeaders(allowed)['access-control-allow-methods'], path).toBe('GET, HEAD, OPTIONS');
      expect((await preflight(url, ELSEWHERE, 'GET')).status, path).toBe(403);
      const read = await send(url, { headers: { origin: DASHBOARD } });
      expect(corsHeaders(read)['access-control-allow-origin'], path).toBe(DASHBOARD);
      expect(corsHeaders(await send(url, { headers: { origin: ELSEWHERE } })), path).toEqual({});
    }
  });

  it('answers a plain OPTIONS (no Origin) with the methods allowed', async () => {
    const answer = await send(app.url, { method: 'OPTIONS' });
    expect(answer.status).toBe(204);
    expect(answer.headers.allow).toBe('GET, POST, OPTIONS');
    expect(corsHeaders(answer)).toEqual({});
  });
});

describe('CORS for any origin (*, the default)', () => {
  let started: Started;
  let app: App;
  beforeAll(async () => {
    started = await start('*');
    app = started.app;
  });
  afterAll(async () => {
    await started?.close();
  });

  it('allows any preflight, naming authorization and content-type, claiming no credentials', async () => {
    const answer = await preflight(app.url, ELSEWHERE);
    expect(answer.status).toBe(204);
    expect(corsHeaders(answer)).toEqual({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': ALLOWED_REQUEST_HEADERS,
      'access-control-max-age': '7200',
    });
  });

  it('answers a POST with a bearer token from any origin, readable by its page', async () => {
    const token = await supervisorToken(app);
    const anonymous = await postQuery(app, SUPERVISOR_ONLY, { origin: ELSEWHERE });
    expect(JSON.parse(anonymous.body.toString()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const answer = await postQuery(app, SUPERVISOR_ONLY, { origin: ELSEWHERE, authorization: `Bearer ${token}` });
    expect(JSON.parse(answer.body.toString())).toEqual({ data: { auditEntries: { pageInfo: { hasNextPage: false } } } });
    expect(corsHeaders(answer)).toEqual({ 'access-control-allow-origin': '*', 'access-control-expose-headers': 'x-request-id' });
    // The same answer whatever the Origin, so caches need not key on it.
    expect(varyOf(answer)).not.toContain('origin');
  });
});

describe('CORS off (none)', () => {
  let started: Started;
  beforeAll(async () => {
    started = await start([], { migrate: false });
  });
  afterAll(async () => {
    await started?.close();
  });

  it('refuses every preflight and lets no other origin read', async () => {
    expect((await preflight(started.app.url, DASHBOARD)).status).toBe(403);
    const answer = await postQuery(started.app, '{ __typename }', { origin: DASHBOARD });
    expect(answer.status).toBe(200);
    expect(corsHeaders(answer)).toEqual({});
  });
});

describe('compression', () => {
  let started: Started;
  let app: App;
  // A large answer: a full page of records with their publisher, region, parties and publications.
  const LARGE = `{ disclosures(first: 100) { edges { cursor node { id domain category title amount formedOn publishedOn deadline
    daysLate overdue status version projectCode publisher { code name shortName } region { code name }
    parties { role rank subject { creditCode name } } publications { channel publishedOn url } } } } }`;
  let plain: Buffer;
  beforeAll(async () => {
    started = await start([DASHBOARD], { demo: true });
    app = started.app;
    const answer = await postQuery(app, LARGE);
    expect(answer.headers['content-encoding']).toBeUndefined();
    plain = answer.body;
  });
  afterAll(async () => {
    await started?.close();
  });

  const decode = (answer: Answer) => {
    const encoding = answer.headers['content-encoding'];
    if (encoding === 'br') return zlib.brotliDecompressSync(answer.body);
    if (encoding === 'gzip') return zlib.gunzipSync(answer.body);
    return answer.body;
  };

  it('has a large answer to compress', () => {
    expect(JSON.parse(plain.toString()).errors).toBeUndefined();
    expect(plain.length).toBeGreaterThan(50_000);
  });

  it.each([
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br', 'br'],
    ['gzip, br;q=0.5', 'gzip'],
    ['br;q=0.8, gzip;q=0.9', 'gzip'],
    ['BR;Q=1, GZIP', 'br'],
    ['x-gzip', 'gzip'],
    ['*', 'br'],
    ['br;q=0, *', 'gzip'],
    ['deflate, *;q=0.5', 'br'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['*;q=0', 'identity'],
    ['identity', 'identity'],
    ['gzip;q=0.5, identity', 'identity'],
    ['deflate', 'identity'],
    ['compress, zstd', 'identity'],
    ['gzip;q=2', 'identity'],
  ])('Accept-Encoding %j: %s', async (acceptEncoding, coding) => {
    const expected = coding === 'identity' ? undefined : coding;
    const answer = await postQuery(app, LARGE, { 'accept-encoding': acceptEncoding });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe(expected);
    expect(varyOf(answer)).toContain('accept-encoding');
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(decode(answer).equals(plain)).toBe(true);
    if (expected) expect(answer.body.length).toBeLessThan(plain.length / 5);
  });

  it('compresses a GET and a cross-origin answer the same way', async () => {
    const get = await send(`${app.url}?query=${encodeURIComponent(LARGE)}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(get.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(get.body).equals(plain)).toBe(true);
    const cross = await postQuery(app, LARGE, { 'accept-encoding': 'br', origin: DASHBOARD });
    expect(cross.headers['content-encoding']).toBe('br');
    expect(corsHeaders(cross)['access-control-allow-origin']).toBe(DASHBOARD);
    expect(varyOf(cross)).toEqual(['origin', 'accept-encoding']);
  });

  it('never compresses for a client that does not ask', async () => {
    const answer = await postQuery(app, LARGE);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(varyOf(answer)).toContain('accept-encoding');
    expect(answer.body.equals(plain)).toBe(true);
  });

  it(`leaves answers under ${MIN_COMPRESSED_BYTES} bytes as they are`, async () => {
    for (const answer of [
      await postQuery(app, '{ __typename }', { 'accept-encoding': 'gzip, br' }),
      await postQuery(app, '{ nope }', { 'accept-encoding': 'gzip, br' }),
      await send(new URL('/readyz', app.url), { headers: { 'accept-encoding': 'gzip, br' } }),
    ]) {
      expect(answer.body.length).toBeLessThan(MIN_COMPRESSED_BYTES);
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(answer.body.toString())).toBeTruthy();
    }
  });

  // Apollo streams (multipart) only for @defer/@stream, which graphql 16 lacks; the streamed path
  // is checked on its own: each part must reach the client before the next is produced.
  it.each(['gzip', 'br'] as const)('compresses a streamed body through a stream, flushing each part (%s)', async (encoding) => {
    let release!: () => void;
    const secondMayGo = new Promise<void>((resolve) => (release = resolve));
    async function* parts() {
      yield 'first part;';
      await secondMayGo;
      yield 'second part';
    }
    const server = http.createServer((req, res) => void sendCompressibleStream(req, res, parts()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as AddressInfo;
    let firstArrivedAlone = false;
    const guard = setTimeout(() => release(), 5_000);
    try {
      const decoded = await new Promise<string>((resolve, reject) => {
        http
          .get(`http://127.0.0.1:${port}/`, { headers: { 'accept-encoding': encoding } }, (res) => {
            expect(res.headers['content-encoding']).toBe(encoding);
            const unzip = encoding === 'br' ? zlib.createBrotliDecompress() : zlib.createGunzip();
            let text = '';
            unzip.on('data', (chunk: Buffer) => {
              text += chunk.toString();
              if (text === 'first part;') {
                firstArrivedAlone = true;
                release();
              }
            });
            unzip.on('end', () => resolve(text));
            unzip.on('error', reject);
            res.pipe(unzip);
          })
          .on('error', reject);
      });
      expect(decoded).toBe('first part;second part');
      expect(firstArrivedAlone).toBe(true);
    } finally {
      clearTimeout(guard);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
