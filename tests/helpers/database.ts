import { createToken } from '../../src/access/tokens.js';
import { Role } from '../../src/access/viewer.js';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startApp, type App } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { IN_MEMORY } from '../../src/db/embedded.js';
import { migrate } from '../../src/db/migrate.js';
import { createLogger } from '../../src/logger.js';

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

export async function freshDatabaseConfig(): Promise<TestDatabaseConfig> {
  const base: Config = { databaseUrl: undefined, dataDir: IN_MEMORY, host: '127.0.0.1', port: 0, logLevel: 'silent', corsOrigins: '*', poolIdleMs: 30_000, statementTimeoutMs: 10_000, poolWaitMs: 5_000 };
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { config: base, drop: async () => {} };
  const name = `gongkai_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    config: { ...base, databaseUrl: url.toString() },
    drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`),
  };
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
  const fresh = await freshDatabaseConfig();
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
  const fresh = await freshDatabaseConfig();
  const sql = new SqlCounter();
  const app = await startApp(fresh.config, testLogger, {
    migrate: true,
    demo: options.demo ?? true,
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
 * Who sees which rows is tests/non-public.test.ts's subject.
 */
export async function readEverythingAsSupervisor(app: TestApp): Promise<void> {
  const token = await app.tokenFor(Role.SUPERVISOR);
  const graphql = app.graphql;
  app.graphql = (query, variables, options) => graphql(query, variables, options ?? { token });
}
