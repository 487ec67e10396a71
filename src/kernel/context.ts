import type { EntityManager } from '@mikro-orm/postgresql';
import { PUBLIC_VIEWER, type Viewer } from './viewer.js';
import type { Logger } from '../logger.js';
import { RequestBudget } from './request-budget.js';

/** What every resolver gets: this request's own EntityManager fork, loaders and logger. */
export interface Context {
  em: EntityManager;
  requestId: string;
  logger: Logger;
  /** Who is asking (from the request's API token; PUBLIC without one). */
  viewer: Viewer;
  /** This request's time and answer-size budget (armed per role by server/limits; unarmed it never runs out). */
  budget: RequestBudget;
  /** This request's instance of a loader, created on first use from the request's fork. */
  loader<T>(factory: LoaderFactory<T>): T;
  /**
   * A token was changed (revoked) and committed: this process forgets the tokens it
   * remembers at once, not when its own notification comes back (access/token-cache.ts).
   */
  tokensChanged(): void;
}

/**
 * Builds a request's loader; `viewer` for loaders whose rows depend on who asks (see
 * access/visibility.ts); `ctx` for a loader whose statement also answers another
 * loader's keys and primes it (a join that saves a round trip).
 */
export type LoaderFactory<T> = (em: EntityManager, viewer: Viewer, ctx: Context) => T;

export function createContext(
  em: EntityManager,
  requestId: string,
  logger: Logger,
  viewer: Viewer = PUBLIC_VIEWER,
  tokensChanged: () => void = () => {},
): Context {
  // Keyed by the factory itself, so a module declares its loaders where it uses them
  // and no central registry has to know every module.
  const loaders = new Map<LoaderFactory<unknown>, unknown>();
  const budget = new RequestBudget();
  budget.waitingForDatabase = () => requestsWaitForConnection(em);
  const context: Context = {
    em,
    requestId,
    logger,
    viewer,
    budget,
    tokensChanged,
    loader<T>(factory: LoaderFactory<T>): T {
      let loader = loaders.get(factory) as T | undefined;
      if (loader === undefined) {
        loader = factory(em, viewer, context);
        loaders.set(factory, loader);
      }
      return loader;
    },
  };
  return context;
}

/**
 * Whether requests are queued for a pooled connection now because every one is
 * in use (knex's pool, tarn.js); a request taking a free connection is pending
 * for a moment too, which is no sign of load.
 */
function requestsWaitForConnection(em: EntityManager): boolean {
  try {
    const pool = em.getConnection().getKnex().client.pool as { numPendingAcquires(): number; numUsed(): number; max: number } | undefined;
    return !!pool && pool.numPendingAcquires() > 0 && pool.numUsed() >= pool.max;
  } catch {
    return false;
  }
}
