import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/resolvers/access/tokens.js';
import { Role } from '../../src/kernel/viewer.js';
import { startApp, type App } from '../../src/app.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { buildGongkaiSchema } from '../../src/schema/build-schema.js';
import { loadTrustedDocuments } from '../../src/server/trusted-documents.js';
import { loadReferenceData } from '../../src/seeders/reference-data.js';
import { freshDatabaseConfig, testLogger } from '../helpers/database.js';

/** GONGKAI_TRUSTED_DOCUMENTS: anonymous clients run only listed operations; persisted queries work in both modes. */
const dir = mkdtempSync(path.join(tmpdir(), 'gongkai-trusted-'));
const manifestFile = path.join(dir, 'trusted-documents.json');
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

interface Running {
  app: App;
  token: string;
  post(body: unknown, token?: string): Promise<{ status: number; body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] } }>;
  close(): Promise<void>;
}

async function start(trustedDocuments?: string): Promise<Running> {
  const fresh = await freshDatabaseConfig({ from: 'migrated' });
  const app = await startApp({ ...fresh.config, trustedDocuments }, testLogger, { migrate: true, demo: false, compileAt: 1 });
  await loadReferenceData(app.database.orm.em.fork());
  const { secret: token } = await createToken(app.database.orm.em.fork(), { name: 'trusted test', role: Role.SUPERVISOR });
  return {
    app,
    token,
    async post(body, bearer) {
      const res = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as never };
    },
    async close() {
      await app.close();
      await fresh.drop();
    },
  };
}

const pq = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });
const DEPARTMENTS = '{ departments { code } }';

let scriptOutput: string;
beforeAll(() => {
  scriptOutput = execFileSync(process.execPath, ['scripts/trusted-documents.mjs', '--out', manifestFile], { encoding: 'utf8' });
});

describe('the manifest script', () => {
  it('writes an Apollo persisted query manifest of every example, ids the SHA-256 of each file', () => {
    expect(scriptOutput).toMatch(/: 15 operation\(s\) from 15 file\(s\)/);
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    expect(manifest).toMatchObject({ format: 'apollo-persisted-query-manifest', version: 1 });
    const example = readFileSync('examples/dashboard/1-counts-by-domain.graphql', 'utf8');
    expect(manifest.operations).toContainEqual({ id: sha256(example), name: expect.any(String), type: 'query', body: example });
  });
});

describe('trusted mode', () => {
  let server: Running;
  let listed: { id: string; name: string; body: string };
  beforeAll(async () => {
    listed = JSON.parse(readFileSync(manifestFile, 'utf8')).operations.find((o: { name: string }) => o.name === 'CountsByDomain');
    server = await start(manifestFile);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('an anonymous client runs a listed document by its hash alone, without the text', async () => {
    const res = await server.post({ extensions: pq(listed.id) });
    expect(res.body.errors).toBeUndefined();
    expect(res.status).toBe(200);
    expect(res.body.data).toBeTruthy();
  });

  it('and by its text, and by GET with the hash', async () => {
    const res = await server.post({ query: listed.body });
    expect(res.body.errors).toBeUndefined();
    const get = await fetch(`${server.app.url}?extensions=${encodeURIComponent(JSON.stringify(pq(listed.id)))}`);
    expect(get.status).toBe(200);
    expect(((await get.json()) as { errors?: unknown }).errors).toBeUndefined();
  });

  it('anything else from an anonymous client is PERSISTED_QUERY_NOT_IN_LIST, HTTP 400', async () => {
    for (const body of [{ query: DEPARTMENTS }, { extensions: pq(sha256(DEPARTMENTS)) }, { query: DEPARTMENTS, extensions: pq(sha256(DEPARTMENTS)) }, {}]) {
      const res = await server.post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'PERSISTED_QUERY_NOT_IN_LIST' });
    }
    const get = await fetch(`${server.app.url}?query=${encodeURIComponent(DEPARTMENTS)}`);
    expect(get.status).toBe(400);
  });

  it('a token holder may send any operation, and register it as a persisted query', async () => {
    expect((await server.post({ query: DEPARTMENTS }, server.token)).body.errors).toBeUndefined();
    const text = '{ departments { shortName } }';
    expect((await server.post({ extensions: pq(sha256(text)) }, server.token)).body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await server.post({ query: text, extensions: pq(sha256(text)) }, server.token)).body.errors).toBeUndefined();
    expect((await server.post({ extensions: pq(sha256(text)) }, server.token)).body.errors).toBeUndefined();
    // What a token holder registered is still not for anonymous clients.
    expect((await server.post({ extensions: pq(sha256(text)) })).status).toBe(400);
  });
});

