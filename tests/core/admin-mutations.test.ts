/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are checked against SQL, not typed */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/kernel/viewer.js';
import { makeCreditCode } from '../../src/kernel/scalars/credit-code.js';
import { loadReferenceData } from '../../src/seeders/reference-data.js';
import { startTestApp, type GraphQLResponse, type TestApp } from '../helpers/database.js';
import { nthWorkingDayAfter } from '../helpers/official-calendar.js';
import { tableState } from '../helpers/table-state.js';

let app: TestApp;
let admin: string;
let supervisor: string;
let finance: string;
let xining: string;

beforeAll(async () => {
  app = await startTestApp({ demo: false });
  await loadReferenceData(app.database.orm.em.fork());
  [admin, supervisor, finance, xining] = await Promise.all([
    app.tokenFor(Role.ADMIN),
    app.tokenFor(Role.SUPERVISOR),
    app.tokenFor(Role.PUBLISHER, 'QH-FINANCE'),
    app.tokenFor(Role.PUBLISHER, 'GOV-630100'),
  ]);
}, 60_000);

afterAll(async () => {
  await app?.close();
});

async function ok(query: string, variables: Record<string, unknown>, token: string): Promise<Record<string, any>> {
  const { body } = await app.graphql(query, variables, { token });
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data as Record<string, any>;
}

type GraphQLErrorBody = NonNullable<GraphQLResponse['body']['errors']>[number];

/** The request is refused with `code`, and the tables are exactly as before. */
async function refused(query: string, variables: Record<string, unknown>, token: string | undefined, code: string, tables: string[]): Promise<GraphQLErrorBody> {
  const before = await tableState(app, [...tables, 'audit_entry']);
  const { body } = await app.graphql(query, variables, token ? { token } : {});
  expect(body.errors?.[0]?.extensions?.code, JSON.stringify(body.errors)).toBe(code);
  expect(await tableState(app, [...tables, 'audit_entry'])).toEqual(before);
  return body.errors![0]!;
}

let serial = 0;
function creditCode(region = '630100'): string {
  serial++;
  return makeCreditCode(`91${region}MA${String(700000 + serial).padStart(7, '0')}`);
}

const UPSERT = `mutation($inputs: [SubjectInput!]!) { upsertSubjects(inputs: $inputs) { creditCode name kind region { code } legalRepresentative creditLevel } }`;

