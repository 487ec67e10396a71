import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../helpers/database.js';
import { startWriteTestApp } from '../../helpers/write-app.js';

/** Concurrent writes of the same externalId end as if they had come one after the other: never an internal error. */
let app: TestApp;
let finance: string;
let code: string;

beforeAll(async () => {
  ({ app, finance, code } = await startWriteTestApp('write-races'));
}, 120_000);

afterAll(async () => {
  await app?.close();
});

const PUBLISH = `mutation ($input: PublishDisclosureInput!) { publishDisclosure(input: $input) { id version title } }`;
const IMPORT = `mutation ($format: ImportFormat!, $content: String!) { importDisclosures(format: $format, content: $content) { rows created revised unchanged } }`;

function record(externalId: string, title = `采购结果公告 ${externalId}`) {
  return {
    externalId,
    domain: 'GOVERNMENT_PROCUREMENT',
    category: 'RESULT',
    title,
    regionCode: '630000',
    formedOn: '2025-04-01',
    publishedOn: '2025-04-02',
    amount: '5000.00',
    exemption: 'NONE',
    parties: [{ role: 'WINNER', creditCode: code }],
    publications: [],
    details: { procurementResult: { projectName: `项目 ${externalId}`, awardAmount: '5000.00', reviewExperts: [] } },
  };
}

async function stored(externalId: string): Promise<{ records: number; versions: number[]; revisions: number; audit: number }> {
  const ids = `select id from disclosure where publisher_code = 'QH-FINANCE' and external_id = ?`;
  const rows = await app.query<{ version: number }>(`select version from disclosure where id in (${ids})`, [externalId]);
  const [revisions] = await app.query<{ n: number }>(`select count(*)::int as n from disclosure_revision where disclosure_id in (${ids})`, [externalId]);
  const [audit] = await app.query<{ n: number }>(`select count(*)::int as n from audit_entry where entity = 'Disclosure' and entity_key in (select id::text from (${ids}) i)`, [externalId]);
  return { records: rows.length, versions: rows.map((r) => r.version), revisions: revisions!.n, audit: audit!.n };
}

describe('concurrent publishes', () => {
  it('10 identical publishes at once: one record, written once, and every caller gets it', async () => {
    const input = record('RACE-SAME');
    const answers = await Promise.all(Array.from({ length: 10 }, () => app.graphql(PUBLISH, { input }, { token: finance })));
    for (const a of answers) expect(a.body.errors, JSON.stringify(a.body.errors)).toBeUndefined();
    const ids = new Set(answers.map((a) => (a.body.data!.publishDisclosure as { id: string }).id));
    expect(ids.size).toBe(1);
    // One CREATED (one audit entry), nine UNCHANGED (no write, no audit entry).
    expect(await stored('RACE-SAME')).toEqual({ records: 1, versions: [1], revisions: 0, audit: 1 });
  });

  it('two different payloads for one externalId at once: one created, the other a revision of it', async () => {
    const answers = await Promise.all([
      app.graphql(PUBLISH, { input: record('RACE-DIFF', '采购结果公告 甲') }, { token: finance }),
      app.graphql(PUBLISH, { input: record('RACE-DIFF', '采购结果公告 乙') }, { token: finance }),
    ]);
    for (const a of answers) expect(a.body.errors, JSON.stringify(a.body.errors)).toBeUndefined();
    expect(await stored('RACE-DIFF')).toEqual({ records: 1, versions: [2], revisions: 1, audit: 2 });
    const [{ title } = { title: '' }] = await app.query<{ title: string }>(`select title from disclosure where external_id = 'RACE-DIFF'`);
    // The one written last is the current version; the other is kept as the revision.
    const last = answers.find((a) => (a.body.data!.publishDisclosure as { version: number }).version === 2)!;
    expect(title).toBe((last.body.data!.publishDisclosure as { title: string }).title);
  });
});

describe('concurrent imports', () => {
  it('3 identical imports at once: one creates the rows, the others find them unchanged', async () => {
    const content = ['IMP-RACE-1', 'IMP-RACE-2', 'IMP-RACE-3'].map((id) => JSON.stringify(record(id))).join('\n');
    const answers = await Promise.all(Array.from({ length: 3 }, () => app.graphql(IMPORT, { format: 'NDJSON', content }, { token: finance })));
    for (const a of answers) expect(a.body.errors, JSON.stringify(a.body.errors)).toBeUndefined();
    const results = answers.map((a) => a.body.data!.importDisclosures).sort((a, b) => JSON.stringify(b).localeCompare(JSON.stringify(a)));
    expect(results).toEqual([
      { rows: 3, created: 3, revised: 0, unchanged: 0 },
      { rows: 3, created: 0, revised: 0, unchanged: 3 },
      { rows: 3, created: 0, revised: 0, unchanged: 3 },
    ]);
    const [count] = await app.query<{ n: number }>(`select count(*)::int as n from disclosure where external_id like 'IMP-RACE-%'`);
    expect(count!.n).toBe(3);
    const [audit] = await app.query<{ n: number }>(
      `select count(*)::int as n from audit_entry where entity = 'Disclosure' and entity_key in (select id::text from disclosure where external_id like 'IMP-RACE-%')`);
    expect(audit!.n).toBe(3);
  });

  it('an import and a publish of one externalId at once: one created, the other unchanged', async () => {
    const input = record('MIXED-RACE');
    const [imported, published] = await Promise.all([
      app.graphql(IMPORT, { format: 'NDJSON', content: JSON.stringify(input) }, { token: finance }),
      app.graphql(PUBLISH, { input }, { token: finance }),
    ]);
    expect(imported.body.errors, JSON.stringify(imported.body.errors)).toBeUndefined();
    expect(published.body.errors, JSON.stringify(published.body.errors)).toBeUndefined();
    expect(await stored('MIXED-RACE')).toEqual({ records: 1, versions: [1], revisions: 0, audit: 1 });
  });
});
