import { fileURLToPath } from 'node:url';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { SeedManager } from '@mikro-orm/seeder';
import { allEntities } from '../entities/index.js';
import { migrationsList } from './migrations/index.js';
import { followRequestTimeouts, READ_GRACE_MS, type PgConnectionLike } from './statement-timeouts.js';

export interface OrmOptionsInput {
  clientUrl: string;
  /** 1 for the embedded database, whose socket takes a single connection. */
  poolMax: number;
  /** How long an unused pooled connection is kept (tarn's idleTimeoutMillis; its default, 30 s, when absent). */
  poolIdleMs?: number;
  /** Sees every SQL statement sent; tests count them. */
  onQuery?: (sql: string, params: readonly unknown[]) => void;
  log?: (message: string) => void;
}

// Migrations are listed explicitly (not globbed) so the same list runs from
// the compiled build, from vitest and from the CLI; the folder is still
// resolved from this file so `migration:create` writes next to the others.
const migrationsDir = fileURLToPath(new URL('./migrations', import.meta.url));

interface RawPgConnection extends PgConnectionLike {
  query(sql: string, callback: (err: Error | null) => void): void;
}

/**
 * Every pooled connection plans its prepared statements once, generically
 * (kernel/sql/run.ts, `prepared`: key lookups whose best plan is the same for every
 * key). Left to itself, PostgreSQL compares the generic plan's estimate for
 * `id = any($1)` (a few rows) with a custom plan's for the one id it was given,
 * keeps re-planning, and so spent 0.34 ms planning each run of the record-with-
 * parties statement that takes 0.02 ms to execute.
 *
 * The setting also reaches statements sent unnamed with bound values
 * (run.ts, `generic`): the write path's lookups by key, whose plan does not
 * depend on the values either. Reads whose plan does (a skewed column, a range)
 * run `per-values`, their values written into the text: nothing to plan
 * generically there.
 */
function sessionSettings(limits: RequestLimits | undefined) {
  const settings = ['set plan_cache_mode = force_generic_plan'];
  // A statement that runs away is stopped by the server itself (57014), whoever sent it.
  if (limits) settings.push(`set statement_timeout = ${Math.round(limits.statementTimeoutMs)}`);
  const text = settings.join('; ');
  return (connection: RawPgConnection, done: (err: Error | null, connection: RawPgConnection) => void): void => {
    connection.query(text, (err) => {
      // Each request's statements then run under its role's timeout (statement-timeouts.ts).
      if (!err && limits) followRequestTimeouts(connection, limits.statementTimeoutMs);
      done(err, connection);
    });
  };
}

/** How long a request may wait for the database, once the server serves (none for commands: a migration may take minutes). */
export interface RequestLimits {
  /** A pooled connection's statement_timeout, for statements outside a request with a timeout of its own (withStatementTimeout). */
  statementTimeoutMs: number;
  /** How long a request waits for a free pooled connection before it is told the service is unavailable. */
  poolWaitMs: number;
}

/**
 * The pool and driver options; with `limits`, bounded: a statement by the server's
 * statement_timeout, an answer that never comes (a frozen server, a dead network) by
 * the driver's own read timeout a little after it, a wait for a connection by the pool.
 */
export function connectionOptions(input: Pick<OrmOptionsInput, 'poolMax' | 'poolIdleMs'>, limits?: RequestLimits): Pick<Options, 'pool' | 'driverOptions'> {
  return {
    pool: {
      min: 0,
      max: input.poolMax,
      acquireTimeoutMillis: limits?.poolWaitMs ?? 15_000,
      ...(input.poolIdleMs ? { idleTimeoutMillis: input.poolIdleMs, reapIntervalMillis: Math.min(1_000, input.poolIdleMs) } : {}),
      afterCreate: sessionSettings(limits),
    },
    driverOptions: {
      connection: {
        connectionTimeoutMillis: limits ? Math.min(10_000, limits.poolWaitMs) : 10_000,
        ...(limits ? { query_timeout: limits.statementTimeoutMs + READ_GRACE_MS } : {}),
      },
    },
  };
}

export function ormOptions(input: OrmOptionsInput): Options {
  return defineConfig({
    clientUrl: input.clientUrl,
    entities: allEntities,
    extensions: [Migrator, SeedManager],
    ...connectionOptions(input),
    // We create a missing database ourselves, with a clear message (see database.ts).
    ensureDatabase: false,
    // No resolver may use the global EntityManager: each request forks its own.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    // The title bigram rows and stop bigrams (Migration20261128170000) are written by triggers and
    // that migration and read by plain SQL, never by an entity: the schema diff leaves them to it.
    schemaGenerator: { skipTables: ['disclosure_title_gram', 'title_gram_stoplist'] },
    migrations: {
      migrationsList,
      path: migrationsDir,
      pathTs: migrationsDir.replace(/[\\/]dist[\\/]/, '/src/'),
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      silent: true,
    },
    onQuery: (sql, params) => {
      input.onQuery?.(sql, params);
      return sql;
    },
    logger: (message) => input.log?.(message),
    debug: input.log ? ['info', 'discovery'] : false,
  });
}
