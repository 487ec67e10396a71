import { createToken } from '../../src/resolvers/access/tokens.js';
import { Role } from '../../src/kernel/viewer.js';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { startApp, type App } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { IN_MEMORY } from '../../src/db/embedded.js';
import { migrate } from '../../src/db/migrate.js';
import { createLogger } from '../../src/logger.js';
import { loadDemoIfEmpty } from '../../src/seeders/demo.js';

/**
 * Each test file gets its own fresh database: a new one created on the
 * server at DATABASE_URL (and dropped afterwards), or, when no server is
 * configured, an in-memory embedded one.
 */
export interface TestDatabaseConfig {
  config: Config;
  drop(): Promise<void>;
}

export const testLogger = createLogger((process.env.TEST_LOG_LEVEL as never) ?? 'silent', { pretty: false });

/**
 * What a fresh database holds when it is handed over: nothing (`empty`), every
 * migration applied (`migrated`), or that and the demo data (`demo`).
 *
 * On a server, `migrated` and `demo` are copies (CREATE DATABASE … TEMPLATE)
 * of a database this run made once, with the same code the app runs
 * (db/migrate.ts, seeders/demo.ts): migrating took about a second per test
 * file, and the demo load four to five, where a copy takes a fraction of one.
 * The app still runs `migrate` and `loadDemoIfEmpty` on the copy, finding
 * nothing pending and data present, as on any restart. Migrating an empty
 * database and loading the demo into it stay under test where that is the
 * subject: migrations.test.ts, compiled-app.test.ts. The embedded database
 * (no DATABASE_URL) has no templates: there every file migrates and loads.
 * GONGKAI_TEST_TEMPLATES=off turns the copies off on a server too.
 */
export type FreshContent = 'empty' | 'migrated' | 'demo';

