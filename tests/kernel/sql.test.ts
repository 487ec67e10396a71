import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, run, runCount, runOne } from '../../src/kernel/sql/run.js';
import { sql } from '../../src/kernel/sql/sql.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

describe('the sql tag', () => {
  it('numbers placeholders in text order and binds each value where it stands', () => {
    const q = sql`select ${1} as a, ${'x'} as b where c = ${null}`;
    expect(q.text).toBe('select $1 as a, $2 as b where c = $3');
    expect(q.params).toEqual([1, 'x', null]);
    expect(sql`select 1`.text).toBe('select 1');
    expect(sql`select 1`.params).toEqual([]);
  });

  it('splices a fragment with its values, wherever it was built', () => {
    // Built before the statement around it, and with values of its own: numbered where it lands.
    const inner = sql`b = ${2} and c = ${3}`;
    const q = sql`select * from t where a = ${1} and ${inner} and d = ${4}`;
    expect(q.text).toBe('select * from t where a = $1 and b = $2 and c = $3 and d = $4');
    expect(q.params).toEqual([1, 2, 3, 4]);
    // Nested twice over, at the start and at the end of the text.
    const outer = sql`${sql`${sql`x = ${'a'}`} or y = ${'b'}`}`;
    expect(outer.text).toBe('x = $1 or y = $2');
    expect(sql`${outer} or ${inner}`.params).toEqual(['a', 'b', 2, 3]);
    // A fragment written twice is two copies of its values.
    const twice = sql`${inner} or ${inner}`;
    expect(twice.text).toBe('b = $1 and c = $2 or b = $3 and c = $4');
    expect(twice.params).toEqual([2, 3, 2, 3]);
  });

  it('binds a sql.param once however many times it is written', () => {
    const ids = sql.param([1, 2]);
    const q = sql`with a as (delete from x where id = any(${ids}::int[])), b as (delete from y where id = any(${ids}::int[])) select ${'z'}, ${ids}`;
    expect(q.text).toBe('with a as (delete from x where id = any($1::int[])), b as (delete from y where id = any($1::int[])) select $2, $1');
    expect(q.params).toEqual([[1, 2], 'z']);
    // Written into the text, each mention is a value of its own.
    expect(q.knexValues).toEqual([[1, 2], [1, 2], 'z', [1, 2]]);
  });

  it('joins, lists and wheres, skipping absent conditions', () => {
    const a = sql`a = ${1}`;
    const b = sql`b = ${2}`;
    expect(sql.join([a, sql.empty, b]).text).toBe('a = $1, b = $2');
    expect(sql.join([a, b], ' and ').text).toBe('a = $1 and b = $2');
    expect(sql.join([a]).text).toBe('a = $1');
    expect(sql.join([]).isEmpty).toBe(true);
    expect(sql` ${sql.empty} ${sql.where([])}`.isEmpty).toBe(true);
    expect(sql.join([sql`${sql.empty}`, a]).text).toBe('a = $1');
    expect(sql`select * from t${sql.where([a, sql.empty, b])} limit ${10}`.text).toBe('select * from t where a = $1 and b = $2 limit $3');
    expect(sql`select * from t${sql.where([])}`.text).toBe('select * from t');
    expect(sql`select ${sql.and([a, b])}, ${sql.and([])}`.text).toBe('select (a = $1 and b = $2), true');
    const list = sql`x in (${sql.list(['p', 'q', 'r'])})`;
    expect(list.text).toBe('x in ($1, $2, $3)');
    expect(list.params).toEqual(['p', 'q', 'r']);
    expect(sql.list([]).isEmpty).toBe(true);
    expect(sql`select ${sql.raw('a.b')} from ${sql.ident('odd "name"')}`.text).toBe('select a.b from "odd ""name"""');
  });

  it("writes knex's ? placeholders, escaping a literal ? only where there are values", () => {
    const q = sql`select ${'{"a":1}'}::jsonb ? 'a' as has, ${2}::int ?| array['x']`;
    expect(q.knexText).toBe(`select ?::jsonb \\? 'a' as has, ?::int \\?| array['x']`);
    expect(q.knexValues).toEqual(['{"a":1}', 2]);
    // Without values MikroORM sends the text as it is: nothing to escape.
    expect(sql`select '{"a":1}'::jsonb ? 'a'`.knexText).toBe(`select '{"a":1}'::jsonb ? 'a'`);
  });

  it('refuses a knex text MikroORM would misread', () => {
    // `??` is an identifier to MikroORM; a value after `\?` or `\` would be taken for text.
    expect(() => sql`select ${1}${2}`.knexText).toThrow(/must not follow/);
    expect(() => sql`select '{}'::jsonb ?${'a'}`.knexText).toThrow(/must not follow/);
    expect(() => sql`select 1 \\${'a'}`.knexText).toThrow(/must not follow/);
    // Bound, both are only unusual SQL.
    expect(sql`select ${1}${2}`.text).toBe('select $1$2');
  });
});

