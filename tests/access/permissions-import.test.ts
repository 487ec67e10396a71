import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/kernel/viewer.js';
import { seedDatabase } from '../../src/generator/seed.js';
import { loadReferenceData } from '../../src/seeders/reference-data.js';
import { tableState } from '../helpers/table-state.js';
import { startTestApp, type TestApp } from '../helpers/database.js';

/** importDisclosures walked by every role: allowed for the responsible department only, and a refusal writes nothing. */
let app: TestApp;
let codes: string[];

beforeAll(async () => {
  app = await startTestApp({ demo: false });
  await loadReferenceData(app.database.orm.em.fork());
  await seedDatabase(app.database.orm, { scale: 20, seed: 'permissions-import', until: '2025-06-30' });
  codes = (await app.query<{ credit_code: string }>('select credit_code from subject order by credit_code limit 2')).map((r) => r.credit_code);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

const IMPORT = `mutation ($format: ImportFormat!, $content: String!) { importDisclosures(format: $format, content: $content) { created revised unchanged } }`;

/** A 政府采购 · 采购结果 file of two rows in `regionCode`. */
function file(prefix: string, regionCode: string, domain = 'GOVERNMENT_PROCUREMENT'): string {
  return [1, 2]
    .map((n) =>
      JSON.stringify({
        externalId: `${prefix}-${n}`,
        domain,
        category: 'RESULT',
        title: `采购结果公告 ${prefix}-${n}`,
        regionCode,
        formedOn: '2025-04-01',
        publishedOn: '2025-04-02',
        amount: '5000.00',
        parties: [{ role: 'WINNER', creditCode: codes[0] }],
        details: { procurementResult: { projectName: `项目${n}`, awardAmount: '5000.00', reviewExperts: [] } },
      }),
    )
    .join('\n');
}

/** Every table the writes touch, audit trail included. */
const WRITTEN = ['disclosure', 'disclosure_party', 'disclosure_publication', 'disclosure_revision', 'procurement_result', 'audit_entry'];

const snapshot = () => tableState(app, WRITTEN);

async function refused(token: string | undefined, content: string, code: string): Promise<void> {
  const before = await snapshot();
  const res = await app.graphql(IMPORT, { format: 'NDJSON', content }, { token });
  expect(res.body.errors?.[0]?.extensions?.code, JSON.stringify(res.body.errors)).toBe(code);
  expect(res.body.data ?? null).toBeNull();
  expect(await snapshot()).toEqual(before);
}

describe('importDisclosures, role by role', () => {
  it('PUBLIC (no token) is UNAUTHENTICATED and nothing is written', async () => {
    await refused(undefined, file('PUB', '630000'), 'UNAUTHENTICATED');
  });

  it('SUPERVISOR and ADMIN may not publish: FORBIDDEN, nothing written', async () => {
    await refused(await app.tokenFor(Role.SUPERVISOR), file('SUP', '630000'), 'FORBIDDEN');
    await refused(await app.tokenFor(Role.ADMIN), file('ADM', '630000'), 'FORBIDDEN');
  });

  it('a PUBLISHER of a department with no responsibility for the domain is FORBIDDEN, with the rows named', async () => {
    // Prefecture governments have no part in drug procurement (药品集中采购), a provincial matter in the plan.
    const before = await snapshot();
    const res = await app.graphql(IMPORT, { format: 'NDJSON', content: file('XN-DRUG', '630102', 'DRUG_PROCUREMENT') }, { token: await app.tokenFor(Role.PUBLISHER, 'GOV-630100') });
    expect(res.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const issues = res.body.errors![0]!.extensions!.issues as { row: number; path: string; code: string }[];
    expect(issues.filter((i) => i.code === 'FORBIDDEN').map((i) => [i.row, i.path])).toEqual([
      [1, 'domain'],
      [2, 'domain'],
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("a prefecture government's PUBLISHER is FORBIDDEN outside its prefecture, and allowed within it", async () => {
    const xining = await app.tokenFor(Role.PUBLISHER, 'GOV-630100');
    // 海西州 (632800) is not Xining's.
    await refused(xining, file('XN-OUT', '632800'), 'FORBIDDEN');
    const res = await app.graphql(IMPORT, { format: 'NDJSON', content: file('XN-IN', '630102') }, { token: xining });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.importDisclosures).toEqual({ created: 2, revised: 0, unchanged: 0 });
    const rows = await app.query<{ publisher_code: string }>(`select publisher_code from disclosure where external_id like 'XN-IN-%'`);
    expect(rows.map((r) => r.publisher_code)).toEqual(['GOV-630100', 'GOV-630100']);
  });

  it('the responsible provincial department imports anywhere in the province; the audit trail names its token', async () => {
    const finance = await app.tokenFor(Role.PUBLISHER, 'QH-FINANCE');
    const before = await app.query<{ n: number }>('select count(*)::int as n from audit_entry');
    const res = await app.graphql(IMPORT, { format: 'NDJSON', content: file('FIN', '632800') }, { token: finance });
    expect(res.body.data!.importDisclosures).toEqual({ created: 2, revised: 0, unchanged: 0 });
    const audit = await app.query<{ department_code: string; role: string }>(
      'select department_code, role from audit_entry order by id offset ?',
      [before[0]!.n],
    );
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect(new Set(audit.map((a) => `${a.role}:${a.department_code}`))).toEqual(new Set(['PUBLISHER:QH-FINANCE']));
  });
});