describe('upsertSubjects', () => {
  it('adds and then updates subjects, audited with before and after', async () => {
    const a = creditCode();
    const b = creditCode('632200');
    const added = await ok(UPSERT, { inputs: [
      { creditCode: a, name: '青海测试建设有限公司', kind: 'ENTERPRISE', regionCode: '630100', legalRepresentative: '王五', creditLevel: 'AA' },
      { creditCode: b, name: '海北测试合作社', kind: 'OTHER' },
    ] }, finance);
    expect(added.upsertSubjects.map((s: { creditCode: string }) => s.creditCode)).toEqual([a, b]);
    const updated = await ok(UPSERT, { inputs: [{ creditCode: a, name: '青海测试建设集团有限公司', kind: 'ENTERPRISE', regionCode: '630100', creditLevel: 'AAA' }] }, admin);
    // A field left out (legalRepresentative) keeps its value.
    expect(updated.upsertSubjects[0]).toMatchObject({ name: '青海测试建设集团有限公司', creditLevel: 'AAA', legalRepresentative: '王五', region: { code: '630100' } });
    const read = await ok(`query($c: CreditCode!) { subject(creditCode: $c) { name creditLevel } }`, { c: a }, admin);
    expect(read.subject).toEqual({ name: '青海测试建设集团有限公司', creditLevel: 'AAA' });
    const rows = await app.query<{ name: string; region_code: string | null }>('select name, region_code from subject where credit_code in (?, ?) order by credit_code = ? desc', [a, b, a]);
    expect(rows).toEqual([{ name: '青海测试建设集团有限公司', region_code: '630100' }, { name: '海北测试合作社', region_code: null }]);
    const audit = await app.query<{ action: string; role: string; before: { name: string } | null; after: { name: string } }>(
      `select action, role, before, after from audit_entry where entity = 'Subject' and entity_key = ? order by id`, [a],
    );
    expect(audit.map((e) => [e.action, e.role, e.before?.name ?? null, e.after.name])).toEqual([
      ['upsertSubjects', 'PUBLISHER', null, '青海测试建设有限公司'],
      ['upsertSubjects', 'ADMIN', '青海测试建设有限公司', '青海测试建设集团有限公司'],
    ]);
  });

  it('refuses an invalid credit code at the variable, naming it', async () => {
    const good = creditCode();
    const wrongCheck = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    for (const code of [wrongCheck, '91630100MA00000', '91630100MA000000I0']) {
      const error = await refused(UPSERT, { inputs: [{ creditCode: code, name: '甲', kind: 'ENTERPRISE' }] }, finance, 'BAD_USER_INPUT', ['subject']);
      expect(error.message).toMatch(/creditCode/);
    }
  });

  it('keeps a natural person\'s identity number and phone, checked, and shows them to no one without the right', async () => {
    const person = makeCreditCode(`92630100MA${String(800000 + ++serial).padStart(7, '0')}`);
    // 11010519491231002X: the worked example of GB 11643-1999 (check character X).
    await ok(UPSERT, { inputs: [{ creditCode: person, name: '张三', kind: 'NATURAL_PERSON', idNumber: '11010519491231002x', contactPhone: '0971-1234567' }] }, finance);
    expect(await app.query('select id_number, contact_phone from subject where credit_code = ?', [person])).toEqual([
      { id_number: '11010519491231002X', contact_phone: '0971-1234567' },
    ]);
    const q = `query($c: CreditCode!) { subject(creditCode: $c) { idNumber contactPhone } }`;
    expect((await app.graphql(q, { c: person })).body.data).toEqual({ subject: { idNumber: null, contactPhone: null } });
    expect((await app.graphql(q, { c: person }, { token: supervisor })).body.data).toEqual({
      subject: { idNumber: '11010519491231002X', contactPhone: '0971-1234567' },
    });
    const error = await refused(UPSERT, { inputs: [
      { creditCode: creditCode(), name: '李四', kind: 'NATURAL_PERSON', idNumber: '110105194912310021' },
      { creditCode: creditCode(), name: '某公司', kind: 'ENTERPRISE', idNumber: '11010519491231002X' },
      { creditCode: creditCode(), name: '王五', kind: 'NATURAL_PERSON', contactPhone: 'call me' },
    ] }, finance, 'BAD_USER_INPUT', ['subject']);
    expect((error.extensions!.issues as { path: string; code: string }[]).map((i) => [i.path, i.code])).toEqual([
      ['inputs[0].idNumber', 'INVALID_ID_NUMBER'],
      ['inputs[1].idNumber', 'NOT_ALLOWED'],
      ['inputs[2].contactPhone', 'INVALID_PHONE'],
    ]);
  });

  it('reports every problem of a list, and writes none of it', async () => {
    const good = creditCode();
    const dup = creditCode();
    const error = await refused(UPSERT, { inputs: [
      { creditCode: good, name: '好的公司', kind: 'ENTERPRISE' },
      { creditCode: dup, name: '  ', kind: 'ENTERPRISE', regionCode: '110000' },
      { creditCode: dup, name: '名'.repeat(201), kind: 'ENTERPRISE' },
    ] }, finance, 'BAD_USER_INPUT', ['subject']);
    expect(error.extensions!.field).toBe('inputs[1].name');
    expect((error.extensions!.issues as { path: string; code: string }[]).map((i) => [i.path, i.code])).toEqual([
      ['inputs[1].name', 'BLANK'],
      ['inputs[1].regionCode', 'UNKNOWN_REGION'],
      ['inputs[2].creditCode', 'DUPLICATE'],
      ['inputs[2].name', 'TOO_LONG'],
    ]);
  });
});

