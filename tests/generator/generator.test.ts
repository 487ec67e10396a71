import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredCategories } from '../../src/entities/hub/category-registry.js';
import { seedDatabase, type SeedSummary } from '../../src/generator/seed.js';
import { loadReferenceData } from '../../src/seeders/reference-data.js';
import { createTestDatabase, type TestApp, type TestDatabase } from '../helpers/database.js';
import { startSeededApp } from '../helpers/generated-records.js';

// What the generated records are over every domain at once. Each department's own checks (its categories
// read back through the graph, its rules) are in tests/departments/<d>/generator.test.ts.

/** DOMAIN.md's categories (tests/fixtures/README.md): the plan's 32. */
const planCategories = JSON.parse(readFileSync(new URL('../fixtures/domain-catalogue.json', import.meta.url), 'utf8')) as {
  domain: string;
  category: string;
}[];

const SCALE = 20_000;
const UNTIL = '2026-11-20';

let app: TestApp;
let summary: SeedSummary;

beforeAll(async () => {
  ({ app, summary } = await startSeededApp({ scale: SCALE, seed: 'test-a', until: UNTIL }));
}, 300_000);
afterAll(async () => {
  await app?.close();
});

/** A content hash computed by the database over every generated table, ids included. */
async function contentHash(query: TestApp['query']): Promise<string> {
  const tables = [
    ['subject', 'credit_code'],
    ['disclosure', 'id'],
    ['disclosure_party', 'disclosure_id, role, credit_code'],
    ['disclosure_publication', 'disclosure_id, channel, published_on'],
    ['disclosure_revision', 'disclosure_id, version'],
    ['credit_entry', 'credit_code, decided_on, list, reason'],
    ['procurement_result', 'disclosure_id'],
    ['disclosure_request', 't::text'],
  ];
  const parts: string[] = [];
  for (const [table, order] of tables) {
    // Surrogate ids of publications, credit entries and requests are the database's own, so they are left out.
    const [row] = await query<{ h: string }>(
      `select md5(coalesce(string_agg(t::text, '|' order by ${order}), '')) as h
         from (select * from ${table}) t0, lateral (select to_jsonb(t0) - 'id' - 'entry_id' - 'request_id' - 'created_at' - 'updated_at' as t) x`,
    );
    parts.push(`${table}:${row!.h}`);
  }
  return parts.join(' ');
}

