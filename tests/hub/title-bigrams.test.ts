import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { seedDatabase } from '../../src/generator/seed.js';
import { loadReferenceData } from '../../src/seeders/reference-data.js';
import { readEverythingAsSupervisor, startTestApp, type TestApp } from '../helpers/database.js';

// The title search's bigrams: the function that makes them changed (Migration20261128093000) from a sorted set to
// every bigram in title order. Rows written before keep the old form; a search must find both alike.
const BEFORE = 'Migration20261128074000';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ demo: false });
  await readEverythingAsSupervisor(app);
  // The generator writes today's tables (a later migration's column, a category added since), so the records are
  // seeded on today's schema; the database then goes back to before the change, where writing every title again
  // gives every row the old form, and forward again.
  await loadReferenceData(app.database.orm.em.fork());
  await seedDatabase(app.database.orm, { scale: 600, seed: 'bigrams', until: '2026-11-20' });
  await app.database.orm.getMigrator().down({ to: BEFORE });
  await app.query(`update disclosure set title = title`);
  await migrate(app.database.orm);
  // Every other record rewritten under the new function (a stored generated column is recomputed on update).
  await app.query(`update disclosure set title = title where id % 2 = 0`);
  // Latin letters in either case, for terms with and without cased letters.
  await app.query(`update disclosure set title = 'PPP项目' || title where id in (3, 4)`);
  await app.query(`update disclosure set title = 'ppp项目' || title where id = 5`);
  await app.query(`update disclosure set title = 'Ppp项目' || title where id = 7`);
}, 180_000);
afterAll(async () => {
  await app?.close();
});

/** A string's bigrams as code points, in order, repeats kept: computed here, not by the database. */
function bigrams(s: string): string[] {
  const chars = [...s];
  return chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
}

it('gives every pair of adjacent characters, in order, counting characters not bytes', async () => {
  for (const s of ['', '锂', '锂矿', '锂矿锂矿', '青海省 锂矿 采矿权', 'AbC中', '😀😀x', 'a\nb', '  ']) {
    const [row] = await app.query<{ grams: string[] }>('select gk_bigrams(?) as grams', [s]);
    expect(row!.grams, JSON.stringify(s)).toEqual(bigrams(s));
  }
});

it('holds rows of both forms, and a search finds each as plain SQL does', async () => {
  const forms = await app.query<{ old: number; new: number }>(
    `select count(*) filter (where title_bigrams = (select array_agg(distinct g order by g) from unnest(title_bigrams) g))::int as old,
            count(*) filter (where title_bigrams = gk_bigrams(lower(title)) and cardinality(title_bigrams) > cardinality(array(select distinct unnest(title_bigrams))))::int as new
       from disclosure`,
  );
  // Some rows still sorted and distinct (written before), some with a bigram twice (only the new function keeps repeats).
  expect(forms[0]!.old).toBeGreaterThan(0);
  expect(forms[0]!.new).toBeGreaterThan(0);
  const titles = await app.query<{ title: string }>('select title from disclosure order by id limit 40');
  // Two characters at least: one is refused (read-input-rules.test.ts).
  const terms = new Set(['锂矿', '中标结果', '青海', '公示', '采矿权', 'x1', '省级', 'PPP', 'ppp项', 'Pp', 'p项目', '项目']);
  for (const { title } of titles.slice(0, 20)) terms.add([...title].slice(3, 5).join(''));
  for (const term of terms) {
    const [expected] = await app.query<{ n: number }>(
      `select count(*)::int as n from disclosure where position(lower(?) in lower(title)) > 0`,
      [term],
    );
    const res = await app.graphql(`query ($text: String!) { disclosures(filter: { text: $text }) { totalCount } }`, { text: term });
    expect(res.body.errors, term).toBeUndefined();
    expect((res.body.data!.disclosures as { totalCount: number }).totalCount, term).toBe(expected!.n);
  }
});
