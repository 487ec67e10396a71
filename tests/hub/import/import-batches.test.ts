import { isInputObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../../../src/resolvers/access/tokens.js';
import { Role } from '../../../src/kernel/viewer.js';
import { seedDatabase } from '../../../src/generator/seed.js';
import { importRows, type ImportOutcome } from '../../../src/resolvers/hub/import/import-records.js';
import { ImportFormat, readRows, RECORD_INPUT_TYPE } from '../../../src/resolvers/hub/import/rows.js';
import { buildGongkaiSchema } from '../../../src/schema/build-schema.js';
import { loadReferenceData } from '../../../src/seeders/reference-data.js';
import { tallyDrift } from '../../helpers/tallies.js';
import { startTestApp, type TestApp } from '../../helpers/database.js';

// Imports that span several batches (a batch of 4 rows here; 5,000 in use): every guarantee holds across batch
// boundaries. Expectations are read with plain SQL.

let app: TestApp;
let token: string;
let codes: string[];

const DEPARTMENT = 'QH-FINANCE';
const BATCH = 4;

beforeAll(async () => {
  app = await startTestApp({ demo: false });
  await loadReferenceData(app.database.orm.em.fork());
  await seedDatabase(app.database.orm, { scale: 20, seed: 'import-batches', until: '2025-06-30' });
  codes = (await app.query<{ credit_code: string }>('select credit_code from subject order by credit_code limit 4')).map((r) => r.credit_code);
  token = await app.tokenFor(Role.PUBLISHER, DEPARTMENT);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

/** A valid 政府采购 · 采购结果 record input; `n` picks its parties so the files name several subjects. */
function record(n: number, title = `海东市第${n}小学课桌椅采购项目中标结果公告`): Record<string, unknown> {
  return {
    externalId: `BATCH-${n}`,
    domain: 'GOVERNMENT_PROCUREMENT',
    category: 'RESULT',
    title,
    regionCode: n % 2 ? '630100' : '630000',
    formedOn: '2025-04-01',
    publishedOn: n % 3 ? '2025-04-02' : null,
    amount: `${2000 + n}.00`,
    parties: [
      { role: 'WINNER', creditCode: codes[n % 4] },
      { role: 'PURCHASER', creditCode: codes[(n + 1) % 4] },
    ],
    publications: n % 3 ? [{ channel: 'GOVERNMENT_WEBSITE', publishedOn: '2025-04-02', url: `https://czt.qinghai.gov.cn/b/${n}` }] : [],
    details: { procurementResult: { projectName: `课桌椅采购${n}`, awardAmount: `${2000 + n}.00`, reviewExperts: [{ name: '张伟', role: 'LEADER' }] } },
  };
}

const ROWS = 10;

/** `batchSize` null: the sizes in use. */
async function importLines(records: readonly unknown[], requestId: string, batchSize: number | null = BATCH): Promise<ImportOutcome> {
  const schema = await buildGongkaiSchema();
  const type = schema.getType(RECORD_INPUT_TYPE);
  if (!isInputObjectType(type)) throw new Error('no record input type');
  const em = app.database.orm.em.fork();
  const viewer = await authenticate(em, `Bearer ${token}`);
  const text = records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
  // In pieces, as a file arrives.
  async function* chunks() {
    for (let i = 0; i < text.length; i += 700) yield text.slice(i, i + 700);
  }
  return importRows(em, viewer, requestId, readRows(ImportFormat.NDJSON, chunks(), type), batchSize === null ? {} : { batchSize });
}

/** Row counts and checksums of every table an import writes. */
async function tables(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of ['disclosure', 'disclosure_party', 'disclosure_publication', 'disclosure_revision', 'procurement_result', 'audit_entry']) {
    const [row] = await app.query<{ n: number; sum: string }>(`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from ${t} t`);
    out[t] = `${row!.n}:${row!.sum}`;
  }
  return out;
}

describe('an import of more rows than one batch', () => {
  it('with a bad row in the last batch writes nothing (not even the earlier batches) and reports the row', async () => {
    const before = await tables();
    const rows = Array.from({ length: ROWS }, (_, i) => record(i + 1));
    rows[ROWS - 1] = { ...record(ROWS), amount: 'lots' };
    const outcome = await importLines(rows, 'batches-bad');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.rows).toBe(ROWS);
    expect(outcome.issues).toEqual([expect.objectContaining({ row: ROWS, path: 'amount', code: 'INVALID_VALUE' })]);
    expect(await tables()).toEqual(before);
  });

  it('writes every row with its parties (and their visibility), publications and one audit entry per record', async () => {
    const rows = Array.from({ length: ROWS }, (_, i) => record(i + 1));
    const outcome = await importLines(rows, 'batches-first');
    expect(outcome).toEqual({ ok: true, counts: { rows: ROWS, created: ROWS, revised: 0, unchanged: 0 } });

    const [stored] = await app.query<{ records: number; parties: number; publications: number; deadlines: number }>(
      `select count(*)::int as records,
              (select count(*)::int from disclosure_party p join disclosure d on d.id = p.disclosure_id where d.external_id like 'BATCH-%') as parties,
              (select count(*)::int from disclosure_publication c join disclosure d on d.id = c.disclosure_id where d.external_id like 'BATCH-%') as publications,
              count(*) filter (where deadline is not null and deadline > formed_on)::int as deadlines
         from disclosure where publisher_code = ? and external_id like 'BATCH-%'`,
      [DEPARTMENT],
    );
    const published = rows.filter((r) => (r.publications as unknown[]).length > 0).length;
    expect(stored).toEqual({ records: ROWS, parties: 2 * ROWS, publications: published, deadlines: ROWS });

    // Each party row carries its record's publisher and the day it became public (null while unpublished).
    const [mismatch] = await app.query<{ n: number }>(
      `select count(*)::int as n from disclosure_party p join disclosure d on d.id = p.disclosure_id
        where d.external_id like 'BATCH-%'
          and (p.publisher_code is distinct from d.publisher_code
               or p.public_from is distinct from (case when d.exemption = 'NONE' then d.published_on end)
               or p.formed_on <> d.formed_on or p.domain <> d.domain)`,
    );
    expect(mismatch!.n).toBe(0);

    // One audit entry per record written, with what was written after and nothing before.
    const audit = await app.query<{ entity_key: string; action: string; before: unknown; title: string; version: number }>(
      `select entity_key, action, before, after->>'title' as title, (after->>'version')::int as version from audit_entry where request_id = 'batches-first' order by id`,
    );
    const ids = await app.query<{ id: number; title: string }>(`select id, title from disclosure where external_id like 'BATCH-%' order by id`);
    expect(audit).toHaveLength(ROWS);
    expect(audit.map((a) => a.entity_key).sort()).toEqual(ids.map((r) => String(r.id)).sort());
    for (const a of audit) expect(a).toMatchObject({ action: 'publishDisclosure', before: null, version: 1 });
    expect(audit.map((a) => a.title).sort()).toEqual(ids.map((r) => r.title).sort());
  });

  it('importing it again changes nothing and appends no audit entry', async () => {
    const before = await tables();
    const outcome = await importLines(Array.from({ length: ROWS }, (_, i) => record(i + 1)), 'batches-again');
    expect(outcome).toEqual({ ok: true, counts: { rows: ROWS, created: 0, revised: 0, unchanged: ROWS } });
    expect(await tables()).toEqual(before);
  });

  it('changed rows in several batches become revisions, the earlier version kept and audited before and after', async () => {
    const changed = new Set([2, 5, 10]);
    const rows = Array.from({ length: ROWS }, (_, i) => (changed.has(i + 1) ? record(i + 1, `海东市第${i + 1}小学课桌椅采购项目中标结果公告（更正）`) : record(i + 1)));
    const [{ n: revisionsBefore }] = (await app.query<{ n: number }>('select count(*)::int as n from disclosure_revision')) as [{ n: number }];
    const outcome = await importLines(rows, 'batches-changed');
    expect(outcome).toEqual({ ok: true, counts: { rows: ROWS, created: 0, revised: changed.size, unchanged: ROWS - changed.size } });

    const versions = await app.query<{ external_id: string; version: number; title: string; kept: string | null; kept_version: number | null }>(
      `select d.external_id, d.version, d.title, r.title as kept, r.version as kept_version
         from disclosure d left join disclosure_revision r on r.disclosure_id = d.id
        where d.external_id like 'BATCH-%' order by d.external_id`,
    );
    for (const v of versions) {
      const n = Number(v.external_id.slice('BATCH-'.length));
      if (changed.has(n)) expect(v).toEqual({ external_id: v.external_id, version: 2, title: `海东市第${n}小学课桌椅采购项目中标结果公告（更正）`, kept: `海东市第${n}小学课桌椅采购项目中标结果公告`, kept_version: 1 });
      else expect(v).toMatchObject({ version: 1, kept: null });
    }
    const [{ n: revisionsAfter }] = (await app.query<{ n: number }>('select count(*)::int as n from disclosure_revision')) as [{ n: number }];
    expect(revisionsAfter - revisionsBefore).toBe(changed.size);

    const audit = await app.query<{ action: string; before_title: string; after_title: string; after_version: number; external_id: string }>(
      `select a.action, a.before->'envelope'->>'title' as before_title, a.after->>'title' as after_title, (a.after->>'version')::int as after_version, d.external_id
         from audit_entry a join disclosure d on d.id::text = a.entity_key
        where a.request_id = 'batches-changed' order by d.external_id`,
    );
    expect(audit.map((a) => a.external_id).sort()).toEqual([...changed].map((n) => `BATCH-${n}`).sort());
    for (const a of audit) {
      expect(a.action).toBe('reviseDisclosure');
      expect(a.after_title).toBe(`${a.before_title}（更正）`);
      expect(a.after_version).toBe(2);
    }
    // The revised records' parties were written again, in step with their record.
    const [{ n: parties }] = (await app.query<{ n: number }>(
      `select count(*)::int as n from disclosure_party p join disclosure d on d.id = p.disclosure_id where d.external_id like 'BATCH-%' and p.publisher_code = d.publisher_code`,
    )) as [{ n: number }];
    expect(parties).toBe(2 * ROWS);
    // And the per-subject tallies (statement triggers, one call per batch) still equal the party rows.
    expect(await tallyDrift(app)).toEqual([]);
  });
});

describe('an import at the batch sizes in use (the first batches smaller, rows made ahead while most are new)', () => {
  // 1,000 + 2,000 + 600 rows: three batches, across the smaller first sizes.
  const MANY = 3600;
  const many = (changed: (n: number) => boolean = () => false): Record<string, unknown>[] =>
    Array.from({ length: MANY }, (_, i) => {
      const n = 1000 + i;
      return { ...record(n, changed(n) ? `海东市第${n}小学课桌椅采购项目中标结果公告（更正）` : undefined), externalId: `MANY-${n}` };
    });
  const stored = async () =>
    (await app.query<{ n: number; audit: number; parties: number; stale: number }>(
      `select count(*)::int as n,
              (select count(*)::int from audit_entry where entity = 'Disclosure' and entity_key in (select id::text from disclosure where external_id like 'MANY-%')) as audit,
              (select count(*)::int from disclosure_party p join disclosure d on d.id = p.disclosure_id where d.external_id like 'MANY-%') as parties,
              (select count(*)::int from disclosure_party p join disclosure d on d.id = p.disclosure_id
                where d.external_id like 'MANY-%'
                  and (p.publisher_code is distinct from d.publisher_code or p.public_from is distinct from (case when d.exemption = 'NONE' then d.published_on end))) as stale
         from disclosure where external_id like 'MANY-%'`,
    ))[0]!;

  it('writes every row once, each with its audit entry holding what was written', async () => {
    const rows = many();
    const outcome = await importLines(rows, 'many-first', null);
    expect(outcome).toEqual({ ok: true, counts: { rows: MANY, created: MANY, revised: 0, unchanged: 0 } });
    expect(await stored()).toEqual({ n: MANY, audit: MANY, parties: 2 * MANY, stale: 0 });
    // The audit's after is the record as given (its id and version in front), whatever batch it fell in.
    const audit = await app.query<{ external_id: string; after: Record<string, unknown>; id: number }>(
      `select d.external_id, d.id, a.after from audit_entry a join disclosure d on d.id::text = a.entity_key
        where a.request_id = 'many-first' and d.external_id in ('MANY-1000', 'MANY-1999', 'MANY-2000', 'MANY-3499', 'MANY-3500', 'MANY-4599')`,
    );
    expect(audit).toHaveLength(6);
    for (const a of audit) {
      const given = rows[Number(a.external_id.slice('MANY-'.length)) - 1000]!;
      expect(a.after).toMatchObject({ id: a.id, version: 1, externalId: a.external_id, title: given.title, amount: given.amount, formedOn: given.formedOn });
    }
    expect(await tallyDrift(app)).toEqual([]);
  });

  it('then again: nothing changes; then with every tenth row changed: those become revisions', async () => {
    const before = await tables();
    expect(await importLines(many(), 'many-again', null)).toEqual({ ok: true, counts: { rows: MANY, created: 0, revised: 0, unchanged: MANY } });
    expect(await tables()).toEqual(before);
    const outcome = await importLines(many((n) => n % 10 === 0), 'many-changed', null);
    expect(outcome).toEqual({ ok: true, counts: { rows: MANY, created: 0, revised: MANY / 10, unchanged: MANY - MANY / 10 } });
    const [{ n }] = (await app.query<{ n: number }>(`select count(*)::int as n from disclosure where external_id like 'MANY-%' and version = 2 and title like '%（更正）'`)) as [{ n: number }];
    expect(n).toBe(MANY / 10);
    expect((await stored()).stale).toBe(0);
    expect(await tallyDrift(app)).toEqual([]);
  });
});
