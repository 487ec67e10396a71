import type { MikroORM } from '@mikro-orm/postgresql';
import { pendingMigrations } from '../db/migrate.js';

interface ReadinessState {
  ready: boolean;
  database: 'ok' | 'unreachable';
  pendingMigrations: string[];
}

export interface Readiness {
  check(): Promise<ReadinessState>;
}

/** Ready means: the database answers within 2 s, and no migration is pending. */
export function readiness(orm: MikroORM): Readiness {
  return {
    async check() {
      try {
        const pending = await withTimeout(pendingMigrations(orm), 2000);
        return { ready: pending.length === 0, database: 'ok', pendingMigrations: pending };
      } catch {
        return { ready: false, database: 'unreachable', pendingMigrations: [] };
      }
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