describe('normal mode: automatic persisted queries', () => {
  let server: Running;
  beforeAll(async () => {
    server = await start();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('an unknown hash is PERSISTED_QUERY_NOT_FOUND; registered with its text, the hash alone runs (compiled)', async () => {
    const text = '{ departments { code kind } }';
    expect((await server.post({ extensions: pq(sha256(text)) })).body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await server.post({ query: text, extensions: pq(sha256(text)) });
    expect(registered.body.errors).toBeUndefined();
    const byHash = await server.post({ extensions: pq(sha256(text)) });
    expect(byHash.body).toEqual(registered.body);
  });

  it('a hash-only request is held to the operation limits of its caller', async () => {
    // 40 aliases: within a SUPERVISOR's 100, over an anonymous reader's 30.
    const text = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: departments { code }`).join(' ')} }`;
    const registered = await server.post({ query: text, extensions: pq(sha256(text)) }, server.token);
    expect(registered.body.errors).toBeUndefined();
    const anonymous = await server.post({ extensions: pq(sha256(text)) });
    expect(anonymous.status).toBe(400);
    expect(anonymous.body.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_LIMIT', limit: 'aliases', max: 30, measured: 40 });
  });
});

describe('checked at start', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildGongkaiSchema();
  });

  function refusal(content: string | undefined): string {
    const file = path.join(dir, `bad-${Math.random().toString(36).slice(2)}.json`);
    if (content !== undefined) writeFileSync(file, content);
    try {
      loadTrustedDocuments(file, schema);
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).not.toContain('\n');
      return (err as Error).message;
    }
    throw new Error('accepted');
  }

  it('refuses a missing file, bad JSON, an unknown format, a document that does not parse or validate', () => {
    expect(refusal(undefined)).toMatch(/cannot be read: ENOENT/);
    expect(refusal('{')).toMatch(/is not JSON/);
    expect(refusal('[]')).toMatch(/must be a JSON object/);
    expect(refusal('{"format":"other","version":1,"operations":[]}')).toMatch(/apollo-persisted-query-manifest/);
    expect(refusal('{"format":"apollo-persisted-query-manifest","version":1,"operations":[{"id":"a"}]}')).toMatch(/operations\[0\] needs an id and a body/);
    expect(refusal(JSON.stringify({ abc: '{ departments { code ' }))).toMatch(/document abc does not parse: Syntax Error/);
    expect(refusal(JSON.stringify({ abc: '{ departments { nope } }' }))).toMatch(/document abc is not valid against the schema: Cannot query field "nope"/);
  });

  it('takes the plain { hash: text } form too, and the setting is a path resolved at start', () => {
    expect(loadTrustedDocuments(writeTo({ [sha256(DEPARTMENTS)]: DEPARTMENTS }), schema).size).toBe(1);
    expect(loadConfig({ GONGKAI_TRUSTED_DOCUMENTS: 'td.json' }).trustedDocuments).toBe(path.resolve('td.json'));
    expect(loadConfig({}).trustedDocuments).toBeUndefined();
  });

  function writeTo(value: unknown): string {
    const file = path.join(dir, 'plain.json');
    writeFileSync(file, JSON.stringify(value));
    return file;
  }
});
