/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are checked against SQL, not typed */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/kernel/viewer.js';
import { migrate } from '../../src/db/migrate.js';
import { makeCreditCode } from '../../src/kernel/scalars/credit-code.js';
import { loadReferenceData } from '../../src/seeders/reference-data.js';
import { startTestApp, type GraphQLResponse, type TestApp } from '../helpers/database.js';
import { tableState } from '../helpers/table-state.js';

/**
 * The access findings of issue 19, each over HTTP with real tokens, expectations read by plain SQL:
 * personal data only for the registering department and SUPERVISOR (3); a subject's master data changed
 * only by the department that registered it or ADMIN, and only the fields given (4); a record the caller
 * may not see is NOT_FOUND like an unknown id, everywhere a record id is taken (5); a deleted department's
 * tokens refused at authentication (6); and the migration that records who registered each subject.
 */
let app: TestApp;
const tokens: Record<'admin' | 'supervisor' | 'xining' | 'finance', string> = { admin: '', supervisor: '', xining: '', finance: '' };

const XINING = 'GOV-630100';
const FINANCE = 'QH-FINANCE';

beforeAll(async () => {
  app = await startTestApp({ demo: false });
  await loadReferenceData(app.database.orm.em.fork());
  tokens.admin = await app.tokenFor(Role.ADMIN);
  tokens.supervisor = await app.tokenFor(Role.SUPERVISOR);
  tokens.xining = await app.tokenFor(Role.PUBLISHER, XINING);
  tokens.finance = await app.tokenFor(Role.PUBLISHER, FINANCE);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

let serial = 0;
function creditCode(prefix = '91'): string {
  serial++;
  return makeCreditCode(`${prefix}630100MA${String(900000 + serial).padStart(7, '0')}`);
}

async function ok(query: string, variables: Record<string, unknown>, token?: string): Promise<Record<string, any>> {
  const { body } = await app.graphql(query, variables, { token });
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data as Record<string, any>;
}

type GraphQLErrorBody = NonNullable<GraphQLResponse['body']['errors']>[number];

/** The request is refused with `code`, and `tables` (the audit trail always among them) are exactly as before. */
async function refused(query: string, variables: Record<string, unknown>, token: string, code: string, tables: string[]): Promise<GraphQLErrorBody> {
  const before = await tableState(app, [...tables, 'audit_entry']);
  const { body } = await app.graphql(query, variables, { token });
  expect(body.errors?.[0]?.extensions?.code, JSON.stringify(body.errors)).toBe(code);
  expect(await tableState(app, [...tables, 'audit_entry'])).toEqual(before);
  return body.errors![0]!;
}

const UPSERT = `mutation($inputs: [SubjectInput!]!) { upsertSubjects(inputs: $inputs) { creditCode name } }`;
const PUBLISH = `mutation ($input: PublishDisclosureInput!) { publishDisclosure(input: $input) { id version } }`;
const REVISE = `mutation ($id: ID!, $version: Int!, $input: PublishDisclosureInput!) {
  reviseDisclosure(id: $id, version: $version, reason: "更正", input: $input) { id } }`;
const RETRACT = `mutation ($id: ID!, $version: Int!) { retractDisclosure(id: $id, version: $version, reason: "重复发布") { id } }`;
const ADD_PUBLICATIONS = `mutation ($id: ID!, $publications: [ChannelPublicationInput!]!) { addChannelPublications(id: $id, publications: $publications) { id } }`;
const ADD_ENTRY = `mutation($input: CreditEntryInput!) { addCreditEntry(input: $input) { id } }`;
const PERSONAL = `query($c: CreditCode!) { subject(creditCode: $c) { idNumber contactPhone } }`;

/** A 政府采购 · 采购结果 record naming `creditCode`; exempt (never public) unless `published`. */
function record(externalId: string, regionCode: string, creditCode: string, published: boolean) {
  return {
    externalId,
    domain: 'GOVERNMENT_PROCUREMENT',
    category: 'RESULT',
    title: `采购结果公告 ${externalId}`,
    regionCode,
    formedOn: '2025-04-01',
    amount: '5000.00',
    parties: [{ role: 'WINNER', creditCode }],
    ...(published
      ? { publishedOn: '2025-04-02', publications: [{ channel: 'GOVERNMENT_WEBSITE', publishedOn: '2025-04-02', url: 'https://czt.qinghai.gov.cn/1.html' }] }
      : { exemption: 'PERSONAL_PRIVACY', exemptionBasis: '《政府信息公开条例》第十五条' }),
    details: { procurementResult: { projectName: `项目 ${externalId}`, awardAmount: '5000.00', reviewExperts: [] } },
  };
}

async function enterprise(): Promise<string> {
  const code = creditCode();
  await app.query(`insert into subject (credit_code, name, kind, region_code) values (?, '访问加固测试公司', 'ENTERPRISE', '630100')`, [code]);
  return code;
}

/** `Type:key` of a global id. */
const decode = (id: string) => Buffer.from(id, 'base64url').toString('utf8').split(':') as [string, string];
const encode = (type: string, key: string | number) => Buffer.from(`${type}:${key}`).toString('base64url');

describe('personal data (finding 3)', () => {
  it("naming a natural person in a record, even an exempt one, does not show the person's 身份证号 or phone", async () => {
    const person = creditCode('92');
    // Registered outside the graph (as the seed does): no department recorded it.
    await app.query(`insert into subject (credit_code, name, kind, id_number, contact_phone) values (?, '张三', 'NATURAL_PERSON', '11010519491231002X', '0971-1234567')`, [person]);
    await ok(PUBLISH, { input: record('AH-P-1', '630000', person, false) }, tokens.finance);
    const named = await app.query<{ n: number }>(
      `select count(*)::int as n from disclosure_party p join disclosure d on d.id = p.disclosure_id where p.credit_code = ? and d.publisher_code = ?`,
      [person, FINANCE],
    );
    expect(named).toEqual([{ n: 1 }]);
    expect((await ok(PERSONAL, { c: person }, tokens.finance)).subject).toEqual({ idNumber: null, contactPhone: null });
    const [stored] = await app.query<{ id_number: string; contact_phone: string }>('select id_number, contact_phone from subject where credit_code = ?', [person]);
    expect((await ok(PERSONAL, { c: person }, tokens.supervisor)).subject).toEqual({ idNumber: stored!.id_number, contactPhone: stored!.contact_phone });
  });

  it('shows them to the department that registered the person and to SUPERVISOR only, whoever names the person', async () => {
    const person = creditCode('92');
    await ok(UPSERT, { inputs: [{ creditCode: person, name: '李四', kind: 'NATURAL_PERSON', idNumber: '11010519491231002X', contactPhone: '13909710000' }] }, tokens.xining);
    await ok(PUBLISH, { input: record('AH-P-2', '630000', person, false) }, tokens.finance);
    const [stored] = await app.query<{ id_number: string; contact_phone: string }>('select id_number, contact_phone from subject where credit_code = ?', [person]);
    const full = { idNumber: stored!.id_number, contactPhone: stored!.contact_phone };
    const none = { idNumber: null, contactPhone: null };
    expect((await ok(PERSONAL, { c: person }, tokens.xining)).subject).toEqual(full);
    expect((await ok(PERSONAL, { c: person }, tokens.supervisor)).subject).toEqual(full);
    expect((await ok(PERSONAL, { c: person }, tokens.finance)).subject).toEqual(none);
    expect((await ok(PERSONAL, { c: person }, tokens.admin)).subject).toEqual(none);
    expect((await ok(PERSONAL, { c: person })).subject).toEqual(none);
    // Nor through the record that names the person, nor through a list.
    const nested = await ok(
      `{ disclosures(filter: { creditCode: "${person}" }, first: 5) { edges { node { parties { subject { idNumber contactPhone } } } } }
         subjects(filter: { kind: NATURAL_PERSON }, first: 100) { edges { node { creditCode idNumber contactPhone } } } }`,
      {},
      tokens.finance,
    );
    expect(nested.disclosures.edges.map((e: any) => e.node.parties[0].subject)).toEqual([none]);
    expect(nested.subjects.edges.find((e: any) => e.node.creditCode === person).node).toMatchObject(none);
  });
});

describe('subject master data (finding 4)', () => {
  const full = (code: string) => ({
    creditCode: code,
    name: '青海加固建设工程有限公司',
    kind: 'ENTERPRISE',
    regionCode: '630100',
    legalRepresentative: '王五',
    creditLevel: 'AA',
    performanceCapacity: '良好',
    personnelReputation: '良好',
  });
  const columns = `name, kind, region_code, legal_representative, credit_level, performance_capacity, personnel_reputation, id_number, contact_phone`;
  const row = async (code: string) => (await app.query(`select ${columns} from subject where credit_code = ?`, [code]))[0]!;

  it("refuses another department's change to a subject, FORBIDDEN, writing nothing; the whole list with it", async () => {
    const code = creditCode();
    await ok(UPSERT, { inputs: [full(code)] }, tokens.xining);
    const error = await refused(UPSERT, { inputs: [{ creditCode: code, name: '改名公司', kind: 'ENTERPRISE' }] }, tokens.finance, 'FORBIDDEN', ['subject']);
    expect(error.message).toContain(code);
    // A list with a new subject and a foreign one: nothing of it is written.
    const fresh = creditCode();
    await refused(UPSERT, { inputs: [{ creditCode: fresh, name: '新公司', kind: 'ENTERPRISE' }, { creditCode: code, creditLevel: 'C' }] }, tokens.finance, 'FORBIDDEN', ['subject']);
    expect(await app.query('select 1 from subject where credit_code = ?', [fresh])).toEqual([]);
  });

  it('refuses every department a subject no department registered; ADMIN may change it', async () => {
    const code = await enterprise();
    await refused(UPSERT, { inputs: [{ creditCode: code, creditLevel: 'C' }] }, tokens.xining, 'FORBIDDEN', ['subject']);
    await ok(UPSERT, { inputs: [{ creditCode: code, creditLevel: 'B' }] }, tokens.admin);
    expect(await app.query('select name, credit_level from subject where credit_code = ?', [code])).toEqual([{ name: '访问加固测试公司', credit_level: 'B' }]);
  });

  it('changes only the fields given: a missing field keeps its value, an explicit null clears it', async () => {
    const code = creditCode();
    await ok(UPSERT, { inputs: [full(code)] }, tokens.xining);
    const before = await row(code);
    await ok(UPSERT, { inputs: [{ creditCode: code, creditLevel: 'AAA' }] }, tokens.xining);
    expect(await row(code)).toEqual({ ...before, credit_level: 'AAA' });
    await ok(UPSERT, { inputs: [{ creditCode: code, legalRepresentative: null }] }, tokens.xining);
    expect(await row(code)).toEqual({ ...before, credit_level: 'AAA', legal_representative: null });
    // The same written inline (the compiled path) rather than through variables.
    await ok(`mutation { upsertSubjects(inputs: [{ creditCode: "${code}", regionCode: null, name: "青海加固集团有限公司" }]) { creditCode } }`, {}, tokens.xining);
    expect(await row(code)).toEqual({ ...before, credit_level: 'AAA', legal_representative: null, region_code: null, name: '青海加固集团有限公司' });
    // ADMIN too changes only what it gives.
    await ok(UPSERT, { inputs: [{ creditCode: code, performanceCapacity: '一般' }] }, tokens.admin);
    expect(await row(code)).toMatchObject({ legal_representative: null, credit_level: 'AAA', performance_capacity: '一般', personnel_reputation: '良好' });
    const audit = await app.query<{ department_code: string | null; after: Record<string, unknown> }>(
      `select department_code, after from audit_entry where entity = 'Subject' and entity_key = ? order by id`,
      [code],
    );
    expect(audit.map((a) => [a.department_code, a.after.creditLevel, a.after.legalRepresentative])).toEqual([
      [XINING, 'AA', '王五'],
      [XINING, 'AAA', '王五'],
      [XINING, 'AAA', null],
      [XINING, 'AAA', null],
      [null, 'AAA', null],
    ]);
  });

  it('refuses a new subject without a name or kind, and a null name or kind on an update', async () => {
    const code = creditCode();
    const missing = await refused(UPSERT, { inputs: [{ creditCode: code, creditLevel: 'A' }] }, tokens.xining, 'BAD_USER_INPUT', ['subject']);
    expect((missing.extensions!.issues as { path: string; code: string }[]).map((i) => [i.path, i.code])).toEqual([
      ['inputs[0].name', 'REQUIRED'],
      ['inputs[0].kind', 'REQUIRED'],
    ]);
    await ok(UPSERT, { inputs: [full(code)] }, tokens.xining);
    const cleared = await refused(UPSERT, { inputs: [{ creditCode: code, name: null, kind: null }] }, tokens.xining, 'BAD_USER_INPUT', ['subject']);
    expect((cleared.extensions!.issues as { path: string }[]).map((i) => i.path)).toEqual(['inputs[0].name', 'inputs[0].kind']);
    // An identity number stays tied to a natural person: it cannot be kept across a change of kind.
    const person = creditCode('92');
    await ok(UPSERT, { inputs: [{ creditCode: person, name: '赵六', kind: 'NATURAL_PERSON', idNumber: '11010519491231002X' }] }, tokens.xining);
    const kind = await refused(UPSERT, { inputs: [{ creditCode: person, kind: 'ENTERPRISE' }] }, tokens.xining, 'BAD_USER_INPUT', ['subject']);
    expect(kind.extensions!.field).toBe('inputs[0].idNumber');
  });

  it('records which department registered a subject (null for ADMIN), by SQL', async () => {
    const [byFinance, byAdmin] = [creditCode(), creditCode()];
    await ok(UPSERT, { inputs: [{ creditCode: byFinance, name: '财政登记公司', kind: 'ENTERPRISE' }] }, tokens.finance);
    await ok(UPSERT, { inputs: [{ creditCode: byAdmin, name: '管理登记公司', kind: 'ENTERPRISE' }] }, tokens.admin);
    expect(await app.query('select credit_code, registered_by_code from subject where credit_code in (?, ?) order by credit_code', [byFinance, byAdmin])).toEqual(
      [
        { credit_code: byFinance, registered_by_code: FINANCE },
        { credit_code: byAdmin, registered_by_code: null },
      ].sort((a, b) => (a.credit_code < b.credit_code ? -1 : 1)),
    );
  });
});

describe('hidden records are NOT_FOUND, like an unknown id (finding 5)', () => {
  let winner: string;
  let hidden: { id: string; version: number };
  let open: { id: string; version: number };
  /** The same type's id with a key no record has. */
  let unknown: string;
  /** A message with the id it names taken out. */
  const shape = (message: string, id: string) => message.replace(id, '<id>');

  beforeAll(async () => {
    winner = await enterprise();
    hidden = (await ok(PUBLISH, { input: record('AH-H-1', '630000', winner, false) }, tokens.finance)).publishDisclosure;
    open = (await ok(PUBLISH, { input: record('AH-O-1', '630000', winner, true) }, tokens.finance)).publishDisclosure;
    unknown = encode(decode(hidden.id)[0], 999_999_999);
    const [visibility] = await app.query<{ hidden_public: boolean; open_public: boolean }>(
      `select bool_or(exemption = 'NONE' and published_on <= current_date) filter (where id = ?) as hidden_public,
              bool_or(exemption = 'NONE' and published_on <= current_date) filter (where id = ?) as open_public from disclosure`,
      [Number(decode(hidden.id)[1]), Number(decode(open.id)[1])],
    );
    expect(visibility).toEqual({ hidden_public: false, open_public: true });
  });

  const WRITTEN = ['disclosure', 'disclosure_party', 'disclosure_publication', 'disclosure_revision', 'procurement_result'];

  it('revise, retract and add publications: NOT_FOUND for another department, as for an unknown id; FORBIDDEN for a public record', async () => {
    const attempts: [string, (id: string, version: number) => Record<string, unknown>][] = [
      [REVISE, (id, version) => ({ id, version, input: record('AH-H-1', '630100', winner, false) })],
      [RETRACT, (id, version) => ({ id, version })],
      [ADD_PUBLICATIONS, (id) => ({ id, publications: [{ channel: 'GOVERNMENT_WEBSITE', publishedOn: '2025-04-03' }] })],
    ];
    for (const [mutation, variables] of attempts) {
      const none = await refused(mutation, variables(unknown, 1), tokens.xining, 'NOT_FOUND', WRITTEN);
      const secret = await refused(mutation, variables(hidden.id, hidden.version), tokens.xining, 'NOT_FOUND', WRITTEN);
      expect(shape(secret.message, hidden.id)).toBe(shape(none.message, unknown));
      expect(secret.message).not.toContain(FINANCE);
      // A public record's publisher is public: refused, and it may say whose it is.
      await refused(mutation, variables(open.id, open.version), tokens.xining, 'FORBIDDEN', WRITTEN);
    }
  });

  it("addCreditEntry: a basis record the caller may not see is NOT_FOUND, as an unknown id is; a visible one is accepted", async () => {
    const entry = { list: 'BLACK', subjectCreditCode: winner, reason: '提供虚假材料', legalBasis: '《政府采购法》第七十七条', decidedOn: '2025-05-06', validFrom: '2025-05-06' };
    const none = await refused(ADD_ENTRY, { input: { ...entry, basisRecordId: unknown } }, tokens.xining, 'NOT_FOUND', ['credit_entry']);
    const secret = await refused(ADD_ENTRY, { input: { ...entry, basisRecordId: hidden.id } }, tokens.xining, 'NOT_FOUND', ['credit_entry']);
    expect(shape(secret.message, hidden.id)).toBe(shape(none.message, unknown));
    expect(secret.extensions!.field).toBe('input.basisRecordId');
    // Another type's id with the record's number names no record.
    await refused(ADD_ENTRY, { input: { ...entry, basisRecordId: encode('CreditEntry', decode(hidden.id)[1]) } }, tokens.xining, 'NOT_FOUND', ['credit_entry']);
    await ok(ADD_ENTRY, { input: { ...entry, basisRecordId: open.id } }, tokens.xining);
    await ok(ADD_ENTRY, { input: { ...entry, basisRecordId: hidden.id } }, tokens.finance);
    expect(
      await app.query('select decided_by_code, basis_disclosure_id from credit_entry where credit_code = ? order by entry_id', [winner]),
    ).toEqual([
      { decided_by_code: XINING, basis_disclosure_id: Number(decode(open.id)[1]) },
      { decided_by_code: FINANCE, basis_disclosure_id: Number(decode(hidden.id)[1]) },
    ]);
  });
});

describe("a deleted department's tokens (finding 6)", () => {
  it('are refused with 401 UNAUTHENTICATED at authentication, for reads and writes, never a 500', async () => {
    const gone = 'QH-TEST-GONE';
    await app.query(`insert into department (code, name, short_name, kind, region_code) values (?, '测试撤销厅', '测试厅', 'PROVINCIAL_DEPARTMENT', '630000')`, [gone]);
    const token = await app.tokenFor(Role.PUBLISHER, gone);
    // Live while the department is: the token is remembered by the server.
    expect((await app.graphql('{ departments { code } }', {}, { token })).status).toBe(200);
    await app.query('delete from department where code = ?', [gone]);
    expect(await app.query('select count(*)::int as n from department where code = ?', [gone])).toEqual([{ n: 0 }]);
    const before = await tableState(app, ['subject', 'disclosure_request', 'audit_entry']);
    const attempts: [string, Record<string, unknown>][] = [
      ['{ departments { code } }', {}],
      [UPSERT, { inputs: [{ creditCode: creditCode(), name: '幽灵公司', kind: 'ENTERPRISE' }] }],
      [
        `mutation($input: DisclosureRequestInput!) { receiveDisclosureRequest(input: $input) { id } }`,
        { input: { receivedOn: '2025-04-01', requesterKind: 'CITIZEN', content: '申请公开', departmentCode: gone } },
      ],
    ];
    for (const [query, variables] of attempts) {
      const res = await app.graphql(query, variables, { token });
      expect(res.status, JSON.stringify(res.body)).toBe(401);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(await tableState(app, ['subject', 'disclosure_request', 'audit_entry'])).toEqual(before);
  });
});

describe('the registering department, backfilled from the audit trail (Migration20261129090000)', () => {
  it("is the department of the subject's first upsertSubjects entry when that entry created it; null otherwise", async () => {
    const registered = () => app.query<{ credit_code: string; registered_by_code: string | null }>('select credit_code, registered_by_code from subject order by credit_code');
    const before = await registered();
    expect(before.some((r) => r.registered_by_code !== null)).toBe(true);
    await app.database.orm.getMigrator().down({ to: 'Migration20261128170000' });
    const [created, adminFirst, updatedFirst, unaudited, departmentGone] = await Promise.all([1, 2, 3, 4, 5].map(() => enterprise()));
    const audit = (role: string, department: string | null, key: string, isNew: boolean) =>
      app.query(
        `insert into audit_entry (role, department_code, action, entity, entity_key, before, after)
         values (?, ?, 'upsertSubjects', 'Subject', ?, ?::json, '{}'::json)`,
        [role, department, key, isNew ? null : '{}'],
      );
    await audit('PUBLISHER', XINING, created!, true);
    await audit('PUBLISHER', FINANCE, created!, false);
    await audit('ADMIN', null, adminFirst!, true);
    await audit('PUBLISHER', FINANCE, adminFirst!, false);
    await audit('PUBLISHER', FINANCE, updatedFirst!, false);
    await audit('PUBLISHER', 'QH-TEST-GONE', departmentGone!, true);
    await migrate(app.database.orm);
    const after = new Map((await registered()).map((r) => [r.credit_code, r.registered_by_code]));
    expect([created, adminFirst, updatedFirst, unaudited, departmentGone].map((c) => after.get(c!))).toEqual([XINING, null, null, null, null]);
    // Every subject registered through the graph before gets the same department back.
    expect(before.map((r) => [r.credit_code, after.get(r.credit_code)])).toEqual(before.map((r) => [r.credit_code, r.registered_by_code]));
  });
});