const ADD_ENTRY = `mutation($input: CreditEntryInput!) { addCreditEntry(input: $input) { id list reason decidedBy { code } decidedOn validFrom validUntil measures { kind description } revokedOn status subject { creditCode creditStatus } } }`;
const REVOKE = `mutation($id: ID!, $on: Date!, $reason: String!) { revokeCreditEntry(id: $id, revokedOn: $on, reason: $reason) { id revokedOn revocationReason status } }`;

describe('credit entries', () => {
  let subject: string;
  beforeAll(async () => {
    subject = creditCode();
    await ok(UPSERT, { inputs: [{ creditCode: subject, name: '失信测试公司', kind: 'ENTERPRISE', regionCode: '630100' }] }, admin);
  });

  const entry = () => ({
    list: 'BLACK',
    subjectCreditCode: subject,
    reason: '提供虚假材料谋取中标',
    legalBasis: '《中华人民共和国政府采购法》第七十七条',
    decidedOn: '2024-05-06',
    validFrom: '2024-05-07',
    validUntil: '2027-05-06',
    measures: [{ kind: 'PUNISHMENT', description: '三年内禁止参加政府采购活动' }],
  });

  it('adds an entry decided by the caller\'s department, and revokes it once; the entry stays, marked', async () => {
    const added = (await ok(ADD_ENTRY, { input: entry() }, finance)).addCreditEntry;
    expect(added).toMatchObject({ list: 'BLACK', decidedBy: { code: 'QH-FINANCE' }, validUntil: '2027-05-06', revokedOn: null, subject: { creditCode: subject } });
    const [row] = await app.query<{ decided_by_code: string; measures: unknown }>('select decided_by_code, measures from credit_entry where credit_code = ?', [subject]);
    expect(row).toEqual({ decided_by_code: 'QH-FINANCE', measures: [{ kind: 'PUNISHMENT', description: '三年内禁止参加政府采购活动' }] });

    const revoked = (await ok(REVOKE, { id: added.id, on: '2024-09-02', reason: '行政复议撤销原处罚决定' }, finance)).revokeCreditEntry;
    expect(revoked).toEqual({ id: added.id, revokedOn: '2024-09-02', revocationReason: '行政复议撤销原处罚决定', status: 'REVOKED' });
    const rows = await app.query('select revoked_on::text, revocation_reason from credit_entry where credit_code = ?', [subject]);
    expect(rows).toEqual([{ revoked_on: '2024-09-02', revocation_reason: '行政复议撤销原处罚决定' }]);
    await refused(REVOKE, { id: added.id, on: '2024-09-03', reason: '再次撤销' }, finance, 'CONFLICT', ['credit_entry']);
    const key = Buffer.from(added.id, 'base64url').toString().split(':')[1];
    const audit = await app.query<{ action: string }>(`select action from audit_entry where entity = 'CreditEntry' and entity_key = ? order by id`, [key]);
    expect(audit.map((a) => a.action)).toEqual(['addCreditEntry', 'revokeCreditEntry']);
  });

  it('refuses incoherent dates, an unknown subject and blank text, listing each, and an unknown basis record; writing nothing', async () => {
    const error = await refused(ADD_ENTRY, { input: { ...entry(), subjectCreditCode: creditCode(), reason: ' ', validUntil: '2024-05-01' } }, finance, 'BAD_USER_INPUT', ['credit_entry']);
    expect((error.extensions!.issues as { path: string }[]).map((i) => i.path)).toEqual(['input.reason', 'input.validUntil', 'input.subjectCreditCode']);
    // A record named and absent (or hidden from the caller: tests/access/access-hardening.test.ts) is NOT_FOUND.
    const basis = await refused(ADD_ENTRY, { input: { ...entry(), basisRecordId: 'RGlzY2xvc3VyZTo5OTk5OTk' } }, finance, 'NOT_FOUND', ['credit_entry']);
    expect(basis.extensions!.field).toBe('input.basisRecordId');
  });

  it('refuses a revocation dated before the decision', async () => {
    const added = (await ok(ADD_ENTRY, { input: { ...entry(), list: 'RED', measures: [] } }, finance)).addCreditEntry;
    const error = await refused(REVOKE, { id: added.id, on: '2024-05-01', reason: '撤销' }, finance, 'BAD_USER_INPUT', ['credit_entry']);
    expect(error.extensions!.field).toBe('revokedOn');
  });
});

