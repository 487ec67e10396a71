import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/kernel/node.js';
import { run } from '../../src/kernel/sql/run.js';
import { sql } from '../../src/kernel/sql/sql.js';
import { seedDatabase } from '../../src/generator/seed.js';
import { loadReferenceData } from '../../src/seeders/reference-data.js';
import { typeNameOf } from '../../src/entities/hub/category-registry.js';
import { readEverythingAsSupervisor, startTestApp, type TestApp } from '../helpers/database.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ demo: false });
  await readEverythingAsSupervisor(app);
  await loadReferenceData(app.database.orm.em.fork());
  await seedDatabase(app.database.orm, { scale: 300, seed: 'prepared', until: '2026-11-20' });
}, 180_000);
afterAll(async () => {
  await app?.close();
});

describe('reads by key', () => {
  it('send one text for any keys, and PostgreSQL keeps it prepared on the connection', async () => {
    const em = app.database.orm.em.fork();
    await em.transactional(async (tx) => {
      // A transaction holds one connection: what it prepared is visible in pg_prepared_statements there.
      const byIds = (ids: number[]) => sql`select id, title from disclosure where id = any(${ids}::int[]) order by id`;
      const a = await run<{ id: number; title: string }>(tx, byIds([1, 2]), 'prepared');
      const b = await run<{ id: number; title: string }>(tx, byIds([3]), 'prepared');
      const expected = await run<{ id: number; title: string }>(tx, sql`select id, title from disclosure where id in (1, 2, 3) order by id`);
      expect([...a, ...b]).toEqual(expected);
      const prepared = await run<{ statement: string }>(tx, sql`select statement from pg_prepared_statements`);
      expect(byIds([]).text).toBe('select id, title from disclosure where id = any($1::int[]) order by id');
      expect(prepared.map((p) => p.statement)).toContain(byIds([]).text);
    });
  });

  it('are planned once, generically, not again on every run', async () => {
    // The record-with-parties shape: PostgreSQL's own choice was a custom plan per run
    // (0.34 ms of planning for 0.02 ms of work at 1M records), since its generic estimate
    // for `id = any($1)` is a few rows and a custom plan's is one.
    const em = app.database.orm.em.fork();
    await em.transactional(async (tx) => {
      const byId = (id: number) => sql`with rec as (select id from disclosure where id = any(${[id]}::int[]))
        select rec.id, (select count(*)::int from disclosure_party p where p.disclosure_id = rec.id) as parties from rec`;
      for (let id = 1; id <= 8; id++) await run(tx, byId(id), 'prepared');
      const [plans] = await run<{ generic_plans: number; custom_plans: number }>(
        tx,
        sql`select generic_plans::int, custom_plans::int from pg_prepared_statements where statement = ${byId(0).text}`,
      );
      expect(plans).toEqual({ generic_plans: 8, custom_plans: 0 });
    });
  });

  it('stop naming new texts past a fixed number, and still answer them', async () => {
    const em = app.database.orm.em.fork();
    await em.transactional(async (tx) => {
      for (let i = 0; i < 80; i++) {
        const [row] = await run<{ n: number }>(tx, sql`select ${1}::int + ${sql.raw(String(i))} as n`, 'prepared');
        expect(row!.n).toBe(1 + i);
      }
      const [{ n }] = await run<{ n: number }>(tx, sql`select count(*)::int as n from pg_prepared_statements where name like 'gk_read_%'`);
      expect(n).toBeLessThanOrEqual(64);
    });
  });

  it('node with parties, subjects and standings: one statement, the same text for every record', async () => {
    const records = await app.query<{ id: number; domain: string; category: string }>(
      `select d.id, d.domain, d.category from disclosure d where exists (select 1 from disclosure_party p where p.disclosure_id = d.id) order by d.id limit 2`,
    );
    const texts: string[] = [];
    for (const r of records) {
      const id = toGlobalId(typeNameOf(r.domain, r.category), String(r.id));
      const { result, statements } = await app.sql.count(() =>
        app.graphql('query ($id: ID!) { node(id: $id) { ... on Disclosure { title parties { role subject { creditCode name creditStatus } } } } }', { id }),
      );
      expect(result.body.errors).toBeUndefined();
      const token = statements.filter((s) => s.includes('api_token'));
      expect(statements.length - token.length).toBe(1);
      texts.push(statements.find((s) => !s.includes('api_token'))!);
      // The parties as plain SQL has them.
      const expected = await app.query<{ role: string; credit_code: string; name: string }>(
        `select p.role, p.credit_code, s.name from disclosure_party p join subject s on s.credit_code = p.credit_code where p.disclosure_id = ? order by p.role, p.rank, p.credit_code`,
        [r.id],
      );
      const node = result.body.data!.node as { parties: { role: string; subject: { creditCode: string; name: string } }[] };
      expect(node.parties.map((p) => ({ role: p.role, credit_code: p.subject.creditCode, name: p.subject.name }))).toEqual(expected);
    }
    expect(texts[0]).toBe(texts[1]);
  });
});
