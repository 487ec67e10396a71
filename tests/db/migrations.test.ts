import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsList } from '../../src/db/migrations/index.js';
import { migrate, pendingMigrations } from '../../src/db/migrate.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
});
afterAll(async () => {
  await db?.close();
});

describe('migrations', () => {
  it('lists every migration file in the folder', () => {
    const files = readdirSync(new URL('../../src/db/migrations/', import.meta.url))
      .filter((f) => /^Migration\d+.*\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(migrationsList.map((m) => m.name).sort()).toEqual(files);
  });

  it('build the schema from empty, and a second run changes nothing', async () => {
    const [{ n: before }] = await db.query<{ n: string }>(
      `select count(*) as n from information_schema.tables where table_schema = 'public'`,
    );
    expect(Number(before)).toBe(0);
    expect(await pendingMigrations(db.orm)).toEqual(migrationsList.map((m) => m.name));

    expect(await migrate(db.orm)).toEqual(migrationsList.map((m) => m.name));
    const tables = await db.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['department', 'mikro_orm_migrations', 'region']));

    expect(await migrate(db.orm)).toEqual([]);
    expect(await pendingMigrations(db.orm)).toEqual([]);
  });

  it('leave nothing between the entities and the database', async () => {
    // The migrations are the only way the schema changes; if an entity drifts
    // from them, this diff is the migration someone forgot to write.
    const diff = await db.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });
});