const ADJUST = `mutation($itemId: ID, $domain: Domain, $category: String, $regionCode: String, $input: CatalogueItemAdjustment!, $validFrom: Date!) {
  adjustCatalogueItem(itemId: $itemId, domain: $domain, category: $category, regionCode: $regionCode, input: $input, validFrom: $validFrom) {
    id version validFrom validUntil region { code } timeLimit { amount unit basis } channels contentElements } }`;

describe('adjustCatalogueItem', () => {
  it('closes the current version, adds the next, and recomputes exactly the deadlines whose clock started on or after validFrom', async () => {
    const [current] = await app.query<{ item_id: number; version: number; valid_from: string; time_limit_amount: number }>(
      `select item_id, version, valid_from::text, time_limit_amount from catalogue_item
        where domain = 'GOVERNMENT_PROCUREMENT' and category = 'RESULT' and region_code = '630000' and valid_until is null`,
    );
    expect(current!.time_limit_amount).toBe(2);
    // Records of the category in Xining and Haibei (no item of their own: the province's applies) and one of another category;
    // their stored deadlines are the 2-working-day (or 20) count, as the app would have stored them.
    const records: [string, string, string, string | null][] = [
      ['RESULT', '630100', '2024-09-27', null], // clock before validFrom: keeps 2 days
      ['RESULT', '630100', '2024-09-30', null], // the day before: keeps
      ['RESULT', '630100', '2024-10-08', null], // on validFrom: 5 days
      ['RESULT', '632200', '2024-12-30', null], // after, another prefecture: 5 days
      ['RESULT', '630100', '2024-09-20', '2024-10-09'], // formed before, revised after: the clock restarted, 5 days
      ['CONTRACT', '630100', '2024-10-10', null], // another category: untouched
    ];
    const ids: number[] = [];
    for (const [category, region, formed, changed] of records) {
      const start = changed ?? formed;
      const [row] = await app.query<{ id: number }>(
        `insert into disclosure (domain, category, title, region_code, publisher_code, formed_on, deadline, status)
         values ('GOVERNMENT_PROCUREMENT', ?, '目录调整测试', ?, 'QH-FINANCE', ?, ?, 'PENDING') returning id`,
        [category, region, formed, nthWorkingDayAfter(start, 2)],
      );
      ids.push(row!.id);
      if (changed) {
        await app.query(`insert into disclosure_revision (disclosure_id, version, changed_on, reason, title, formed_on, snapshot) values (?, 1, ?, '更正', '目录调整测试', ?, '{}')`, [row!.id, changed, formed]);
      }
    }
    const othersBefore = await app.query<{ sum: string }>(`select md5(string_agg(id || ':' || deadline, ',' order by id)) as sum from disclosure where not (id = any(?::int[]))`, [`{${ids.join(',')}}`]);

    const itemId = Buffer.from(`CatalogueItem:${current!.item_id}`).toString('base64url');
    const basis = '青海省政府采购管理办法（试行）第二十条';
    const data = await ok(ADJUST, { itemId, input: { timeLimit: { amount: 5, unit: 'WORKING_DAYS', basis } }, validFrom: '2024-10-08' }, admin);
    expect(data.adjustCatalogueItem).toMatchObject({ version: current!.version + 1, validFrom: '2024-10-08', validUntil: null, region: { code: '630000' }, timeLimit: { amount: 5, unit: 'WORKING_DAYS', basis } });
    const versions = await app.query(`select version, valid_from::text, valid_until::text, time_limit_amount from catalogue_item
      where domain = 'GOVERNMENT_PROCUREMENT' and category = 'RESULT' and region_code = '630000' order by version`);
    expect(versions.slice(-2)).toEqual([
      { version: current!.version, valid_from: current!.valid_from, valid_until: '2024-10-07', time_limit_amount: 2 },
      { version: current!.version + 1, valid_from: '2024-10-08', valid_until: null, time_limit_amount: 5 },
    ]);

    const expected = records.map(([category, , formed, changed]) => {
      const start = changed ?? formed;
      return nthWorkingDayAfter(start, category === 'RESULT' && start >= '2024-10-08' ? 5 : 2);
    });
    const stored = await app.query<{ id: number; deadline: string }>('select id, deadline::text from disclosure where id = any(?::int[]) order by id', [`{${ids.join(',')}}`]);
    expect(stored.map((r) => r.deadline)).toEqual(expected);
    // 2024-10-08 + 5 working days: National Day ends on the 7th; the 12th (Saturday) is a make-up working day.
    expect(expected[2]).toBe('2024-10-14');
    const othersAfter = await app.query<{ sum: string }>(`select md5(string_agg(id || ':' || deadline, ',' order by id)) as sum from disclosure where not (id = any(?::int[]))`, [`{${ids.join(',')}}`]);
    expect(othersAfter).toEqual(othersBefore);

    // The adjusted version is now the only current one: adjusting the old id again is stale.
    const oldId = itemId;
    await refused(ADJUST, { itemId: oldId, input: { channels: ['GOVERNMENT_WEBSITE'] }, validFrom: '2025-01-01' }, admin, 'CONFLICT', ['catalogue_item', 'disclosure']);
  });

  it('gives a prefecture its own item, starting from the province\'s, by domain, category and region', async () => {
    const data = await ok(ADJUST, { domain: 'LAND_TRANSFER', category: 'DEAL', regionCode: '630100', input: { contentElements: ['地块位置', '成交价格', '受让人'] }, validFrom: '2025-01-01' }, admin);
    expect(data.adjustCatalogueItem).toMatchObject({ version: 1, region: { code: '630100' }, contentElements: ['地块位置', '成交价格', '受让人'], validUntil: null });
    const province = await app.query(`select count(*)::int as n from catalogue_item where domain = 'LAND_TRANSFER' and category = 'DEAL' and region_code = '630000' and valid_until is null`);
    expect(province).toEqual([{ n: 1 }]);
  });

  it('refuses bad adjustments, naming the field, writing nothing', async () => {
    const tables = ['catalogue_item', 'disclosure'];
    const unknown = await refused(ADJUST, { domain: 'HOUSING', category: 'NO_SUCH', regionCode: '630000', input: { item: '甲' }, validFrom: '2025-01-01' }, admin, 'BAD_USER_INPUT', tables);
    expect(unknown.extensions!.field).toBe('category');
    const negative = await refused(ADJUST, { domain: 'HOUSING', category: 'ALLOCATION', regionCode: '630000', input: { timeLimit: { amount: -3, unit: 'WORKING_DAYS', basis: ' ' }, channels: [] }, validFrom: '2025-01-01' }, admin, 'BAD_USER_INPUT', tables);
    expect((negative.extensions!.issues as { path: string }[]).map((i) => i.path)).toEqual(['input.channels', 'input.timeLimit.amount', 'input.timeLimit.basis']);
    const nonNumeric = await refused(ADJUST, { domain: 'HOUSING', category: 'ALLOCATION', regionCode: '630000', input: { timeLimit: { amount: 'ten', unit: 'WORKING_DAYS', basis: '甲' } }, validFrom: '2025-01-01' }, admin, 'BAD_USER_INPUT', tables);
    expect(nonNumeric.message).toMatch(/amount/);
    const early = await refused(ADJUST, { domain: 'HOUSING', category: 'ALLOCATION', regionCode: '630000', input: { item: '保障性住房分配结果' }, validFrom: '2000-01-01' }, admin, 'BAD_USER_INPUT', tables);
    expect(early.extensions!.field).toBe('validFrom');
    const neither = await refused(ADJUST, { input: { item: '甲' }, validFrom: '2025-01-01' }, admin, 'BAD_USER_INPUT', tables);
    expect(neither.extensions!.field).toBe('itemId');
  });
});

