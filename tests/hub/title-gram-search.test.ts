import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/kernel/viewer.js';
import { TITLE_GRAM_STOPLIST } from '../../src/db/migrations/title-gram-stoplist.js';
import { todayInChina } from '../../src/kernel/time/china-date.js';
import { seedDatabase } from '../../src/generator/seed.js';
import { loadReferenceData } from '../../src/seeders/reference-data.js';
import { startTestApp, type TestApp } from '../helpers/database.js';

// A two-character title search is counted and paged from disclosure_title_gram (Migration20261128170000),
// rows the database's triggers keep in step with every write. Here: the rows equal the titles' bigrams worked
// out in this file, after every kind of write; and a search through them gives plain SQL's answer, for each viewer.

let app: TestApp;
let tokens: Record<'PUBLIC' | 'SUPERVISOR' | 'PUBLISHER', string | undefined>;
// The department that publishes the most lithium-mine records: its own unpublished ones are in its answers.
let PUBLISHER_DEPARTMENT: string;

beforeAll(async () => {
  app = await startTestApp({ demo: false });
  await loadReferenceData(app.database.orm.em.fork());
  await seedDatabase(app.database.orm, { scale: 3000, seed: 'title-grams', until: '2026-11-20' });
  // Latin letters in either case, so a term's case is tried too.
  await app.query(`update disclosure set title = 'PPP项目' || title where id % 97 = 1`);
  await app.query(`update disclosure set title = 'ppp' || title where id % 89 = 2`);
  const [top] = await app.query<{ code: string }>(
    `select publisher_code as code from disclosure where title like '%锂矿%' group by 1 order by count(*) desc, 1 limit 1`,
  );
  PUBLISHER_DEPARTMENT = top!.code;
  tokens = {
    PUBLIC: undefined,
    SUPERVISOR: await app.tokenFor(Role.SUPERVISOR),
    PUBLISHER: await app.tokenFor(Role.PUBLISHER, PUBLISHER_DEPARTMENT),
  };
}, 180_000);
afterAll(async () => {
  await app?.close();
});

/** Every (bigram, record, formed date, public-from date) the rows should hold, from the titles, worked out here (stop bigrams have none). */
async function expectedRows(): Promise<string[]> {
  const stop = new Set((await app.query<{ gram: string }>(`select gram from title_gram_stoplist`)).map((r) => r.gram));
  const records = await app.query<{ id: number; title: string; formed_on: string; exemption: string; published_on: string | null }>(
    `select id, title, formed_on::text as formed_on, exemption, published_on::text as published_on from disclosure`,
  );
  const rows = new Set<string>();
  for (const r of records) {
    const chars = [...r.title.toLowerCase()];
    const publicFrom = r.exemption === 'NONE' ? r.published_on : null;
    for (let i = 0; i + 1 < chars.length; i++) {
      const gram = `${chars[i]}${chars[i + 1]}`;
      if (!stop.has(gram)) rows.add(`${gram}|${r.id}|${r.formed_on}|${publicFrom}`);
    }
  }
  return [...rows].sort();
}

async function actualRows(): Promise<string[]> {
  const rows = await app.query<{ gram: string; disclosure_id: number; formed_on: string; public_from: string | null }>(
    `select gram, disclosure_id, formed_on::text as formed_on, public_from::text as public_from from disclosure_title_gram`,
  );
  const all = rows.map((r) => `${r.gram}|${r.disclosure_id}|${r.formed_on}|${r.public_from}`);
  expect(new Set(all).size, 'no bigram row twice').toBe(all.length);
  return all.sort();
}

describe('the bigram rows follow every write', () => {
  it('hold each title bigram once per record after a bulk insert', async () => {
    const expected = await expectedRows();
    // About an eighth of all title bigrams: the stop bigrams are the rest.
    expect(expected.length).toBeGreaterThan(3000);
    expect(await actualRows()).toEqual(expected);
  });

  it('follow a change of title, formed date, publication date or exemption, and ignore other changes', async () => {
    const [before] = await app.query<{ n: number }>(`select count(*)::int as n from disclosure_title_gram`);
    await app.query(`update disclosure set deadline = deadline + 1 where id % 5 = 0`);
    const [after] = await app.query<{ n: number }>(`select count(*)::int as n from disclosure_title_gram`);
    expect(after!.n).toBe(before!.n);
    await app.query(`update disclosure set title = '锂矿' || title where id % 50 = 3`);
    await app.query(`update disclosure set title = '改' where id = 11`);
    await app.query(`update disclosure set formed_on = formed_on - 400 where id % 60 = 4`);
    await app.query(`update disclosure set published_on = null where id % 70 = 5 and status <> 'RETRACTED'`);
    await app.query(`update disclosure set published_on = ?::date + 3 where id % 70 = 6 and published_on is not null`, [todayInChina()]);
    await app.query(`update disclosure set exemption = 'COMMERCIAL_SECRET' where id % 80 = 7`);
    expect(await actualRows()).toEqual(await expectedRows());
  });

  it('drop a deleted record’s rows', async () => {
    const [victim] = await app.query<{ id: number }>(`select id from disclosure order by id desc limit 1`);
    await app.query(`delete from disclosure where id = ?`, [victim!.id]);
    const [left] = await app.query<{ n: number }>(`select count(*)::int as n from disclosure_title_gram where disclosure_id = ?`, [victim!.id]);
    expect(left!.n).toBe(0);
    expect(await actualRows()).toEqual(await expectedRows());
  });
});

const LIST = `query ($filter: DisclosureFilter, $orderBy: DisclosureOrder, $first: Int, $after: String) {
  disclosures(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount edges { node { id } } pageInfo { hasNextPage endCursor }
  }
}`;

