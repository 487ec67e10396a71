import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { ConfigError, redactUrl, type Config } from '../config.js';
import type { Logger } from '../logger.js';
import { run } from '../kernel/sql/run.js';
import { sql } from '../kernel/sql/sql.js';
import { servingProcess, startEmbedded, type EmbeddedDatabase } from './embedded.js';
import { connectionOptions, ormOptions, type OrmOptionsInput, type RequestLimits } from './orm-options.js';

export interface Database {
  orm: MikroORM;
  kind: 'postgres' | 'embedded';
  /** Where it is, password hidden. */
  description: string;
  /**
   * From now on, bound every statement and every wait for a connection (the server
   * calls it once migrations and the demo data are in). The pool is opened anew
   * with the limits: nothing may be running.
   */
  limitRequests(limits: RequestLimits): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  onQuery?: OrmOptionsInput['onQuery'];
  /**
   * Refuse an embedded database that another process already has open (the
   * server does: two servers on one directory would be one database served
   * twice). Without it, a command connects through that process's socket.
   */
  exclusive?: boolean;
}

/**
 * Connects to DATABASE_URL, or to the embedded database under GONGKAI_DATA_DIR:
 * through the socket of the process that has it open, or by starting it.
 */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'> & Partial<Pick<Config, 'poolIdleMs'>>,
  logger: Logger,
  options: OpenOptions = {},
): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  let description = url ? redactUrl(url) : `embedded PGlite in ${config.dataDir}`;
  if (!url) {
    const owner = options.exclusive ? undefined : await servingSocket(config.dataDir);
    if (owner) {
      url = owner.url;
      description = `embedded PGlite in ${config.dataDir}, through process ${owner.pid}`;
      logger.debug({ pid: owner.pid }, 'the embedded database is open in another process: connecting through its socket');
    } else {
      embedded = await startEmbedded(config.dataDir);
      url = embedded.url;
    }
  } else {
    await ensureDatabaseExists(url, logger);
  }
  let orm: MikroORM | undefined;
  // PGlite runs one statement at a time: more connections would only queue.
  const pool = { poolMax: config.databaseUrl ? 10 : 1, poolIdleMs: config.poolIdleMs };
  try {
    orm = await MikroORM.init(
      ormOptions({
        clientUrl: url,
        ...pool,
        onQuery: options.onQuery,
        log: (message) => logger.debug({ component: 'mikro-orm' }, message),
      }),
    );
    await run(orm.em, sql`select 1`, 'per-values');
  } catch (err) {
    await orm?.close(true).catch(() => {});
    await embedded?.stop().catch(() => {});
    throw explainConnectionError(err, config.databaseUrl);
  }
  const opened = orm;
  return {
    orm: opened,
    kind: config.databaseUrl ? 'postgres' : 'embedded',
    description,
    async limitRequests(limits) {
      await opened.reconnect(connectionOptions(pool, limits));
    },
    async close() {
      await opened.close(true);
      await embedded?.stop();
    },
  };
}

const STARTING_MS = 60_000;

/**
 * The socket of the process that has the embedded database open. A process
 * still starting it has not published its socket yet: wait for it, a minute
 * at most.
 */
async function servingSocket(dataDir: string): Promise<{ pid: number; url: string } | undefined> {
  const deadline = Date.now() + STARTING_MS;
  for (;;) {
    const owner = servingProcess(dataDir);
    if (!owner) return undefined;
    if (owner.url) return { pid: owner.pid, url: owner.url };
    if (Date.now() > deadline) {
      throw new ConfigError(`the embedded database in ${dataDir} is being opened by process ${owner.pid}, which has not started serving it`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * A URL naming a database that does not exist yet is a normal first start:
 * create it, as `createdb` would, rather than fail.
 */
async function ensureDatabaseExists(url: string, logger: Logger): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    return;
  } catch (err) {
    if ((err as { code?: string }).code !== '3D000') throw explainConnectionError(err, url);
  } finally {
    await client.end().catch(() => {});
  }
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  target.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: target.toString(), connectionTimeoutMillis: 10_000 });
  try {
    await admin.connect();
    await admin.query(`create database ${pg.escapeIdentifier(name)}`);
    logger.info({ database: name }, 'created database');
  } catch (err) {
    throw explainConnectionError(err, url);
  } finally {
    await admin.end().catch(() => {});
  }
}

/** Turns driver errors into one line a user can act on; nothing else reaches the terminal. */
function explainConnectionError(err: unknown, url: string | undefined): Error {
  if (err instanceof ConfigError) return err;
  const e = err as { code?: string; message?: string };
  const where = url ? redactUrl(url) : 'the embedded database';
  switch (e.code) {
    case 'ECONNREFUSED':
      return new ConfigError(`cannot connect to ${where}: connection refused (is PostgreSQL running there?)`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ConfigError(`cannot connect to ${where}: host not found`);
    case 'ETIMEDOUT':
      return new ConfigError(`cannot connect to ${where}: timed out`);
    case '28P01':
    case '28000':
      return new ConfigError(`cannot connect to ${where}: authentication failed (${e.message})`);
    case '3D000':
      return new ConfigError(`cannot connect to ${where}: ${e.message}`);
  }
  if (/timeout/i.test(e.message ?? '')) return new ConfigError(`cannot connect to ${where}: timed out`);
  return new ConfigError(`cannot connect to ${where}: ${e.message ?? String(err)}`);
}