const RECEIVE = `mutation($input: DisclosureRequestInput!) { receiveDisclosureRequest(input: $input) { id receivedOn deadline deadlineProvisional dueOn extension { extendedOn deadline reason } answeredOn outcome department { code } } }`;
const EXTEND = `mutation($id: ID!, $on: Date!, $reason: String!) { extendDisclosureRequest(id: $id, extendedOn: $on, reason: $reason) { id dueOn extension { extendedOn deadline provisional reason } } }`;
const ANSWER = `mutation($id: ID!, $on: Date!, $outcome: RequestOutcome!) { answerDisclosureRequest(id: $id, answeredOn: $on, outcome: $outcome) { id answeredOn outcome overdue } }`;

describe('the lifecycle of a request for disclosure', () => {
  const request = { receivedOn: '2025-09-22', requesterKind: 'NATURAL_PERSON', content: '申请公开某小区保障性住房分配名单', departmentCode: 'GOV-630100', domain: 'HOUSING' };

  it('receives with the 20-working-day deadline, extends once by 20 more, answers once', async () => {
    const received = (await ok(RECEIVE, { input: request }, xining)).receiveDisclosureRequest;
    // Independently: 20 working days after 22 September 2025, across National Day and Mid-Autumn (1–8 October; 28 Sept and 11 Oct worked).
    const due = nthWorkingDayAfter('2025-09-22', 20);
    expect(received).toMatchObject({ receivedOn: '2025-09-22', deadline: due, deadlineProvisional: false, dueOn: due, extension: null, answeredOn: null, department: { code: 'GOV-630100' } });

    const tables = ['disclosure_request'];
    const blank = await refused(EXTEND, { id: received.id, on: '2025-10-09', reason: '   ' }, xining, 'BAD_USER_INPUT', tables);
    expect(blank.extensions!.field).toBe('reason');
    const late = await refused(EXTEND, { id: received.id, on: nthWorkingDayAfter(due, 1), reason: '需要协调' }, xining, 'BAD_USER_INPUT', tables);
    expect(late.extensions!.field).toBe('extendedOn');
    await refused(EXTEND, { id: received.id, on: '2025-10-09', reason: '需要协调' }, finance, 'FORBIDDEN', tables);

    const extended = (await ok(EXTEND, { id: received.id, on: '2025-10-09', reason: '涉及第三方权益，需书面征求意见' }, xining)).extendDisclosureRequest;
    const extendedDue = nthWorkingDayAfter(due, 20);
    expect(extended).toMatchObject({ dueOn: extendedDue, extension: { extendedOn: '2025-10-09', deadline: extendedDue, provisional: false, reason: '涉及第三方权益，需书面征求意见' } });
    const again = await refused(EXTEND, { id: received.id, on: '2025-10-10', reason: '再次延长' }, xining, 'CONFLICT', tables);
    expect(again.message).toMatch(/once only/);

    const early = await refused(ANSWER, { id: received.id, on: '2025-09-21', outcome: 'DISCLOSED' }, xining, 'BAD_USER_INPUT', tables);
    expect(early.extensions!.field).toBe('answeredOn');
    const answered = (await ok(ANSWER, { id: received.id, on: '2025-11-03', outcome: 'PARTLY_DISCLOSED' }, xining)).answerDisclosureRequest;
    expect(answered).toMatchObject({ answeredOn: '2025-11-03', outcome: 'PARTLY_DISCLOSED', overdue: false });
    await refused(ANSWER, { id: received.id, on: '2025-11-04', outcome: 'DISCLOSED' }, xining, 'CONFLICT', tables);

    const key = String(Buffer.from(received.id, 'base64url').toString().split(':')[1]);
    const [row] = await app.query('select deadline::text, extended_on::text, extended_deadline::text, answered_on::text, outcome from disclosure_request where request_id = ?', [Number(key)]);
    expect(row).toEqual({ deadline: due, extended_on: '2025-10-09', extended_deadline: extendedDue, answered_on: '2025-11-03', outcome: 'PARTLY_DISCLOSED' });
    const audit = await app.query<{ action: string }>(`select action from audit_entry where entity = 'DisclosureRequest' and entity_key = ? order by id`, [key]);
    expect(audit.map((a) => a.action)).toEqual(['receiveDisclosureRequest', 'extendDisclosureRequest', 'answerDisclosureRequest']);
  });

  it('surfaces the table\'s CHECK constraints as BAD_USER_INPUT, and refuses dates in the future', async () => {
    const blank = await refused(RECEIVE, { input: { ...request, content: ' \n ' } }, xining, 'BAD_USER_INPUT', ['disclosure_request']);
    expect(blank.extensions).toMatchObject({ field: 'input.content', issues: [{ path: 'input.content', code: 'CONSTRAINT' }] });
    const future = await refused(RECEIVE, { input: { ...request, receivedOn: '2099-01-01' } }, xining, 'BAD_USER_INPUT', ['disclosure_request']);
    expect(future.extensions!.field).toBe('input.receivedOn');
    await refused(RECEIVE, { input: { ...request, content: '内'.repeat(5001) } }, xining, 'BAD_USER_INPUT', ['disclosure_request']);
    await refused(RECEIVE, { input: { ...request, departmentCode: 'QH-FINANCE' } }, xining, 'FORBIDDEN', ['disclosure_request']);
    await refused(ANSWER, { id: Buffer.from('DisclosureRequest:999999').toString('base64url'), on: '2025-01-01', outcome: 'DISCLOSED' }, xining, 'NOT_FOUND', ['disclosure_request']);
    await refused(ANSWER, { id: 'bm90LWFuLWlk', on: '2025-01-01', outcome: 'DISCLOSED' }, xining, 'BAD_USER_INPUT', ['disclosure_request']);
  });
});