type Viewer = keyof typeof tokens;
/** Small pages, so every walk crosses several cursors. */
const PAGE = 7;

async function walk(
  viewer: Viewer,
  filter: Record<string, unknown>,
  orderBy: Record<string, unknown>,
): Promise<{ ids: number[]; totalCount: number; statements: string[]; endCursor: string }> {
  const ids: number[] = [];
  const statements: string[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let pages = 0; pages < 200; pages++) {
    const counted = await app.sql.count(() => app.graphql(LIST, { filter, orderBy, first: PAGE, after }, { token: tokens[viewer] }));
    const { body } = counted.result;
    statements.push(...counted.statements);
    expect(body.errors).toBeUndefined();
    const page = body.data!.disclosures as { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    totalCount = page.totalCount;
    for (const edge of page.edges) ids.push(Number(Buffer.from(edge.node.id, 'base64url').toString().split(':')[1]));
    if (!page.pageInfo.hasNextPage) return { ids, totalCount, statements, endCursor: page.pageInfo.endCursor };
    after = page.pageInfo.endCursor;
  }
  throw new Error('too many pages');
}

/** Who may see a record, written here from the rule (access/visibility.ts's comment), not taken from the code. */
function visibleTo(viewer: Viewer): { sql: string; params: unknown[] } {
  const published = `(exemption = 'NONE' and published_on <= ?::date)`;
  if (viewer === 'SUPERVISOR') return { sql: 'true', params: [] };
  if (viewer === 'PUBLISHER') return { sql: `(publisher_code = ? or ${published})`, params: [PUBLISHER_DEPARTMENT, todayInChina()] };
  return { sql: published, params: [todayInChina()] };
}

const COLUMNS = { FORMED_ON: 'formed_on', PUBLISHED_ON: 'published_on' } as const;

describe('a two-character search gives plain SQL’s answer', () => {
  const cases: [Viewer, string, Record<string, unknown>, keyof typeof COLUMNS, 'ASC' | 'DESC'][] = [];
  for (const viewer of ['PUBLIC', 'SUPERVISOR', 'PUBLISHER'] as const) {
    cases.push([viewer, '锂矿', {}, 'FORMED_ON', 'DESC']);
    cases.push([viewer, '锂矿', { formedFrom: '2022-01-01', formedTo: '2025-06-30' }, 'FORMED_ON', 'ASC']);
  }
  cases.push(['PUBLIC', 'Pp', {}, 'FORMED_ON', 'DESC']);
  // A stop bigram: no rows of its own, answered by the GIN index.
  cases.push(['PUBLIC', ' 项目 ', { formedFrom: '2026-06-01' }, 'FORMED_ON', 'DESC']);
  // Counted from the rows, paged by the GIN index (the rows are in formed order only).
  cases.push(['PUBLIC', '锂矿', {}, 'PUBLISHED_ON', 'DESC']);
  // A filter the rows do not carry.
  cases.push(['SUPERVISOR', '锂矿', { domains: ['MINING_RIGHTS'] }, 'FORMED_ON', 'DESC']);

  it('uses a term with rows and a stop bigram, and stores the whole stoplist', async () => {
    const stop = (await app.query<{ gram: string }>(`select gram from title_gram_stoplist order by gram collate "C"`)).map((r) => r.gram);
    expect(stop).toEqual([...TITLE_GRAM_STOPLIST].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    expect(stop).not.toContain('锂矿');
    expect(stop).not.toContain('pp');
    expect(stop).toContain('项目');
  });

  it.each(cases)('as %s, "%s" with %j, by %s %s', async (viewer, text, more, field, direction) => {
    const filter = { text, ...more };
    const term = text.trim().toLowerCase();
    const visible = visibleTo(viewer);
    const where = [`position(? in lower(title)) > 0`, visible.sql];
    const params: unknown[] = [term, ...visible.params];
    const add = (condition: string, value: unknown) => {
      where.push(condition);
      params.push(value);
    };
    if ('formedFrom' in more) add('formed_on >= ?::date', more.formedFrom);
    if ('formedTo' in more) add('formed_on <= ?::date', more.formedTo);
    if ('domains' in more) add('domain = ?', (more.domains as string[])[0]);
    const column = COLUMNS[field];
    const expected = await app.query<{ id: number }>(
      `select id from disclosure where ${where.join(' and ')} order by ${column} ${direction} nulls last, id ${direction}`,
      params,
    );
    expect(expected.length).toBeGreaterThan(PAGE);
    const { ids, totalCount, statements, endCursor } = await walk(viewer, filter, { field, direction });
    expect(ids).toEqual(expected.map((r) => r.id));
    expect(totalCount).toBe(expected.length);
    // After the last record: no records, and still the whole count.
    const { body } = await app.graphql(LIST, { filter, orderBy: { field, direction }, first: PAGE, after: endCursor }, { token: tokens[viewer] });
    expect(body.data!.disclosures).toMatchObject({ totalCount: expected.length, edges: [], pageInfo: { hasNextPage: false } });

    // The bigram rows answer when they carry everything asked: a term with rows, formed dates and the viewer's rule.
    const fromGrams = statements.filter((s) => s.includes('disclosure_title_gram'));
    const answerable = viewer !== 'PUBLISHER' && !('domains' in more) && !TITLE_GRAM_STOPLIST.includes(term);
    const pages = Math.ceil(expected.length / PAGE);
    // totalCount is asked on every page. By formed date the page's statement carries it; by another order the page
    // goes by the GIN index and only the count comes from the rows: one statement a page either way.
    expect(fromGrams.length).toBe(answerable ? pages : 0);
    // (Reading a token and the stop bigrams, once each, are not the search's.)
    if (answerable && field === 'FORMED_ON') expect(statements.filter((s) => s.includes('disclosure')).length).toBe(pages);
  });
});
