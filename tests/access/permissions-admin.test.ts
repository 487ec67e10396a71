/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are checked against SQL, not typed */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/kernel/viewer.js';
import { makeCreditCode } from '../../src/kernel/scalars/credit-code.js';
import { loadReferenceData } from '../../src/seeders/reference-data.js';
import { startTestApp, type TestApp } from '../helpers/database.js';
import { tableState } from '../helpers/table-state.js';

/**
 * Every role against every mutation of the admin write path and the audit
 * query: PUBLIC (no token), the right PUBLISHER, a PUBLISHER of another
 * department, SUPERVISOR and ADMIN. After each refusal the tables it could
 * touch, and the audit trail, are checked unchanged by plain SQL.
 */
let app: TestApp;
const tokens: Record<string, string | undefined> = {};

type Who = 'PUBLIC' | 'PUBLISHER' | 'OTHER_PUBLISHER' | 'SUPERVISOR' | 'ADMIN';
const everyone: Who[] = ['PUBLIC', 'OTHER_PUBLISHER', 'SUPERVISOR', 'ADMIN', 'PUBLISHER'];

beforeAll(async () => {
  app = await startTestApp({ demo: false });
  await loadReferenceData(app.database.orm.em.fork());
  tokens.PUBLIC = undefined;
  // The right publisher: Xining's government (requests to it, its credit decisions); the other: the provincial housing department.
  tokens.PUBLISHER = await app.tokenFor(Role.PUBLISHER, 'GOV-630100');
  tokens.OTHER_PUBLISHER = await app.tokenFor(Role.PUBLISHER, 'QH-HOUSING');
  tokens.SUPERVISOR = await app.tokenFor(Role.SUPERVISOR);
  tokens.ADMIN = await app.tokenFor(Role.ADMIN);
}, 60_000);

afterAll(async () => {
  await app?.close();
});

async function as(who: Who, query: string, variables: Record<string, unknown> = {}) {
  const token = tokens[who];
  return (await app.graphql(query, variables, token ? { token } : {})).body;
}