describe('departments and the calendar', () => {
  it('renames a department, and this process shows the new name at once', async () => {
    await ok('{ departments { code name } }', {}, admin); // fills the reference snapshot
    const data = await ok(`mutation { updateDepartment(code: "QH-FINANCE", input: { name: "青海省财政厅（测试更名）" }) { code name shortName } }`, {}, admin);
    expect(data.updateDepartment).toMatchObject({ code: 'QH-FINANCE', name: '青海省财政厅（测试更名）' });
    const listed = await ok('{ departments { code name } }', {}, admin);
    expect(listed.departments.find((d: { code: string }) => d.code === 'QH-FINANCE').name).toBe('青海省财政厅（测试更名）');
    expect(await app.query(`select name from department where code = 'QH-FINANCE'`)).toEqual([{ name: '青海省财政厅（测试更名）' }]);
    const blank = await refused(`mutation { updateDepartment(code: "QH-FINANCE", input: { shortName: "" }) { code } }`, {}, admin, 'BAD_USER_INPUT', ['department']);
    expect(blank.extensions!.field).toBe('input.shortName');
    await refused(`mutation { updateDepartment(code: "QH-NOPE", input: { name: "甲" }) { code } }`, {}, admin, 'NOT_FOUND', ['department']);
  });

  const IMPORT = `mutation($file: JSONObject!) { importHolidaySchedule(file: $file) { year outcome deadlinesChanged requestDeadlinesChanged } }`;
  const year2027 = {
    year: 2027,
    papers: ['https://www.gov.cn/example-2027'],
    days: [
      { name: '元旦', date: '2027-01-01', isOffDay: true },
      { name: '春节', date: '2027-02-08', isOffDay: true },
      { name: '春节', date: '2027-02-09', isOffDay: true },
      { name: '春节', date: '2027-02-20', isOffDay: false },
    ],
  };

  it('imports a year of the holiday schedule and recomputes what it moves; a bad file names the day and writes nothing', async () => {
    const tables = ['holiday_year', 'holiday_day', 'disclosure', 'disclosure_request'];
    const bad = await refused(IMPORT, { file: { ...year2027, days: [year2027.days[0], { name: '春节', date: '2027-02-30', isOffDay: true }] } }, admin, 'BAD_USER_INPUT', tables);
    expect(bad.extensions!.field).toBe('file.days[1].date');
    const noYear = await refused(IMPORT, { file: { days: [] } }, admin, 'BAD_USER_INPUT', tables);
    expect(noYear.extensions!.field).toBe('file.year');

    const data = await ok(IMPORT, { file: year2027 }, admin);
    expect(data.importHolidaySchedule).toMatchObject({ year: 2027, outcome: 'ADDED' });
    expect(await app.query(`select date::text, kind from holiday_day where schedule_year = 2027 order by date`)).toEqual([
      { date: '2027-01-01', kind: 'OFF_DAY' },
      { date: '2027-02-08', kind: 'OFF_DAY' },
      { date: '2027-02-09', kind: 'OFF_DAY' },
      { date: '2027-02-20', kind: 'MAKE_UP_WORKDAY' },
    ]);
    const again = await ok(IMPORT, { file: year2027 }, admin);
    expect(again.importHolidaySchedule).toMatchObject({ outcome: 'UNCHANGED', deadlinesChanged: 0 });
    expect(await app.query(`select action from audit_entry where entity = 'HolidayYear' and entity_key = '2027'`)).toEqual([{ action: 'importHolidaySchedule' }]);
  });
});

