import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/kernel/node.js';
import { executePrepared, numbered } from '../../src/kernel/sql/prepared-statements.js';
import { executeBound } from '../../src/kernel/sql/bound-sql.js';
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

describe('numbered', () => {
  it('numbers ? placeholders in order and leaves quoted ones alone', () => {
    expect(numbered(`select ? as a, '?' as "b?", ?::int[] where x = 'it''s ?' and y = ?`)).toBe(
      `select $1 as a, '?' as "b?", $2::int[] where x = 'it''s ?' and y = $3`,
    );
  });
});

describe('reads by key', () => {
  it('send one text for any keys, and PostgreSQL keeps it prepared on the connection', async () => {
    const em = app.database.orm.em.fork();
    await em.transactional(async (tx) => {
      // A transaction holds one connection: what it prepared is visible in pg_prepared_statements there.
      const sql = 'select id, title from disclosure where id = any(?::int[]) order by id';
      const a = await executePrepared<{ id: number; title: string }>(tx, sql, [[1, 2]]);
      const b = await executePrepared<{ id: number; title: string }>(tx, sql, [[3]]);
      const expected = await executeBound<{ id: number; title: string }>(tx, 'select id, title from disclosure where id in (1, 2, 3) order by id', []);
      expect([...a, ...b]).toEqual(expected);
      const prepared = await executeBound<{ statement: string }>(tx, 'select statement from pg_prepared_statements', []);
      expect(prepared.map((p) => p.statement)).toContain(numbered(sql));
    });
  });

  it('are planned once, generically, not again on every run', async () => {
    // The record-with-parties shape: PostgreSQL's own choice was a custom plan per run
    // (0.34 ms of planning for 0.02 ms of work at 1M records), since its generic estimate
    // for `id = any($1)` is a few rows and a custom plan's is one.
    const em = app.database.orm.em.fork();
    await em.transactional(async (tx) => {
      const sql = `with rec as (select id from disclosure where id = any(?::int[]))
        select rec.id, (select count(*)::int from disclosure_party p where p.disclosure_id = rec.id) as parties from rec`;
      for (let id = 1; id <= 8; id++) await executePrepared(tx, sql, [[id]]);
      const [plans] = await executeBound<{ generic_plans: number; custom_plans: number }>(
        tx,
        'select generic_plans::int, custom_plans::int from pg_prepared_statements where statement = $1',
        [numbered(sql)],
      );
      expect(plans).toEqual({ generic_plans: 8, custom_plans: 0 });
    });
  });

  it('stop naming new texts past a fixed number, and still answer them', async () => {
    const em = app.database.orm.em.fork();
    await em.transactional(async (tx) => {
      for (let i = 0; i < 80; i++) {
        const [row] = await executePrepared<{ n: number }>(tx, `select ?::int + ${i} as n`, [1]);
        expect(row!.n).toBe(1 + i);
      }
      const [{ n }] = await executeBound<{ n: number }>(tx, `select count(*)::int as n from pg_prepared_statements where name like 'gk_read_%'`, []);
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
