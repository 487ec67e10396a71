import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/kernel/viewer.js';
import { startTestApp, type TestApp } from '../helpers/database.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

/** A GET that leaves the body as sent (fetch would undo its content coding). */
function rawGet(url: URL, headers: Record<string, string>): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(app.url, { method: 'POST', headers, body });

describe('HTTP surface', () => {
  it('answers /healthz and /readyz', async () => {
    const health = await fetch(new URL('/healthz', app.url));
    expect(health.status).toBe(200);
    const ready = await fetch(new URL('/readyz', app.url));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, database: 'ok', pendingMigrations: [] });
  });

  it('answers a query over POST and GET, echoing a request id', async () => {
    const res = await post(JSON.stringify({ query: '{ __typename }' }), {
      'content-type': 'application/json',
      'x-request-id': 'trace-123',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('trace-123');
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });

    const get = await fetch(`${app.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
    expect(get.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['malformed JSON', () => post('{"query": '), 400, 'BAD_REQUEST'],
    ['a wrong content type', () => post('{ __typename }', { 'content-type': 'text/plain' }), 400, 'BAD_REQUEST'],
    ['a GraphQL syntax error', () => post(JSON.stringify({ query: '{ regions { ' })), 400, 'GRAPHQL_PARSE_FAILED'],
    ['an unknown field', () => post(JSON.stringify({ query: '{ nope }' })), 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['a body over 1 MiB', () => post(JSON.stringify({ query: `{ __typename } #${'x'.repeat(1_100_000)}` })), 413, 'BAD_REQUEST'],
    // A valid mutation (an invalid one is refused by validation first, 400): GET never writes.
    ['a mutation over GET', () => fetch(`${app.url}?query=${encodeURIComponent('mutation { updateDepartment(code: "QH-FINANCE", input: { name: "x" }) { code } }')}`), 405, undefined],
  ])('refuses %s with a coded GraphQL error, and stays up', async (_what, send, status, code) => {
    const res = await send();
    expect(res.status).toBe(status);
    const body = (await res.json()) as { errors: { message: string; extensions?: { code?: string } }[] };
    expect(body.errors[0]!.message).toBeTruthy();
    if (code) expect(body.errors[0]!.extensions?.code).toBe(code);
    const after = await post(JSON.stringify({ query: '{ __typename }' }));
    expect(after.status).toBe(200);
  });

  it('serves an explorer that loads nothing from another host', async () => {
    const res = await fetch(app.url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('GraphiQL');
    // Everything a browser would fetch: src/href attributes, CSS url() and @import.
    const fetched = [
      ...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']*)["']/gi),
      ...html.matchAll(/url\(\s*["']?([^"')]*)/gi),
      ...html.matchAll(/@import\s+["']([^"']*)/gi),
    ].map((m) => m[1]!);
    expect(fetched.length).toBeGreaterThan(0);
    const external = fetched.filter((ref) => /^(?:[a-z]+:)?\/\//i.test(ref.trim()));
    expect(external).toEqual([]);
  });

  it('sends the explorer in the coding the browser prefers, never in one it refuses', async () => {
    const cases: [string, string | undefined, (b: Buffer) => Buffer][] = [
      ['gzip', 'gzip', zlib.gunzipSync],
      ['gzip;q=0.5, br', 'br', zlib.brotliDecompressSync],
      ['gzip;q=0, br;q=0', undefined, (b) => b],
      ['identity', undefined, (b) => b],
    ];
    for (const [accept, coding, decode] of cases) {
      const { headers, body } = await rawGet(new URL(app.url), { accept: 'text/html', 'accept-encoding': accept });
      expect(headers['content-encoding'], accept).toBe(coding);
      expect(decode(body).toString('utf8'), accept).toContain('GraphiQL');
    }
  });

  it('knows who asks before reading a body: 64 KiB without a token, none read for a refused token', async () => {
    const body = JSON.stringify({ query: `{ __typename } #${'x'.repeat(70_000)}` });
    const anonymous = await post(body);
    expect(anonymous.status).toBe(413);
    expect(((await anonymous.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe('request body exceeds 65536 bytes (without a token)');
    const holder = await post(body, { 'content-type': 'application/json', authorization: `Bearer ${await app.tokenFor(Role.SUPERVISOR)}` });
    expect(holder.status).toBe(200);
    const refused = await post(JSON.stringify({ query: `{ __typename } #${'x'.repeat(900_000)}` }), { 'content-type': 'application/json', authorization: 'Bearer not-a-token' });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('unknown paths are 404', async () => {
    expect((await fetch(new URL('/nope', app.url))).status).toBe(404);
  });
});

describe('reference data through the graph', () => {
  it('lists the province, its prefectures and counties as in the database', async () => {
    const expected = await app.query<{ code: string; children: string }>(
      `select p.code, count(c.code)::int as children
         from region p left join region c on c.parent_code = p.code
        where p.level = 'PREFECTURE' group by p.code order by p.code`,
    );
    expect(expected.length).toBe(8);
    const { body } = await app.graphql('{ regions { code name children { code children { code } } } }');
    expect(body.errors).toBeUndefined();
    const regions = body.data!.regions as { code: string; children: { code: string; children: unknown[] }[] }[];
    expect(regions.map((r) => r.code)).toEqual(['630000']);
    expect(regions[0]!.children.map((c) => [c.code, c.children.length])).toEqual(
      expected.map((e) => [e.code, Number(e.children)]),
    );
  });

  it('batches nested children: one statement per level, whatever the width', async () => {
    const query = '{ regions { children { parent { code } children { parent { name } } } } }';
    // The first request may load the process's region snapshot (one statement more).
    await app.graphql(query);
    const { statements } = await app.sql.count(() => app.graphql(query));
    // roots; their children; all grandchildren: each level one `in (...)` however many
    // regions it holds. Parents by code come from the process's reference snapshot.
    expect(statements.length).toBe(3);
  });

  it('finds a region added after the process took its reference snapshot', async () => {
    await app.graphql('{ disclosures(filter: { regionCode: "630100" }, first: 1) { totalCount } }');
    // Another process (or an operator) adds a county; this process's snapshot predates it.
    await app.query(`insert into region (code, name, level, parent_code) values ('630199', '测试县', 'COUNTY', '630100')`);
    try {
      const { body } = await app.graphql('{ disclosures(filter: { regionCode: "630199" }, first: 1) { totalCount } }');
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual({ disclosures: { totalCount: 0 } });
    } finally {
      await app.query(`delete from region where code = '630199'`);
    }
  });

  it('refuses a malformed region code with BAD_USER_INPUT naming the argument', async () => {
    const { body } = await app.graphql('{ regions(parentCode: "63") { code } }');
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentCode' });
  });

  it('lists every department with its region', async () => {
    const [{ n }] = await app.query<{ n: string }>('select count(*) as n from department');
    const { body } = await app.graphql('{ departments { code shortName kind region { code } } }');
    expect(body.errors).toBeUndefined();
    const departments = body.data!.departments as { code: string; region: { code: string } }[];
    expect(departments.length).toBe(Number(n));
    expect(departments.find((d) => d.code === 'GOV-630100')?.region.code).toBe('630100');
  });
});
