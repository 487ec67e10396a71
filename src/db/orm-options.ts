import { fileURLToPath } from 'node:url';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { SeedManager } from '@mikro-orm/seeder';
import { allEntities } from '../entities/index.js';
import { migrationsList } from './migrations/index.js';

export interface OrmOptionsInput {
  clientUrl: string;
  /** 1 for the embedded database, whose socket takes a single connection. */
  poolMax: number;
  /** Sees every SQL statement sent; tests count them. */
  onQuery?: (sql: string, params: readonly unknown[]) => void;
  log?: (message: string) => void;
}

// Migrations are listed explicitly (not globbed) so the same list runs from
// the compiled build, from vitest and from the CLI; the folder is still
// resolved from this file so `migration:create` writes next to the others.
const migrationsDir = fileURLToPath(new URL('./migrations', import.meta.url));

export function ormOptions(input: OrmOptionsInput): Options {
  return defineConfig({
    clientUrl: input.clientUrl,
    entities: allEntities,
    extensions: [Migrator, SeedManager],
    pool: { min: 0, max: input.poolMax, acquireTimeoutMillis: 15_000 },
    driverOptions: { connection: { connectionTimeoutMillis: 10_000 } },
    // We create a missing database ourselves, with a clear message (see database.ts).
    ensureDatabase: false,
    // No resolver may use the global EntityManager: each request forks its own.
    allowGlobalContext: false,
    forceUtcTimezone: true,
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