const AUDIT = `query($filter: AuditFilter, $first: Int, $after: String) { auditEntries(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id who { tokenId role departmentCode } when action entity entityKey before after } } } }`;

describe('auditEntries', () => {
  it('pages every write newest first, filtered, as SQL lists them', async () => {
    const expected = await app.query<{ id: string; action: string; entity_key: string }>(
      `select id::text, action, entity_key from audit_entry where department_code = 'GOV-630100' order by id desc`,
    );
    expect(expected.length).toBeGreaterThan(2);
    const seen: { action: string; entityKey: string }[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Record<string, any> = (await ok(AUDIT, { filter: { departmentCode: 'GOV-630100' }, first: 2, after }, supervisor)).auditEntries;
      expect(page.totalCount).toBe(expected.length);
      for (const edge of page.edges) {
        expect(edge.node.who).toMatchObject({ role: 'PUBLISHER', departmentCode: 'GOV-630100' });
        seen.push({ action: edge.node.action, entityKey: edge.node.entityKey });
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(Math.ceil(expected.length / 2));
    expect(seen).toEqual(expected.map((e) => ({ action: e.action, entityKey: e.entity_key })));
  });

  it('shows before and after as JSON', async () => {
    const data = await ok(AUDIT, { filter: { entity: 'Department', entityKey: 'QH-FINANCE', action: 'updateDepartment' } }, supervisor);
    const [edge] = data.auditEntries.edges;
    expect(edge.node.before).toMatchObject({ code: 'QH-FINANCE', name: '青海省财政厅' });
    expect(edge.node.after).toMatchObject({ code: 'QH-FINANCE', name: '青海省财政厅（测试更名）' });
    expect(edge.node.who.role).toBe('ADMIN');
    const none = await ok(AUDIT, { filter: { from: '2099-01-01T00:00:00Z' } }, supervisor);
    expect(none.auditEntries).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('refuses a foreign cursor', async () => {
    const { body } = await app.graphql(AUDIT, { after: 'WyJvdGhlciIsbnVsbCwxXQ' }, { token: supervisor });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
