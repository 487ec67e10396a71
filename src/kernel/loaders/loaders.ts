import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityClass } from '@mikro-orm/core';
import type { Viewer } from '../viewer.js';
import type { LoaderFactory } from '../context.js';
import { selectLight } from '../sql/light-rows.js';
import { sql } from '../sql/sql.js';
import { PeekableLoader } from './peekable-loader.js';

/**
 * A by-primary-key loader: one `where pk in (...)` per tick, results aligned
 * with the keys and `null` for a miss, as DataLoader requires.
 */
export function byKeyLoader<T extends object>(
  entity: EntityClass<T>,
  keyOf: (row: T) => string,
): LoaderFactory<DataLoader<string, T | null>> {
  return (em: EntityManager) =>
    new DataLoader<string, T | null>(async (keys) => {
      const rows = await em.find(entity, keys as never);
      const byKey = new Map(rows.map((row) => [keyOf(row), row]));
      return keys.map((key) => byKey.get(key) ?? null);
    });
}

/** Groups rows found by a foreign key: one query per tick for every parent asked. */
export function groupedLoader<T extends object>(
  load: (em: EntityManager, keys: readonly string[], viewer: Viewer) => Promise<T[]>,
  keyOf: (row: T) => string,
): LoaderFactory<DataLoader<string, T[]>> {
  return (em: EntityManager, viewer: Viewer) =>
    new DataLoader<string, T[]>(async (keys) => {
      const rows = await load(em, keys, viewer);
      const groups = new Map<string, T[]>();
      for (const row of rows) {
        const key = keyOf(row);
        const group = groups.get(key);
        if (group) group.push(row);
        else groups.set(key, [row]);
      }
      return keys.map((key) => groups.get(key) ?? []);
    });
}

/**
 * A by-primary-key loader for read-only rows (see light-rows.ts): the same one
 * statement per tick, without the unit of work's hydration cost.
 */
export function lightByKeyLoader<T extends object>(
  entity: EntityClass<T>,
  keyOf: (row: T) => string,
): LoaderFactory<PeekableLoader<string, T | null>> {
  return (em: EntityManager) =>
    new PeekableLoader<string, T | null>(async (keys) => {
      const meta = em.getMetadata().get(entity.name);
      const pk = meta.properties[meta.primaryKeys[0] as keyof T & string]!.fieldNames[0]!;
      // Any number of keys as one array: one statement text, prepared once per connection.
      const rows = await selectLight(em, entity, 't', sql`where t.${sql.ident(pk)} = any(${keys})`, 'prepared');
      const byKey = new Map(rows.map((row) => [keyOf(row), row]));
      return keys.map((key) => byKey.get(key) ?? null);
    });
}
