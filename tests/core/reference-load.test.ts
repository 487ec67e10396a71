import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceData } from '../../src/seeders/reference-data.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

const counts = () =>
  db.query<{ t: string; n: string }>(
    `select 'region' as t, count(*) as n from region union all
     select 'department', count(*) from department union all
     select 'responsibility', count(*) from responsibility union all
     select 'catalogue_item', count(*) from catalogue_item`,
  );

describe('loading the reference data', () => {
  it('fills every table once, and a second load changes nothing', async () => {
    const first = await loadReferenceData(db.orm.em.fork());
    const afterFirst = await counts();
    expect(Object.fromEntries(afterFirst.map((r) => [r.t, Number(r.n)]))).toEqual(first);
    const second = await loadReferenceData(db.orm.em.fork());
    expect(second.catalogue_item).toBe(0);
    expect(await counts()).toEqual(afterFirst);
  });

  it('keeps a catalogue item\'s later versions: an adjusted item is not reset by a reload', async () => {
    await db.query(
      `update catalogue_item set valid_until = '2025-12-31' where domain = 'HOUSING' and category = 'SCHEME' and version = 1`,
    );
    await db.query(
      `insert into catalogue_item (domain, category, region_code, item, content_elements, time_limit_amount, time_limit_unit,
         time_limit_basis, disclosure_mode, channels, responsible_department_code, supervision_channel, version, valid_from)
       select domain, category, region_code, item, content_elements, 15, time_limit_unit, '调整后的时限', disclosure_mode,
              channels, responsible_department_code, supervision_channel, 2, '2026-01-01'
         from catalogue_item where domain = 'HOUSING' and category = 'SCHEME' and version = 1`,
    );
    await loadReferenceData(db.orm.em.fork());
    const versions = await db.query<{ version: number; valid_until: string | null; time_limit_amount: number }>(
      `select version, valid_until, time_limit_amount from catalogue_item
        where domain = 'HOUSING' and category = 'SCHEME' order by version`,
    );
    expect(versions.map((v) => [v.version, v.valid_until !== null, v.time_limit_amount])).toEqual([
      [1, true, 20],
      [2, false, 15],
    ]);
  });
});
