import DataLoader from 'dataloader';
import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Department } from '../../entities/core/department.entity.js';
import { Region } from '../../entities/core/region.entity.js';
import type { LoaderFactory } from '../../kernel/context.js';

/**
 * Regions (54) and departments (26) are named by nearly every record a page
 * shows, and change a few times a year. Looking them up per request cost two
 * statements of every listing; a process-wide snapshot costs none. The
 * snapshot is reloaded after `maxAgeMs` (so a change made by another process
 * shows within that time), dropped at once when this process reloads reference
 * data, and a code missing from it is looked up in the database, so a row
 * added since the snapshot is never reported absent.
 *
 * The rows are shared by every request, so they are read-only: a write that
 * names a region or department takes `em.getReference` in its own fork.
 */
const maxAgeMs = 60_000;

interface Snapshot<T> {
  loadedAt: number;
  rows: Promise<Map<string, T>>;
  /** The same rows once loaded, for answers that need no promise. */
  loaded?: Map<string, T>;
}

// Keyed by the ORM's driver: every request fork of one app shares it, and two
// apps in one process (tests) never share a snapshot.
const snapshots = new WeakMap<object, Map<EntityClass<object>, Snapshot<object>>>();

function snapshotOf<T extends object>(em: EntityManager, entity: EntityClass<T>, keyOf: (row: T) => string): Promise<Map<string, T>> {
  const driver = em.getDriver();
  let byEntity = snapshots.get(driver);
  if (!byEntity) snapshots.set(driver, (byEntity = new Map()));
  const current = byEntity.get(entity) as Snapshot<T> | undefined;
  if (current && Date.now() - current.loadedAt < maxAgeMs) return current.rows;
  // A fork of its own: the rows outlive the request that happened to load them.
  const rows = em
    .fork()
    .find(entity, {})
    .then((found) => new Map(found.map((row) => [keyOf(row), row])));
  const next: Snapshot<T> = { loadedAt: Date.now(), rows };
  byEntity.set(entity, next as Snapshot<object>);
  rows.then((loaded) => (next.loaded = loaded), () => undefined);
  // A failed load is not kept: the next request tries again.
  rows.catch(() => byEntity.get(entity) === (next as Snapshot<object>) && byEntity.delete(entity));
  return rows;
}

/**
 * The row for `key` when a fresh snapshot is loaded and holds it; otherwise
 * undefined, and the caller asks the loader (which loads, reloads or looks the
 * key up in the database). A field answered from here returns a value, not a
 * promise: graphql-js then completes the whole record synchronously instead of
 * building a promise for it and for each of its fields, which on a page of
 * records named by region and publisher was a tenth of the request's CPU.
 */
export function snapshotRow<T extends object>(em: EntityManager, entity: EntityClass<T>, key: string): T | undefined {
  const current = snapshots.get(em.getDriver())?.get(entity) as Snapshot<T> | undefined;
  if (!current?.loaded || Date.now() - current.loadedAt >= maxAgeMs) return undefined;
  return current.loaded.get(key);
}

/** Forgets the snapshots of this app's database (after reference data is reloaded). */
export function forgetReferenceSnapshot(em: EntityManager): void {
  snapshots.delete(em.getDriver());
}

function snapshotLoader<T extends object>(entity: EntityClass<T>, keyOf: (row: T) => string): LoaderFactory<DataLoader<string, T | null>> {
  return (em: EntityManager) =>
    new DataLoader<string, T | null>(async (keys) => {
      const known = await snapshotOf(em, entity, keyOf);
      const missing = keys.filter((key) => !known.has(key));
      const fresh = missing.length > 0 ? new Map((await em.find(entity, missing as never)).map((row) => [keyOf(row), row])) : undefined;
      return keys.map((key) => known.get(key) ?? fresh?.get(key) ?? null);
    });
}

export const regionByCode = snapshotLoader(Region, (r) => r.code);
export const departmentByCode = snapshotLoader(Department, (d) => d.code);
