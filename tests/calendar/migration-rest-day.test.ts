import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { seedDatabase } from '../../src/generator/seed.js';
import { loadReferenceData } from '../../src/seeders/reference-data.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

// The migration that moves day-limit deadlines off rest days (民法典 第二百零三条), run on
// data stored under the earlier rule.
const BEFORE = 'Migration20261128013819';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await loadReferenceData(db.orm.em.fork());
  await seedDatabase(db.orm, { scale: 400, seed: 'rest-day', until: '2025-06-30' });
}, 120_000);
afterAll(async () => {
  await db?.close();
});

it('moves a bid-candidate deadline that ends on a holiday to the next working day, and nothing else', async () => {
  const candidates = await db.query<{ id: number }>(
    `select id from disclosure where domain = 'CONSTRUCTION_BIDDING' and category = 'CANDIDATES' order by id limit 2`,
  );
  expect(candidates.length).toBe(2);
  const [onHoliday, onWorkday] = candidates.map((c) => c.id);
  // As the earlier rule stored them: report received Sat 2025-01-25, day 3 = Tue 01-28 (春节, off to 02-04);
  // report received Fri 2025-01-24, day 3 = Mon 01-27 (a working day).
  await db.query(`update disclosure set formed_on = '2025-01-25', deadline = '2025-01-28' where id = ?`, [onHoliday]);
  await db.query(`update disclosure set formed_on = '2025-01-24', deadline = '2025-01-27' where id = ?`, [onWorkday]);
  const others = () => db.query(`select id, deadline::text from disclosure where id not in (?, ?) order by id`, [onHoliday, onWorkday]);
  const before = await others();

  await db.orm.getMigrator().down({ to: BEFORE });
  await migrate(db.orm);

  const after = await db.query<{ id: number; deadline: string }>(
    `select id, deadline::text as deadline from disclosure where id in (?, ?) order by id`,
    [onHoliday, onWorkday],
  );
  expect(after).toEqual([
    { id: onHoliday, deadline: '2025-02-05' },
    { id: onWorkday, deadline: '2025-01-27' },
  ]);
  // Everything generated under the current rule already complied.
  expect(await others()).toEqual(before);
});
