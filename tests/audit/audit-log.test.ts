import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role, type Viewer } from '../../src/kernel/viewer.js';
import { appendAudit, type AuditWrite } from '../../src/resolvers/audit/audit-log.js';
import { RawJson, jsonArray, objectTail, withFirst } from '../../src/kernel/sql/json-text.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
}, 120_000);
afterAll(async () => {
  await db?.close();
});

const viewer: Viewer = { role: Role.SUPERVISOR, tokenId: null, departmentCode: null };

describe('JSON text put together', () => {
  it('puts a key in front of an object tail, empty or not', () => {
    expect(withFirst('id', 7, objectTail({ a: 1, b: '乙' }))).toBe('{"id":7,"a":1,"b":"乙"}');
    expect(withFirst('id', 7, objectTail({}))).toBe('{"id":7}');
    expect(withFirst('key', 'x"y', objectTail({ n: null }))).toBe('{"key":"x\\"y","n":null}');
    expect(JSON.parse(jsonArray([withFirst('id', 1, '}'), withFirst('id', 2, '"z":[1]}')]))).toEqual([{ id: 1 }, { id: 2, z: [1] }]);
  });
});

describe('the audit trail', () => {
  it('keeps every value exactly as written, however many bytes its characters take', async () => {
    // Byte offsets into one UTF-8 string: characters of one to four bytes, escapes, and a lone surrogate
    // (JSON.stringify escapes it) must all land each value on its own bytes.
    const values: unknown[] = [
      { title: '西宁市 2026 年第 5 批公共租赁住房分配公告', amount: '1234.56' },
      { text: 'quote " backslash \\ newline \n tab \t', emoji: '🏔️青海', lone: '\ud800' },
      [1, 2.5, -0, 1e21, true, false, null, { nested: ['深', { deeper: 'é' }] }],
      'just a string',
      42,
      {},
    ];
    const writes: AuditWrite[] = values.map((value, i) => ({
      action: 'testWrite',
      entity: 'Test',
      entityKey: `k${i}`,
      before: i % 2 === 0 ? null : { was: i, 名: '旧' },
      after: i === 5 ? new RawJson('{"raw":"as given","n":[1,2]}') : value,
    }));
    await db.orm.em.fork().transactional((tx) => appendAudit(tx, viewer, 'audit-bytes', writes));
    const rows = await db.query<{ entity_key: string; before: string | null; after: string | null; kind: string }>(
      `select entity_key, before::text as before, after::text as after, pg_typeof(after)::text as kind
         from audit_entry where request_id = 'audit-bytes' order by id`,
    );
    expect(rows.map((r) => r.entity_key)).toEqual(writes.map((w) => w.entityKey));
    rows.forEach((row, i) => {
      const w = writes[i]!;
      // Stored as json: the very text written, not a re-serialisation.
      expect(row.kind).toBe('json');
      expect(row.after).toBe(w.after instanceof RawJson ? w.after.text : JSON.stringify(w.after));
      expect(row.before).toBe(w.before === null ? null : JSON.stringify(w.before));
    });
  });

  it('writes nothing of a batch when one value is not JSON', async () => {
    const count = async () => (await db.query<{ n: number }>(`select count(*)::int as n from audit_entry`))[0]!.n;
    const before = await count();
    const writes: AuditWrite[] = [
      { action: 'testWrite', entity: 'Test', entityKey: 'good', before: null, after: { ok: true } },
      { action: 'testWrite', entity: 'Test', entityKey: 'bad', before: null, after: new RawJson('{"broken":') },
    ];
    await expect(db.orm.em.fork().transactional((tx) => appendAudit(tx, viewer, 'audit-bad', writes))).rejects.toThrow(/json/i);
    expect(await count()).toBe(before);
  });

  it('stores before and after as json, compressed with lz4 where the server has it', async () => {
    const columns = await db.query<{ attname: string; type: string; compression: string }>(
      `select attname, atttypid::regtype::text as type, attcompression::text as compression
         from pg_attribute where attrelid = 'audit_entry'::regclass and attname in ('before', 'after') order by attname`,
    );
    expect(columns.map((c) => [c.attname, c.type])).toEqual([
      ['after', 'json'],
      ['before', 'json'],
    ]);
    // The embedded database is built without lz4; every server this project runs on has it.
    if (process.env.DATABASE_URL) expect(columns.map((c) => c.compression)).toEqual(['l', 'l']);
  });
});