describe('run', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  /** What the server was sent: `current_query()` is the statement's text as the client sent it. */
  const probe = (n: number) => sql`select current_query() as q, ${n}::int + 1 as n`;

  it('generic: binds the values, unnamed', async () => {
    await db.orm.em.fork().transactional(async (tx) => {
      const row = await runOne<{ q: string; n: number }>(tx, probe(41));
      expect(row).toEqual({ q: 'select current_query() as q, $1::int + 1 as n', n: 42 });
      const prepared = await run<{ statement: string }>(tx, sql`select statement from pg_prepared_statements where statement = ${probe(0).text}`);
      expect(prepared).toEqual([]);
    });
  });

  it('prepared: binds the values and prepares the text under a name, once per connection', async () => {
    await db.orm.em.fork().transactional(async (tx) => {
      const { result, statements } = await db.sql.count(async () => [await runOne(tx, probe(1), 'prepared'), await runOne(tx, probe(2), 'prepared')]);
      expect(result.map((r) => r!.n)).toEqual([2, 3]);
      // Seen by the ORM's query hook like every other statement.
      expect(statements).toEqual([probe(0).text, probe(0).text]);
      const [entry] = await run<{ name: string; generic_plans: number }>(
        tx,
        sql`select name, generic_plans::int from pg_prepared_statements where statement = ${probe(0).text}`,
      );
      // (The embedded database's socket prefixes each connection's names.)
      expect(entry!.name).toMatch(/gk_read_\d+$/);
      expect(entry!.generic_plans).toBe(2);
    });
  });

  it('per-values: MikroORM writes the values into the text, a literal ? and all', async () => {
    const em = db.orm.em.fork();
    expect(await runOne(em, probe(6), 'per-values')).toEqual({ q: 'select current_query() as q, 6::int + 1 as n', n: 7 });
    const has = sql`select ${'{"a":1}'}::jsonb ? ${'a'} as a, ${'{"a":1}'}::jsonb ? 'b' as b, '{"c":1}'::jsonb ?| array[${'c'}] as c`;
    expect(await runOne(em, has, 'per-values')).toEqual({ a: true, b: false, c: true });
    expect(await runOne(em, sql`select '{"a":1}'::jsonb ? 'a' as a`, 'per-values')).toEqual({ a: true });
    // A value holding a ? is a value, not a placeholder.
    expect(await runOne(em, sql`select ${'why?'}::text as t, ${'?'}::text as u`, 'per-values')).toEqual({ t: 'why?', u: '?' });
  });

  it('runs on the EntityManager’s transaction, and counts what a statement wrote', async () => {
    await db.orm.em.fork().transactional(async (tx) => {
      await run(tx, sql`create temporary table sql_test (k int primary key) on commit drop`);
      expect(await runCount(tx, sql`insert into sql_test select * from unnest(${[1, 2, 3]}::int[])`)).toBe(3);
      expect(await runCount(tx, sql`insert into sql_test select * from unnest(${[3, 4]}::int[]) on conflict do nothing`)).toBe(1);
      expect(await runCount(tx, sql`delete from sql_test where k > ${2}`, 'per-values')).toBe(2);
      // The temporary table is only visible on the transaction's connection.
      expect(await countRows(tx, sql.raw('sql_test'), [sql`k >= ${1}`])).toBe(2);
    });
  });
});