/** Walks the roles in order: `allowed` ones must succeed, the rest be refused with their code and change nothing. */
async function walk(
  query: string,
  variables: (who: Who) => Record<string, unknown>,
  allowed: Who[],
  tables: string[],
  order: Who[] = everyone,
): Promise<void> {
  for (const who of order) {
    if (allowed.includes(who)) {
      const body = await as(who, query, variables(who));
      expect(body.errors, `${who}: ${JSON.stringify(body.errors)}`).toBeUndefined();
      continue;
    }
    const before = await tableState(app, [...tables, 'audit_entry']);
    const body = await as(who, query, variables(who));
    expect(body.errors?.[0]?.extensions?.code, `${who}: ${JSON.stringify(body.errors)}`).toBe(who === 'PUBLIC' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    expect(body.data?.[Object.keys(body.data ?? {})[0] ?? ''] ?? null).toBeNull();
    expect(await tableState(app, [...tables, 'audit_entry']), `${who} changed something`).toEqual(before);
  }
}

let serial = 0;
function creditCode(): string {
  serial++;
  return makeCreditCode(`91630100MA${String(800000 + serial).padStart(7, '0')}`);
}

async function subject(): Promise<string> {
  const code = creditCode();
  await app.query(`insert into subject (credit_code, name, kind, region_code) values (?, '权限测试公司', 'ENTERPRISE', '630100')`, [code]);
  return code;
}

const gid = (type: string, key: number | string) => Buffer.from(`${type}:${key}`).toString('base64url');

describe('subjects and credit entries', () => {
  it('upsertSubjects: any PUBLISHER and ADMIN; not PUBLIC or SUPERVISOR', async () => {
    await walk(
      `mutation($inputs: [SubjectInput!]!) { upsertSubjects(inputs: $inputs) { creditCode } }`,
      () => ({ inputs: [{ creditCode: creditCode(), name: '权限测试公司', kind: 'ENTERPRISE', regionCode: '630100' }] }),
      ['PUBLISHER', 'OTHER_PUBLISHER', 'ADMIN'],
      ['subject'],
    );
  });

  it('addCreditEntry: a PUBLISHER deciding as its own department only', async () => {
    const code = await subject();
    const entry = { list: 'BLACK', subjectCreditCode: code, reason: '围标串标', legalBasis: '《招标投标法》第五十三条', decidedOn: '2024-03-01', validFrom: '2024-03-01' };
    await walk(
      `mutation($input: CreditEntryInput!) { addCreditEntry(input: $input) { id decidedBy { code } } }`,
      // The other publisher claims Xining's decision; the right one names its own department.
      () => ({ input: { ...entry, decidedByCode: 'GOV-630100' } }),
      ['PUBLISHER'],
      ['credit_entry'],
    );
    expect(await app.query('select decided_by_code from credit_entry where credit_code = ?', [code])).toEqual([{ decided_by_code: 'GOV-630100' }]);
  });

  it('revokeCreditEntry: only the deciding department', async () => {
    const code = await subject();
    const [row] = await app.query<{ entry_id: number }>(
      `insert into credit_entry (list, credit_code, reason, legal_basis, decided_by_code, decided_on, valid_from, measures)
       values ('BLACK', ?, '虚假材料', '依据', 'GOV-630100', '2024-01-02', '2024-01-02', '[]') returning entry_id`,
      [code],
    );
    await walk(
      `mutation($id: ID!) { revokeCreditEntry(id: $id, revokedOn: "2024-06-03", reason: "复议撤销") { revokedOn } }`,
      () => ({ id: gid('CreditEntry', row!.entry_id) }),
      ['PUBLISHER'],
      ['credit_entry'],
    );
  });
});

describe('catalogue, departments and calendar: ADMIN only', () => {
  it('adjustCatalogueItem', async () => {
    let day = 10;
    await walk(
      `mutation($from: Date!) { adjustCatalogueItem(domain: HOUSING, category: "ALLOCATION", regionCode: "630000", input: { supervisionChannel: "12345 政务服务便民热线" }, validFrom: $from) { version } }`,
      // Ahead of today (a catalogue change takes effect on a later day), within the year ahead the input rules allow.
      () => ({ from: new Date(Date.now() + (30 + day++) * 86_400_000).toISOString().slice(0, 10) }),
      ['ADMIN'],
      ['catalogue_item', 'disclosure'],
    );
  });

  it('updateDepartment', async () => {
    await walk(
      `mutation { updateDepartment(code: "GOV-630100", input: { shortName: "西宁市" }) { shortName } }`,
      () => ({}),
      ['ADMIN'],
      ['department'],
    );
  });

  it('importHolidaySchedule', async () => {
    await walk(
      `mutation($file: JSONObject!) { importHolidaySchedule(file: $file) { outcome } }`,
      () => ({ file: { year: 2028, papers: [], days: [{ name: '元旦', date: '2028-01-03', isOffDay: true }] } }),
      ['ADMIN'],
      ['holiday_year', 'holiday_day', 'disclosure', 'disclosure_request'],
    );
  });
});

describe('requests for disclosure: only the department asked', () => {
  const RECEIVE = `mutation { receiveDisclosureRequest(input: { receivedOn: "2025-03-03", requesterKind: LEGAL_PERSON, content: "申请公开某项目招标文件", departmentCode: "GOV-630100" }) { id } }`;

  async function received(): Promise<string> {
    const body = await as('PUBLISHER', RECEIVE);
    expect(body.errors).toBeUndefined();
    return (body.data as any).receiveDisclosureRequest.id;
  }

  it('receiveDisclosureRequest', async () => {
    await walk(RECEIVE, () => ({}), ['PUBLISHER'], ['disclosure_request']);
  });

  it('extendDisclosureRequest', async () => {
    const id = await received();
    await walk(`mutation($id: ID!) { extendDisclosureRequest(id: $id, extendedOn: "2025-03-20", reason: "需征求第三方意见") { dueOn } }`, () => ({ id }), ['PUBLISHER'], [
      'disclosure_request',
    ]);
  });

  it('answerDisclosureRequest', async () => {
    const id = await received();
    await walk(`mutation($id: ID!) { answerDisclosureRequest(id: $id, answeredOn: "2025-03-25", outcome: DISCLOSED) { outcome } }`, () => ({ id }), ['PUBLISHER'], [
      'disclosure_request',
    ]);
  });
});

describe('auditEntries: SUPERVISOR only', () => {
  it('refuses every other role, and shows the supervisor the trail', async () => {
    const query = `{ auditEntries(first: 100) { totalCount edges { node { action who { role } } } } }`;
    for (const who of ['PUBLIC', 'PUBLISHER', 'OTHER_PUBLISHER', 'ADMIN'] as Who[]) {
      const body = await as(who, query);
      expect(body.errors?.[0]?.extensions?.code, who).toBe(who === 'PUBLIC' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(body.data?.auditEntries ?? null).toBeNull();
    }
    const body = await as('SUPERVISOR', query);
    expect(body.errors).toBeUndefined();
    const [{ n }] = await app.query<{ n: number }>('select count(*)::int as n from audit_entry');
    expect((body.data as any).auditEntries.totalCount).toBe(n);
    expect(n).toBeGreaterThan(0);
  });
});