export async function freshDatabaseConfig(options: { from?: FreshContent } = {}): Promise<TestDatabaseConfig> {
  const base: Config = { databaseUrl: undefined, dataDir: IN_MEMORY, host: '127.0.0.1', port: 0, logLevel: 'silent', corsOrigins: '*', poolIdleMs: 30_000, statementTimeoutMs: 10_000, poolWaitMs: 5_000 };
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { config: base, drop: async () => {} };
  const template = options.from && options.from !== 'empty' ? await templateDatabase(serverUrl, options.from) : undefined;
  const name = `gongkai_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, template ? `create database ${name} template ${template}` : `create database ${name}`);
  return {
    config: { ...base, databaseUrl: databaseUrl(serverUrl, name) },
    drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** This process's templates, once known to exist. */
const templates = new Map<FreshContent, Promise<string | undefined>>();

/**
 * The name of this run's template holding `content`, made by the first test
 * file (of any worker) that asks: the others wait on an advisory lock for it.
 * Named after the run (tests/helpers/global-setup.ts), which drops them at its
 * end; undefined (no template) outside such a run or when turned off.
 */
function templateDatabase(serverUrl: string, content: Exclude<FreshContent, 'empty'>): Promise<string | undefined> {
  let known = templates.get(content);
  if (!known) {
    known = makeTemplate(serverUrl, content);
    // A failed attempt is not remembered: the next file tries again, and fails with its own error.
    known.catch(() => templates.delete(content));
    templates.set(content, known);
  }
  return known;
}

async function makeTemplate(serverUrl: string, content: Exclude<FreshContent, 'empty'>): Promise<string | undefined> {
  const run = inject('gongkaiTestRun');
  if (!run || process.env.GONGKAI_TEST_TEMPLATES === 'off') return undefined;
  const name = `${run}_${content}`;
  // The demo template is a copy of the migrated one, with the demo loaded.
  const from = content === 'demo' ? await templateDatabase(serverUrl, 'migrated') : undefined;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount) return name;
    // Made under another name and renamed when complete, so a half-made template is never copied.
    const building = `${name}_building`;
    await admin.query(`drop database if exists ${building} with (force)`);
    await admin.query(from ? `create database ${building} template ${from}` : `create database ${building}`);
    const db = await openDatabase({ databaseUrl: databaseUrl(serverUrl, building), dataDir: IN_MEMORY }, testLogger);
    try {
      if (content === 'migrated') await migrate(db.orm);
      else await loadDemoIfEmpty(db.orm, testLogger);
    } finally {
      await db.close();
    }
    await admin.query(`alter database ${building} rename to ${name}`);
    // No one may connect to a template: a session on it would make every copy of it fail.
    await admin.query(`alter database ${name} with is_template true allow_connections false`);
    return name;
  } finally {
    await admin.end();
  }
}

/** Counts what the ORM sends, so tests can assert that nested fields are batched. */
export class SqlCounter {
  statements: string[] = [];
  private on = false;
  readonly onQuery = (sql: string) => {
    if (this.on) this.statements.push(sql);
  };
  async count<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    this.statements = [];
    this.on = true;
    try {
      const result = await work();
      return { result, statements: [...this.statements] };
    } finally {
      this.on = false;
    }
  }
}

export interface TestDatabase extends Database {
  sql: SqlCounter;
  /** Plain SQL, for expectations computed independently of the code under test. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const fresh = await freshDatabaseConfig({ from: options.migrate !== false ? 'migrated' : 'empty' });
  const sql = new SqlCounter();
  const db = await openDatabase(fresh.config, testLogger, { onQuery: sql.onQuery });
  if (options.migrate !== false) await migrate(db.orm);
  return {
    ...db,
    sql,
    query: (text, params) => db.orm.em.getConnection().execute(text, params ?? []),
    async close() {
      await db.close();
      await fresh.drop();
    },
  };
}

export interface TestApp extends App {
  /** The app's configuration (its database), for running CLI commands against it. */
  config: Config;
  sql: SqlCounter;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** POST /graphql; with `token`, as that token's holder (Authorization: Bearer). */
  graphql(query: string, variables?: Record<string, unknown>, options?: { token?: string }): Promise<GraphQLResponse>;
  /** A fresh token of that role (a PUBLISHER's bound to `departmentCode`), made directly in the database. */
  tokenFor(role: Role, departmentCode?: string): Promise<string>;
}

export interface GraphQLResponse {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** The real server on a free port, migrated, with the demo data loaded. */
export async function startTestApp(options: { demo?: boolean; compileAt?: number } = {}): Promise<TestApp> {
  const demo = options.demo ?? true;
  const fresh = await freshDatabaseConfig({ from: demo ? 'demo' : 'migrated' });
  const sql = new SqlCounter();
  const app = await startApp(fresh.config, testLogger, {
    migrate: true,
    demo,
    onQuery: sql.onQuery,
    // Every query compiled at its first run, so every test goes through the compiled path.
    compileAt: options.compileAt ?? 1,
  });
  return {
    ...app,
    config: fresh.config,
    sql,
    query: (text, params) => app.database.orm.em.getConnection().execute(text, params ?? []),
    async graphql(query, variables, options) {
      const res = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(options?.token ? { authorization: `Bearer ${options.token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as GraphQLResponse['body'] };
    },
    async tokenFor(role, departmentCode) {
      const { secret } = await createToken(app.database.orm.em.fork(), { name: `test ${role} ${departmentCode ?? ''}`.trim(), role, departmentCode });
      return secret;
    },
    async close() {
      await app.close();
      await fresh.drop();
    },
  };
}

/**
 * Makes `app.graphql` read as SUPERVISOR unless a call names its own token:
 * for files that check what a listing, count or figure means over every row.
 * Who sees which rows is tests/access/non-public.test.ts's subject.
 */
export async function readEverythingAsSupervisor(app: TestApp): Promise<void> {
  const token = await app.tokenFor(Role.SUPERVISOR);
  const graphql = app.graphql;
  app.graphql = (query, variables, options) => graphql(query, variables, options ?? { token });
}
