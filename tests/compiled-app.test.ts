import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './helpers/build.js';
import { freshDatabaseConfig, type TestDatabaseConfig } from './helpers/database.js';

// The path a newcomer takes: the compiled CLI, no DATABASE_URL, the embedded database.
const root = new URL('..', import.meta.url).pathname;
const bin = path.join(root, 'bin/gongkai.js');
const departmentsInPlan = (JSON.parse(readFileSync(path.join(root, 'src/reference-data/departments.json'), 'utf8')) as unknown[])
  .length;

const tmpDirs: string[] = [];
function tempDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-smoke-'));
  tmpDirs.push(dir);
  return dir;
}

function cliEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'info', PORT: '0', ...extra };
  if (!('DATABASE_URL' in extra)) delete env.DATABASE_URL;
  return env;
}

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function runCli(args: string[], env: Record<string, string>, timeoutMs = 30_000): Promise<Finished> {
  const started = Date.now();
  const child = spawn(process.execPath, [bin, ...args], { env: cliEnv(env), cwd: root });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    }),
  );
}

interface Served {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  output: () => string;
}

const servers: ChildProcess[] = [];

/** Starts `gongkai serve`, and resolves with its URL once it logs that it is serving. */
function serve(args: string[], env: Record<string, string>): Promise<Served> {
  const child = spawn(process.execPath, [bin, 'serve', ...args], { env: cliEnv(env), cwd: root });
  servers.push(child);
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 90 s:\n${out}`)), 90_000);
    child.stderr.on('data', (d) => (out += d));
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      for (const line of d.toString().split('\n')) {
        if (!line.startsWith('{')) continue;
        const event = JSON.parse(line) as { msg?: string; url?: string };
        if (event.msg === 'Gongkai is serving' && event.url) {
          clearTimeout(timer);
          resolve({ child, url: event.url, exited, output: () => out });
        }
      }
    });
    void exited.then((code) => reject(new Error(`exited with ${code} before serving:\n${out}`)));
  });
}

async function waitReady(url: string, withinMs: number): Promise<number> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const res = await fetch(new URL('/readyz', url)).catch(() => undefined);
    if (res?.status === 200) return 200;
    if (Date.now() > deadline) return res?.status ?? 0;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function departmentCount(url: string): Promise<number> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename departments { code } }' }),
  });
  const body = (await res.json()) as { data: { __typename: string; departments: unknown[] } };
  expect(body.data.__typename).toBe('Query');
  return body.data.departments.length;
}

beforeAll(() => {
  buildApp(root);
}, 180_000);

afterAll(() => {
  // A server a failed test left running would go on using a core (and, with workers, outlive this process).
  for (const child of servers) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  for (const dir of tmpDirs) rmSync(dir, { recursive: true, force: true });
});

describe('the compiled server on the embedded database', () => {
  // One server on one data directory for the three tests below (loading the demo data into PGlite is most of
  // a minute, once is enough): it starts, then commands and a token are used beside it, then it stops and starts
  // again on the same files. They run in this order, each after the one before. Its pool lets an idle connection
  // go after 300 ms, so the token test can ask after it has (the first test is indifferent to that).
  let dataDir: string;
  let first: Served;
  beforeAll(async () => {
    dataDir = tempDataDir();
    first = await serve(['--migrate', '--demo'], { GONGKAI_DATA_DIR: dataDir, GONGKAI_POOL_IDLE_MS: '300' });
  }, 180_000);

  it('starts, migrates, loads demo data and answers; refuses a second server but runs commands beside it', async () => {
    expect(await waitReady(first.url, 90_000)).toBe(200);
    expect(await departmentCount(first.url)).toBe(departmentsInPlan);
    const demo = first
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg?: string; rows?: Record<string, number> })
      .find((event) => event.msg === 'loaded demo data into the empty database');
    expect(demo?.rows?.disclosure).toBe(5000);

    // A second server must not open the same embedded data directory …
    const clash = await runCli(['serve'], { GONGKAI_DATA_DIR: dataDir, PORT: '0' });
    expect(clash.code).toBe(1);
    expect(clash.stderr).toMatch(/^gongkai: the embedded database in .* is in use by process \d+/);
    // … but commands run beside it, through its socket.
    const beside = await runCli(['migrate', '--status'], { GONGKAI_DATA_DIR: dataDir });
    expect(beside.stderr).toBe('');
    expect(beside.code).toBe(0);
    expect(beside.stdout).toMatch(/^applied {2}Migration\d+/m);
  }, 120_000);

  it('issues a token beside the running server, usable at once, and answers after its pool has idled', async () => {
    expect(await waitReady(first.url, 90_000)).toBe(200);
    const ask = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
      const res = await fetch(first.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are walked by hand below
      return { status: res.status, body: (await res.json()) as { data?: Record<string, any>; errors?: { extensions?: { code?: string } }[] } };
    };

    const created = await runCli(['token', 'create', '--role', 'ADMIN', '--name', 'newcomer'], { GONGKAI_DATA_DIR: dataDir });
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const secret = created.stdout.split('\n')[1]!.trim();
    const tokens = await ask('{ apiTokens { name role } }', {}, secret);
    expect(tokens.status).toBe(200);
    expect(tokens.body.data?.apiTokens).toEqual([{ name: 'newcomer', role: 'ADMIN' }]);
    expect((await ask('{ apiTokens { name } }', {}, `${secret}x`)).status).toBe(401);

    // The README's analyst query and node, after the pool has let its one connection go (twice).
    const { body } = await ask('{ subjects(first: 1) { edges { node { creditCode } } } disclosures(first: 1) { edges { node { id } } } }');
    const code = body.data!.subjects.edges[0].node.creditCode as string;
    const id = body.data!.disclosures.edges[0].node.id as string;
    const analyst = `query ($code: CreditCode!) { subject(creditCode: $code) { name creditStatus
      disclosures(first: 20) { totalCount edges { node { title domain parties { role subject { name } } } } } } }`;
    for (let round = 0; round < 2; round++) {
      await new Promise((r) => setTimeout(r, 1_500));
      const answer = await ask(analyst, { code });
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data!.subject.disclosures.totalCount).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 1_500));
      const node = await ask('query ($id: ID!) { node(id: $id) { id ... on Disclosure { parties { role } } } }', { id });
      expect(node.body.errors).toBeUndefined();
      expect(node.body.data!.node.id).toBe(id);
    }
    expect(first.output()).not.toMatch(/already exists/);
    // Not on a terminal: JSON lines only, no banner mixed in (stdout and stderr both).
    const lines = first.output().split('\n').filter((line) => line.trim() !== '');
    expect(lines.filter((line) => !line.startsWith('{'))).toEqual([]);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  }, 120_000);

  it('stops cleanly and keeps its data: migrated and answering when started again', async () => {
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const status = await runCli(['migrate', '--status'], { GONGKAI_DATA_DIR: dataDir });
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^applied {2}Migration\d+/m);
    expect(status.stdout).not.toMatch(/pending/);

    const second = await serve([], { GONGKAI_DATA_DIR: dataDir });
    expect(await waitReady(second.url, 30_000)).toBe(200);
    expect(await departmentCount(second.url)).toBe(departmentsInPlan);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 120_000);

  it('is not ready while migrations are pending', async () => {
    const served = await serve([], { GONGKAI_DATA_DIR: tempDataDir() });
    const res = await fetch(new URL('/readyz', served.url));
    expect(res.status).toBe(503);
    expect(((await res.json()) as { pendingMigrations: string[] }).pendingMigrations.length).toBeGreaterThan(0);
    expect((await fetch(new URL('/healthz', served.url))).status).toBe(200);
    served.child.kill('SIGTERM');
    expect(await served.exited).toBe(0);
  });
});

describe('bad configuration: one line, a non-zero exit, within 15 s', () => {
  let busy: net.Server;
  let busyPort: number;
  beforeAll(async () => {
    busy = net.createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
    busyPort = (busy.address() as net.AddressInfo).port;
  });
  afterAll(() => busy.close());

  it.each([
    ['a malformed DATABASE_URL', () => ({ DATABASE_URL: 'postgres//nowhere' }), /DATABASE_URL is not a URL/],
    ['a DATABASE_URL of another kind', () => ({ DATABASE_URL: 'mysql://root@127.0.0.1/x' }), /must start with postgres/],
    [
      'a DATABASE_URL where nothing listens',
      () => ({ DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:1/gongkai' }),
      /cannot connect to postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/gongkai: connection refused/,
    ],
    ['a PORT that is not a number', () => ({ PORT: 'eighty' }), /PORT must be a whole number/],
    [
      'a GONGKAI_CORS_ORIGINS entry with a path',
      () => ({ GONGKAI_CORS_ORIGINS: 'https://dashboard.example.org/app' }),
      /GONGKAI_CORS_ORIGINS entry "https:\/\/dashboard\.example\.org\/app" is not an origin/,
    ],
    ['a PORT already in use', () => ({ PORT: String(busyPort), GONGKAI_DATA_DIR: tempDataDir() }), /PORT \d+ is already in use/],
  ])('%s', async (_what, env, reason) => {
    const run = await runCli(['serve', '--migrate'], env(), 20_000);
    expect(run.code).toBe(1);
    expect(run.ms).toBeLessThan(15_000);
    expect(run.stderr).toMatch(reason);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses several workers on the embedded database, and a worker count that is not one', async () => {
    const embedded = await runCli(['serve', '--workers', '2'], { GONGKAI_DATA_DIR: tempDataDir() });
    expect(embedded.code).toBe(1);
    expect(embedded.stderr).toMatch(/^gongkai: --workers 2 needs DATABASE_URL: the embedded database belongs to one process/);
    const bad = await runCli(['serve'], { GONGKAI_WORKERS: 'many', GONGKAI_DATA_DIR: tempDataDir() });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('gongkai: --workers (or GONGKAI_WORKERS) must be a whole number from 1 to 256, got "many"\n');
  });

  it('gives up with one line when every worker dies at start', async () => {
    // No --migrate: the primary opens no database, so each worker finds out, and dies.
    const run = await runCli(['serve', '--workers', '2'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/gongkai' }, 60_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^gongkai: workers keep dying at start \(2 within a minute\), so gave up; the last: cannot connect to .*: connection refused/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    const events = jsonLines(run.stdout);
    // A replacement may have been forked before the second death made it give up.
    const pids = events.filter((e) => e.msg === 'worker started').map((e) => e.pid as number);
    expect(pids.length).toBeGreaterThanOrEqual(2);
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
  }, 90_000);

  it('every command has --help', async () => {
    for (const command of [[], ['serve'], ['migrate'], ['seed'], ['calendar'], ['calendar', 'import'], ['calendar', 'list'], ['report']]) {
      const run = await runCli([...command, '--help'], {});
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage: gongkai/);
    }
  });
});

function jsonLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what: string, check: () => boolean, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${withinMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// The PostgreSQL server is needed: the embedded database is one process's, so it serves one worker.
describe.skipIf(!process.env.DATABASE_URL)('serve --workers 2 on PostgreSQL', () => {
  let fresh: TestDatabaseConfig;
  beforeAll(async () => {
    fresh = await freshDatabaseConfig();
  });
  afterAll(() => fresh?.drop());

  it('replaces a worker killed under load, the others answering throughout, and stops cleanly on SIGTERM', async () => {
    // Four clients from one address, flat out: past the anonymous rate limit within seconds, which is not this test's subject.
    const served = await serve(['--migrate', '--demo', '--workers', '2'], { DATABASE_URL: fresh.config.databaseUrl!, GONGKAI_RATE_LIMIT: 'off' });
    const events = () => jsonLines(served.output());
    const started = () => events().filter((e) => e.msg === 'worker started');
    const serving = () => events().filter((e) => e.msg === 'worker serving');
    expect(events().filter((e) => e.msg === 'Gongkai is serving')).toHaveLength(1);
    expect(events().filter((e) => e.msg === 'loaded demo data into the empty database')).toHaveLength(1);
    const [first, second] = started().map((e) => e.pid as number);
    expect(serving()).toHaveLength(2);

    // Four clients, each with one request in flight at a time.
    const CLIENTS = 4;
    let running = true;
    const outcomes = { ok: 0, failed: 0 };
    const client = async () => {
      while (running) {
        try {
          expect(await departmentCount(served.url)).toBe(departmentsInPlan);
          outcomes.ok++;
        } catch {
          outcomes.failed++;
        }
      }
    };
    const load = Promise.all(Array.from({ length: CLIENTS }, client));
    await new Promise((r) => setTimeout(r, 1_500));
    process.kill(first!, 'SIGKILL');
    await until('a replacement worker serves', () => serving().length === 3, 30_000);
    const okBefore = outcomes.ok;
    await new Promise((r) => setTimeout(r, 1_000));
    running = false;
    await load;
    // Only a request in flight on the killed worker may fail: one per client at most.
    expect(outcomes.failed).toBeLessThanOrEqual(CLIENTS);
    expect(outcomes.ok).toBeGreaterThan(okBefore);
    const exited = events().find((e) => e.msg === 'worker exited');
    expect(exited).toMatchObject({ pid: first, signal: 'SIGKILL' });
    expect(events().filter((e) => e.msg === 'replacing worker')).toHaveLength(1);
    const replacement = started()[2]!.pid as number;

    // With the other first worker gone too, the replacement alone answers (its own replacement is still starting).
    process.kill(second!, 'SIGKILL');
    await until('the second worker is seen gone', () => events().filter((e) => e.msg === 'worker exited').length === 2, 10_000);
    for (let i = 0; i < 3; i++) expect(await departmentCount(served.url)).toBe(departmentsInPlan);
    expect(serving()).toHaveLength(3);
    await until('a fourth worker is started', () => started().length === 4, 10_000);

    served.child.kill('SIGTERM');
    expect(await served.exited).toBe(0);
    const pids = started().map((e) => e.pid as number);
    expect(pids).toContain(replacement);
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
    expect(events().filter((e) => e.msg === 'worker stopped')).toHaveLength(2);
  }, 150_000);
});

/** A POST on a connection of its own, so the primary hands each to the next worker in turn. */
function postOnNewConnection(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The value of one series in Prometheus text, 0 when absent. */
function series(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : 0;
}

describe.skipIf(!process.env.DATABASE_URL)('serve --workers 2: one rate limit and one /metrics across the workers', () => {
  let fresh: TestDatabaseConfig;
  beforeAll(async () => {
    fresh = await freshDatabaseConfig();
  });
  afterAll(() => fresh?.drop());

  it('counts a client once whichever worker answers, and a scrape sums every worker and counts restarts', async () => {
    const LIMIT = 12;
    const SENT = 20;
    const served = await serve(['--migrate', '--workers', '2'], {
      DATABASE_URL: fresh.config.databaseUrl!,
      GONGKAI_RATE_LIMIT: JSON.stringify({ PUBLIC: LIMIT, windowSeconds: 3_600 }),
    });
    try {
      const statuses: number[] = [];
      // One after another, each on a new connection: about half reach each worker, and each worker alone would admit all of its half.
      for (let i = 0; i < SENT; i++) statuses.push(await postOnNewConnection(served.url, JSON.stringify({ query: '{ __typename }' })));
      expect(statuses.filter((s) => s === 200)).toHaveLength(LIMIT);
      expect(statuses.filter((s) => s === 429)).toHaveLength(SENT - LIMIT);
      expect(statuses.slice(LIMIT).every((s) => s === 429)).toBe(true);

      const scrape = async () => {
        const res = await fetch(new URL('/metrics', served.url));
        expect(res.status).toBe(200);
        return res.text();
      };
      let text = await scrape();
      expect(series(text, 'gongkai_http_requests_total{route="graphql",status="200"}')).toBe(LIMIT);
      expect(series(text, 'gongkai_http_requests_total{route="graphql",status="429"}')).toBe(SENT - LIMIT);
      expect(series(text, 'gongkai_rate_limited_total{by="address"}')).toBe(SENT - LIMIT);
      expect(series(text, 'gongkai_workers')).toBe(2);
      expect(series(text, 'gongkai_worker_restarts_total')).toBe(0);
      expect(series(text, 'gongkai_rate_limit_clients')).toBe(1);

      const pids = jsonLines(served.output())
        .filter((e) => e.msg === 'worker started')
        .map((e) => e.pid as number);
      // Each worker's heap is capped, so one that grows is replaced rather than swapping the machine.
      for (const pid of pids) {
        if (existsSync(`/proc/${pid}/cmdline`)) expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')).toContain('--max-old-space-size=512');
      }
      process.kill(pids[0]!, 'SIGKILL');
      await until('a replacement worker serves', () => jsonLines(served.output()).filter((e) => e.msg === 'worker serving').length === 3, 30_000);
      text = await scrape();
      expect(series(text, 'gongkai_worker_restarts_total')).toBe(1);
      expect(series(text, 'gongkai_workers')).toBe(2);
      // The limit outlives the worker: the client is still over it.
      expect(await postOnNewConnection(served.url, JSON.stringify({ query: '{ __typename }' }))).toBe(429);
    } finally {
      served.child.kill('SIGTERM');
      expect(await served.exited).toBe(0);
    }
  }, 120_000);
});
