import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../src/kernel/viewer.js';
import { importFile, printIssues } from '../../../src/cli/import.js';
import { seedDatabase } from '../../../src/generator/seed.js';
import { ImportFormat } from '../../../src/resolvers/hub/import/rows.js';
import { toGlobalId } from '../../../src/kernel/node.js';
import { loadReferenceData } from '../../../src/seeders/reference-data.js';
import { startTestApp, type TestApp } from '../../helpers/database.js';
import { tallyDrift } from '../../helpers/tallies.js';

let app: TestApp;
let token: string;
let dir: string;
/** Credit codes of existing subjects, and one valid code no subject has. */
let codes: string[];

const DEPARTMENT = 'QH-FINANCE';

beforeAll(async () => {
  app = await startTestApp({ demo: false });
  await loadReferenceData(app.database.orm.em.fork());
  // Subjects to name: imported records name existing market subjects.
  await seedDatabase(app.database.orm, { scale: 20, seed: 'import', until: '2025-06-30' });
  codes = (await app.query<{ credit_code: string }>('select credit_code from subject order by credit_code limit 4')).map((r) => r.credit_code);
  token = await app.tokenFor(Role.PUBLISHER, DEPARTMENT);
  dir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-import-test-'));
}, 120_000);

afterAll(async () => {
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Input {
  [field: string]: unknown;
  externalId: string;
  category: string;
  title?: string;
  regionCode: string;
  formedOn: string;
  publishedOn: string;
  amount: string;
  projectCode: string;
  parties: { role: string; creditCode: string }[];
  publications: { channel: string; publishedOn: string; url: string }[];
  details: { [category: string]: unknown; procurementResult: { projectName: string; awardAmount: string; reviewExperts: unknown } };
}

/** A valid 政府采购 · 采购结果 record input, as NDJSON carries it. */
function record(n: number, change: (r: Input) => void = () => {}): Input {
  const r: Input = {
    externalId: `CG-${n}`,
    domain: 'GOVERNMENT_PROCUREMENT',
    category: 'RESULT',
    title: `西宁市第${n}中学教学设备采购项目中标结果公告`,
    regionCode: n % 2 ? '630100' : '630000',
    formedOn: '2025-03-03',
    publishedOn: '2025-03-04',
    amount: `${1000 + n}.50`,
    projectCode: `QHCG-2025-${String(n).padStart(4, '0')}`,
    parties: [
      { role: 'WINNER', creditCode: codes[0] },
      { role: 'PURCHASER', creditCode: codes[1] },
    ],
    publications: [{ channel: 'GOVERNMENT_WEBSITE', publishedOn: '2025-03-04', url: `https://czt.qinghai.gov.cn/${n}` }],
    details: {
      procurementResult: {
        projectName: `教学设备采购${n}`,
        awardAmount: `${1000 + n}.50`,
        reviewExperts: [
          { name: '王磊', role: 'LEADER' },
          { name: '李娜', role: 'MEMBER' },
        ],
      },
    },
  };
  change(r);
  return r;
}

/** A credit code with its GB 32100-2015 check character (weights 3^i mod 31 over the 31-character set). */
function withCheckDigit(first17: string): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += chars.indexOf(first17[i]!) * (3 ** i % 31);
  return first17 + chars[(31 - (sum % 31)) % 31];
}

function ndjson(records: readonly (Input | string)[]): string {
  return records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
}

const CSV_HEADER =
  'externalId,title,regionCode,formedOn,publishedOn,amount,projectCode,parties.0.role,parties.0.creditCode,parties.1.role,parties.1.creditCode,' +
  'publications.0.channel,publications.0.publishedOn,publications.0.url,details.procurementResult.projectName,details.procurementResult.awardAmount,' +
  'details.procurementResult.reviewExperts';

function csvRow(r: Input): string {
  const d = r.details.procurementResult;
  const cells = [
    r.externalId, r.title, r.regionCode, r.formedOn, r.publishedOn, r.amount, r.projectCode,
    r.parties[0]?.role, r.parties[0]?.creditCode, r.parties[1]?.role, r.parties[1]?.creditCode,
    r.publications[0].channel, r.publications[0].publishedOn, r.publications[0].url,
    d.projectName, d.awardAmount, JSON.stringify(d.reviewExperts),
  ];
  return cells.map((c) => (c === undefined ? '' : /[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',');
}

/** Runs `gongkai import` on a file (in process, on the test database): its result and what it printed. */
async function cliImport(name: string, text: string): Promise<{ ok: boolean; out: string; err: string }> {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  let out = '';
  let err = '';
  const format = name.endsWith('.csv') ? ImportFormat.CSV : ImportFormat.NDJSON;
  const ok = await importFile(app.database, file, { format, token, size: statSync(file).size }, {
    out: { write: (s: string) => ((out += s), true) } as never,
    err: { write: (s: string) => ((err += s), true) } as never,
  });
  return { ok, out, err };
}

const IMPORT = `mutation ($format: ImportFormat!, $content: String!) { importDisclosures(format: $format, content: $content) { rows created revised unchanged } }`;

/** Row counts and content checksums of every table an import writes, by plain SQL. */
async function snapshot(): Promise<Record<string, string>> {
  const tables = ['disclosure', 'disclosure_party', 'disclosure_publication', 'disclosure_revision', 'procurement_result', 'audit_entry'];
  const out: Record<string, string> = {};
  for (const t of tables) {
    const [row] = await app.query<{ n: number; sum: string }>(
      `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from ${t} t`,
    );
    out[t] = `${row!.n}:${row!.sum}`;
  }
  return out;
}

async function readBack(externalId: string): Promise<Record<string, unknown>> {
  const [row] = await app.query<{ id: number }>('select id from disclosure where publisher_code = ? and external_id = ?', [DEPARTMENT, externalId]);
  expect(row, `record ${externalId} stored`).toBeDefined();
  const res = await app.graphql(
    `query ($id: ID!) { node(id: $id) { ... on ProcurementResult {
        title region { code } publisher { code } formedOn publishedOn amount projectCode version
        parties { role subject { creditCode } } publications { channel publishedOn url }
        projectName awardAmount reviewExperts { name role } } } }`,
    { id: toGlobalId('ProcurementResult', String(row!.id)) },
    { token },
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.node as Record<string, unknown>;
}

/** What the record input says, in the shape the graph answers. */
function expected(r: Input): Record<string, unknown> {
  const d = r.details.procurementResult;
  return {
    title: r.title,
    region: { code: r.regionCode },
    publisher: { code: DEPARTMENT },
    formedOn: r.formedOn,
    publishedOn: r.publishedOn,
    amount: r.amount,
    projectCode: r.projectCode,
    parties: expect.arrayContaining(r.parties.map((p) => ({ role: p.role, subject: { creditCode: p.creditCode } }))),
    publications: r.publications,
    projectName: d.projectName,
    awardAmount: d.awardAmount,
    reviewExperts: d.reviewExperts,
  };
}

describe('gongkai import (NDJSON)', () => {
  let records: Input[];
  beforeAll(() => {
    records = [1, 2, 3].map((n) => record(n));
  });

  it('imports every row, and each reads back through GraphQL as it was given', async () => {
    const before = await app.query<{ n: number }>('select count(*)::int as n from disclosure');
    const run = await cliImport('results.ndjson', ndjson(records));
    expect(run.err).toBe('');
    expect(run.ok).toBe(true);
    expect(run.out).toMatch(/3 row\(s\) imported for QH-FINANCE: 3 created, 0 revised, 0 unchanged/);
    const after = await app.query<{ n: number }>('select count(*)::int as n from disclosure');
    expect(after[0]!.n - before[0]!.n).toBe(3);
    for (const r of records) {
      const node = await readBack(r.externalId);
      expect(node).toMatchObject(expected(r));
      expect(node.version).toBe(1);
      expect(node.parties).toHaveLength(2);
    }
  });

  it('importing the same file again changes nothing, not even the audit trail', async () => {
    const before = await snapshot();
    const run = await cliImport('results.ndjson', ndjson(records));
    expect(run.out).toMatch(/0 created, 0 revised, 3 unchanged/);
    expect(await snapshot()).toEqual(before);
  });

  it('a changed row becomes a revision (version 2, the earlier version kept); the others stay as they were', async () => {
    const [{ n: revisionsBefore }] = (await app.query<{ n: number }>('select count(*)::int as n from disclosure_revision')) as [{ n: number }];
    const changed = records.map((r, i) => (i === 1 ? record(2, (x) => (x.title = `${x.title}（更正）`)) : r));
    const run = await cliImport('results.ndjson', ndjson(changed));
    expect(run.out).toMatch(/0 created, 1 revised, 2 unchanged/);
    const node = await readBack('CG-2');
    expect(node.title).toBe(`${records[1]!.title}（更正）`);
    expect(node.version).toBe(2);
    const [{ n: revisionsAfter }] = (await app.query<{ n: number }>('select count(*)::int as n from disclosure_revision')) as [{ n: number }];
    expect(revisionsAfter).toBe(revisionsBefore + 1);
    const [{ n: disclosures }] = (await app.query<{ n: number }>(`select count(*)::int as n from disclosure where external_id like 'CG-%'`)) as [{ n: number }];
    expect(disclosures).toBe(3);
  });

  it('imports and revisions keep the per-subject tallies equal to the party rows', async () => {
    expect(await tallyDrift(app)).toEqual([]);
  });

  it('a file mixing good and bad rows writes nothing and reports every bad row with its row, path and code', async () => {
    const long = '很'.repeat(501);
    const rows: (Input | string)[] = [
      record(10), // 1: good
      record(11, (r) => (r.parties[0].creditCode = '91630100MA75XXXXX1')), // 2
      record(12, (r) => (r.category = 'NO_SUCH_CATEGORY')), // 3
      record(13, (r) => (r.details.landTransferDeal = { parcelCode: 'X' })), // 4: a field of another category
      record(14, (r) => (r.amount = '-5.00')), // 5
      record(15, (r) => (r.amount = 'a lot')), // 6
      record(16, (r) => (r.publishedOn = '2025-03-01')), // 7: before formedOn
      record(17, (r) => delete r.title), // 8
      record(18, (r) => (r.title = long)), // 9
      '{"externalId": "CG-19", "title": ', // 10: malformed line
      record(20), // 11: good
      record(10), // 12: the same externalId as row 1
      record(21, (r) => (r.parties[0].creditCode = withCheckDigit('91630100MA7Q8R2XK'))), // 13: well formed, no such subject
    ];
    const before = await snapshot();
    const run = await cliImport('mixed.ndjson', ndjson(rows));
    expect(run.ok).toBe(false);
    expect(run.out).toBe('');
    expect(await snapshot()).toEqual(before);
    const expectLine = (row: number, path: string, code: string) =>
      expect(run.err, `row ${row} ${path} ${code}`).toMatch(new RegExp(`^  row ${row}  ${path.replace(/[.[\]]/g, '\\$&')}  ${code}  `, 'm'));
    expectLine(2, 'parties[0].creditCode', 'INVALID_CREDIT_CODE');
    expectLine(3, 'category', 'UNKNOWN_CATEGORY');
    expectLine(4, 'details.landTransferDeal', 'WRONG_CATEGORY');
    expectLine(5, 'amount', 'NEGATIVE');
    expectLine(6, 'amount', 'INVALID_VALUE');
    expectLine(7, 'publishedOn', 'DATE_ORDER');
    // A missing field: GraphQL coercion names it in the message ('Field "title" … was not provided').
    expect(run.err).toMatch(/^ {2}row 8 {2}\S+ {2}REQUIRED {2}.*"title"/m);
    expectLine(9, 'title', 'TOO_LONG');
    expectLine(10, '-', 'MALFORMED_NDJSON');
    expectLine(12, 'externalId', 'DUPLICATE_EXTERNAL_ID');
    expectLine(13, 'parties[0].creditCode', 'UNKNOWN_SUBJECT');
    expect(run.err).not.toMatch(/^ {2}row (1|11) /m);
    expect(run.err).toMatch(/problem\(s\) in 11 of 13 row\(s\); nothing was written/m);
  });
});

describe('gongkai import (CSV)', () => {
  it('imports a CSV file by its header paths (lists by item number, a JSON cell for a list named whole) and reads back the same', async () => {
    const records = [30, 31].map((n) => record(n));
    // A record naming one party leaves the second party's cells empty: no item.
    records[1]!.parties = [records[1]!.parties[0]];
    const run = await cliImport('results.csv', [CSV_HEADER, ...records.map(csvRow)].join('\r\n') + '\r\n');
    expect(run.err).toBe('');
    expect(run.out).toMatch(/2 row\(s\) imported for QH-FINANCE: 2 created/);
    for (const r of records) expect(await readBack(r.externalId)).toMatchObject(expected(r));
  });

  it('malformed CSV (a quote inside a field, a wrong number of cells, an unknown column) is reported by row; nothing is written', async () => {
    const good = csvRow(record(40));
    const text = [
      `${CSV_HEADER},details.procurementResult.winningBid`,
      `${good},`, // 2: good (the unknown column is the header's problem)
      `${csvRow(record(41))}`, // 3: one cell short
      `${csvRow(record(42)).replace('教学设备采购42', '教学"设备')},`, // 4: a quote inside an unquoted field
      `${csvRow(record(43, (r) => (r.amount = '-1')))},`, // 5
    ].join('\n');
    const before = await snapshot();
    const run = await cliImport('bad.csv', text);
    expect(run.ok).toBe(false);
    expect(await snapshot()).toEqual(before);
    expect(run.err).toMatch(/^ {2}row 1 {2}details\.procurementResult\.winningBid {2}UNKNOWN_COLUMN /m);
    expect(run.err).toMatch(/^ {2}row 3 {2}- {2}MALFORMED_CSV {2}the row has 17 cells; the header has 18 columns/m);
    expect(run.err).toMatch(/^ {2}row 4 {2}- {2}MALFORMED_CSV {2}a quote inside an unquoted field/m);
    expect(run.err).toMatch(/^ {2}row 5 {2}amount {2}NEGATIVE /m);
    expect(run.err).not.toMatch(/^ {2}row 2 /m);
  });

  it('an unbalanced quote is reported at the row it opens in', async () => {
    // A quote that opens is closed by the next quote anywhere after it, so only the last one can stay open.
    const text = [CSV_HEADER, csvRow(record(50)), csvRow(record(52)), 'CG-51,"教学设备采购51,630100'].join('\n') + '\n';
    const run = await cliImport('open.csv', text);
    expect(run.ok).toBe(false);
    expect(run.err).toMatch(/^ {2}row 4 {2}- {2}MALFORMED_CSV {2}a quoted field is never closed/m);
  });
});

describe('importDisclosures', () => {
  it('imports NDJSON and CSV content with the same rules, and again changes nothing', async () => {
    const lines = ndjson([record(60), record(61)]);
    const first = await app.graphql(IMPORT, { format: 'NDJSON', content: lines }, { token });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.importDisclosures).toEqual({ rows: 2, created: 2, revised: 0, unchanged: 0 });
    const before = await snapshot();
    const again = await app.graphql(IMPORT, { format: 'NDJSON', content: lines }, { token });
    expect(again.body.data!.importDisclosures).toEqual({ rows: 2, created: 0, revised: 0, unchanged: 2 });
    expect(await snapshot()).toEqual(before);
    const csv = [CSV_HEADER, csvRow(record(62))].join('\n');
    const third = await app.graphql(IMPORT, { format: 'CSV', content: csv }, { token });
    expect(third.body.data!.importDisclosures).toEqual({ rows: 1, created: 1, revised: 0, unchanged: 0 });
    expect(await readBack('CG-62')).toMatchObject(expected(record(62)));
  });

  it('refuses a file with bad rows as BAD_USER_INPUT listing every issue with row, path and code, and writes nothing', async () => {
    const before = await snapshot();
    const content = ndjson([record(70), record(71, (r) => (r.formedOn = '2025-02-30')), '[1, 2]', record(72, (r) => (r.parties[1].creditCode = codes[2]!.slice(0, 17) + 'Z'))]);
    const res = await app.graphql(IMPORT, { format: 'NDJSON', content }, { token });
    expect(res.body.data).toBeNull();
    const error = res.body.errors![0]!;
    expect(error.extensions!.code).toBe('BAD_USER_INPUT');
    const issues = error.extensions!.issues as { row: number; path: string; code: string }[];
    expect(issues.map(({ row, path, code }) => ({ row, path, code }))).toEqual([
      { row: 2, path: 'formedOn', code: 'INVALID_VALUE' },
      { row: 3, path: '', code: 'MALFORMED_NDJSON' },
      { row: 4, path: 'parties[1].creditCode', code: 'INVALID_CREDIT_CODE' },
    ]);
    expect(await snapshot()).toEqual(before);
    const csv = [CSV_HEADER, csvRow(record(73)), csvRow(record(74, (r) => (r.amount = 'x1'))), 'CG-75,"unclosed'].join('\n');
    const bad = await app.graphql(IMPORT, { format: 'CSV', content: csv }, { token });
    expect(bad.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect((bad.body.errors![0]!.extensions!.issues as { row: number; code: string }[]).map((i) => [i.row, i.code])).toEqual([
      [3, 'INVALID_VALUE'],
      [4, 'MALFORMED_CSV'],
    ]);
    expect(await snapshot()).toEqual(before);
  });
});

describe('printing problems', () => {
  it('prints at most 100 and counts the rest', () => {
    let text = '';
    const issues = Array.from({ length: 130 }, (_, i) => ({ row: i + 2, path: 'amount', code: 'NEGATIVE', message: 'amount must not be negative' }));
    printIssues({ write: (s: string) => ((text += s), true) } as never, issues, 200, 'f.csv');
    expect(text.split('\n').filter((l) => l.startsWith('  row '))).toHaveLength(100);
    expect(text).toContain('… and 30 more problem(s)');
    expect(text.split('\n')[0]).toBe('f.csv: 130 problem(s) in 130 of 200 row(s); nothing was written');
  });
});