describe(`generated data at ${SCALE} disclosures`, () => {
  it('writes what it reports', async () => {
    const [{ n }] = await app.query<{ n: string }>('select count(*) as n from disclosure');
    expect(Number(n)).toBe(SCALE);
    expect(summary.rows.disclosure).toBe(SCALE);
    const [{ p }] = await app.query<{ p: string }>('select count(*) as p from disclosure_party');
    expect(summary.rows.disclosure_party).toBe(Number(p));
    // One request for disclosure per ten records.
    const [{ r }] = await app.query<{ r: string }>('select count(*) as r from disclosure_request');
    expect(Number(r)).toBe(SCALE / 10);
    expect(summary.rows.disclosure_request).toBe(SCALE / 10);
  });

  it('is deterministic: the same seed gives the same content, another seed other content', async () => {
    const [again, other]: TestDatabase[] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    try {
      // Both at once (each into its own database), as they are independent: seeding is half generating in
      // this process, half PostgreSQL writing, and the two overlap.
      await Promise.all(
        ([
          [again, 'test-a'],
          [other, 'test-b'],
        ] as const).map(async ([db, seed]) => {
          await loadReferenceData(db.orm.em.fork());
          await seedDatabase(db.orm, { scale: SCALE, seed, until: UNTIL });
        }),
      );
      const [original, same, different] = await Promise.all([contentHash(app.query), contentHash(again.query), contentHash(other.query)]);
      expect(same).toBe(original);
      expect(different).not.toBe(original);
    } finally {
      await again.close();
      await other.close();
    }
  }, 300_000);

  it('every credit code passes the GB 32100 check, computed here in SQL', async () => {
    const bad = await app.query<{ credit_code: string }>(`
      with chars as (select '0123456789ABCDEFGHJKLMNPQRTUWXY'::text as cs),
      weights as (select * from unnest(array[1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28]) with ordinality as w(weight, pos))
      select s.credit_code from subject s, chars
       where length(s.credit_code) <> 18
          or substr(s.credit_code, 3, 6) !~ '^[0-9]{6}$'
          or substr(chars.cs, ((31 - (select sum((strpos(chars.cs, substr(s.credit_code, w.pos::int, 1)) - 1) * w.weight) from weights w) % 31) % 31)::int + 1, 1)
             <> substr(s.credit_code, 18, 1)`);
    expect(bad).toEqual([]);
  });

  it('registers each subject in its own region: code positions 3–8 are its region code', async () => {
    const [{ n }] = await app.query<{ n: string }>(
      `select count(*) as n from subject where region_code is not null and substr(credit_code, 3, 6) <> region_code`,
    );
    expect(Number(n)).toBe(0);
  });

  it('every reference resolves and every record has exactly one details row', async () => {
    const [{ orphans }] = await app.query<{ orphans: string }>(
      `select (select count(*) from disclosure_party p left join subject s using (credit_code) where s.credit_code is null)
            + (select count(*) from credit_entry c left join subject s using (credit_code) where s.credit_code is null) as orphans`,
    );
    expect(Number(orphans)).toBe(0);
    for (const category of registeredCategories()) {
      const table = (app.database.orm.getMetadata().get((category.details as { name: string }).name) as { tableName: string }).tableName;
      const [row] = await app.query<{ hub: string; details: string; unmatched: string }>(
        `select (select count(*) from disclosure where domain = ? and category = ?) as hub,
                (select count(*) from ${table}) as details,
                (select count(*) from ${table} t join disclosure d on d.id = t.disclosure_id
                  where d.domain <> ? or d.category <> ?) as unmatched`,
        [category.domain, category.code, category.domain, category.code],
      );
      expect([category.domain, category.code, Number(row!.details), Number(row!.unmatched)]).toEqual([
        category.domain,
        category.code,
        Number(row!.hub),
        0,
      ]);
    }
  });

  it("has every category of the plan, and every one a manifest adds beyond it", async () => {
    const rows = await app.query<{ domain: string; category: string }>(
      'select distinct domain, category from disclosure order by 1, 2',
    );
    const generated = rows.map((r) => `${r.domain}.${r.category}`).sort();
    const plan = planCategories.map((c) => `${c.domain}.${c.category}`);
    expect(plan).toHaveLength(32);
    expect(generated).toEqual(expect.arrayContaining(plan));
    expect(generated).toEqual(registeredCategories().map((c) => `${c.domain}.${c.code}`).sort());
  });

  it('every publisher is allowed by the responsibility table for that domain and region', async () => {
    const rows = await app.query<{ n: string }>(`
      select count(*) as n from disclosure d
        join department p on p.code = d.publisher_code
        join region r on r.code = d.region_code
       where not exists (select 1 from responsibility x where x.domain = d.domain and x.department_code = d.publisher_code)
          or (p.kind = 'PREFECTURE_GOVERNMENT' and p.region_code not in (r.code, coalesce(r.parent_code, '')))`);
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it('every party role fits its category', async () => {
    const allowed = registeredCategories().flatMap((c) => c.roles.map((role) => `${c.domain}.${c.code}.${role}`));
    const used = await app.query<{ k: string }>(
      `select distinct d.domain || '.' || d.category || '.' || p.role as k from disclosure_party p join disclosure d on d.id = p.disclosure_id`,
    );
    expect(used.map((u) => u.k).filter((k) => !allowed.includes(k))).toEqual([]);
  });

  it('looks like the real thing: Xining and Haidong lead, a heavy tail of subjects, subjects across domains', async () => {
    const [{ share }] = await app.query<{ share: string }>(
      `select avg(case when substr(region_code, 1, 4) in ('6301', '6302') then 1.0 else 0 end) as share from disclosure`,
    );
    expect(Number(share)).toBeGreaterThan(0.4);
    const [tail] = await app.query<{ top: string; median: string }>(
      `select max(n) as top, percentile_cont(0.5) within group (order by n) as median
         from (select count(*) as n from disclosure_party group by credit_code) t`,
    );
    expect(Number(tail!.top)).toBeGreaterThan(20 * Number(tail!.median));
    const [{ multi }] = await app.query<{ multi: string }>(
      `select count(*) as multi from (select p.credit_code from disclosure_party p join disclosure d on d.id = p.disclosure_id
         group by p.credit_code having count(distinct d.domain) >= 3) t`,
    );
    expect(Number(multi)).toBeGreaterThan(0);
    const [dates] = await app.query<{ first: string; last: string }>(
      `select min(formed_on)::text as first, max(coalesce(published_on, formed_on))::text as last from disclosure`,
    );
    expect(dates!.first >= '2018-03-15').toBe(true);
    expect(dates!.last <= UNTIL).toBe(true);
  });

  it('mixes timeliness: most published, some published long after formation, some not yet', async () => {
    const [mix] = await app.query<{ published: string; pending: string; slow: string; retracted: string; revised: string }>(`
      select avg(case when published_on is not null then 1.0 else 0 end) as published,
             avg(case when published_on is null then 1.0 else 0 end) as pending,
             avg(case when published_on - formed_on > 45 then 1.0 else 0 end) as slow,
             avg(case when status = 'RETRACTED' then 1.0 else 0 end) as retracted,
             avg(case when version > 1 then 1.0 else 0 end) as revised
        from disclosure`);
    expect(Number(mix!.published)).toBeGreaterThan(0.8);
    expect(Number(mix!.pending)).toBeGreaterThan(0.01);
    expect(Number(mix!.slow)).toBeGreaterThan(0.01);
    expect(Number(mix!.retracted)).toBeGreaterThan(0);
    expect(Number(mix!.revised)).toBeGreaterThan(0.01);
    const [{ bad }] = await app.query<{ bad: string }>(
      `select count(*) as bad from disclosure where published_on < formed_on or retracted_on < published_on`,
    );
    expect(Number(bad)).toBe(0);
  });

  it('copies each record\'s visibility onto its party rows (publisher, and public-from: the publication date unless exempt)', async () => {
    const [{ n, stale }] = await app.query<{ n: number; stale: number }>(`
      select count(*)::int as n,
             count(*) filter (where p.publisher_code is distinct from d.publisher_code
                                 or p.public_from is distinct from (case when d.exemption = 'NONE' then d.published_on end))::int as stale
        from disclosure_party p join disclosure d on d.id = p.disclosure_id`);
    expect(n).toBeGreaterThan(0);
    expect(stale).toBe(0);
    // And they follow a record that is published, made exempt or moved to another publisher later.
    const [{ id }] = await app.query<{ id: number }>(`select disclosure_id as id from disclosure_party order by disclosure_id limit 1`);
    await app.query(`update disclosure set published_on = '2020-01-02', exemption = 'NONE' where id = ?`, [id]);
    expect(await app.query(`select distinct public_from::text as f from disclosure_party where disclosure_id = ?`, [id])).toEqual([{ f: '2020-01-02' }]);
    await app.query(`update disclosure set exemption = 'STATE_SECRET' where id = ?`, [id]);
    expect(await app.query(`select distinct public_from from disclosure_party where disclosure_id = ?`, [id])).toEqual([{ public_from: null }]);
  });

  it('takes a party row\'s visibility as given only when it agrees with the record, and looks it up when not given', async () => {
    const [record] = await app.query<{ id: number; publisher_code: string; public_from: string | null; code: string }>(`
      select d.id, d.publisher_code, (case when d.exemption = 'NONE' then d.published_on end)::text as public_from,
             (select s.credit_code from subject s where not exists (select 1 from disclosure_party p where p.disclosure_id = d.id and p.credit_code = s.credit_code) limit 1) as code
        from disclosure d where d.exemption = 'NONE' and d.published_on is not null order by d.id limit 1`);
    const insert = (publisher: string | null, publicFrom: string | null) =>
      app.query(
        `insert into disclosure_party (disclosure_id, role, credit_code, domain, formed_on, rank, publisher_code, public_from)
         select d.id, 'SUPPLIER', ?, d.domain, d.formed_on, null, ?, ?::date from disclosure d where d.id = ?`,
        [record!.code, publisher, publicFrom, record!.id],
      );
    const parties = () => app.query(`select count(*)::int as n from disclosure_party where disclosure_id = ?`, [record!.id]);
    const before = await parties();
    // Another publisher, or public on another day (or not at all): refused, nothing written.
    await expect(insert('GOV-000000', record!.public_from)).rejects.toThrow(/must carry its record's visibility/);
    await expect(insert(record!.publisher_code, '1999-01-01')).rejects.toThrow(/must carry its record's visibility/);
    await expect(insert(record!.publisher_code, null)).rejects.toThrow(/must carry its record's visibility/);
    expect(await parties()).toEqual(before);
    // Given and right: taken. Not given: looked up.
    await insert(record!.publisher_code, record!.public_from);
    await app.query(`delete from disclosure_party where disclosure_id = ? and credit_code = ?`, [record!.id, record!.code]);
    await insert(null, null);
    expect(
      await app.query(`select publisher_code, public_from::text as public_from from disclosure_party where disclosure_id = ? and credit_code = ?`, [record!.id, record!.code]),
    ).toEqual([{ publisher_code: record!.publisher_code, public_from: record!.public_from }]);
  });

  it('ties black-list entries to the penalties behind them; some have expired, some were revoked', async () => {
    const [c] = await app.query<{ tied: string; expired: string; revoked: string; red: string }>(`
      select count(*) filter (where basis_disclosure_id is not null) as tied,
             count(*) filter (where valid_until < '${UNTIL}') as expired,
             count(*) filter (where revoked_on is not null) as revoked,
             count(*) filter (where list = 'RED') as red
        from credit_entry`);
    expect(Number(c!.tied)).toBeGreaterThan(0);
    expect(Number(c!.expired)).toBeGreaterThan(0);
    expect(Number(c!.revoked)).toBeGreaterThan(0);
    expect(Number(c!.red)).toBeGreaterThan(0);
    const [{ mismatched }] = await app.query<{ mismatched: string }>(`
      select count(*) as mismatched from credit_entry c join disclosure_party p
          on p.disclosure_id = c.basis_disclosure_id and p.role = 'SANCTIONED'
       where p.credit_code <> c.credit_code`);
    expect(Number(mismatched)).toBe(0);
  });
});
