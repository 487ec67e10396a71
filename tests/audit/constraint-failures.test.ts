/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are checked against SQL, not typed */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/kernel/viewer.js';
import { makeCreditCode } from '../../src/kernel/scalars/credit-code.js';
import type { GraphQLResponse, TestApp } from '../helpers/database.js';
import { tableState } from '../helpers/table-state.js';
import { startWriteTestApp } from '../helpers/write-app.js';

/**
 * Every mutation family goes through one audited write (resolvers/audit/audited-write.ts): what PostgreSQL refuses
 * reaches the client as CONFLICT or BAD_USER_INPUT with a message it can act on, never INTERNAL_SERVER_ERROR, and
 * nothing of the write stays (no data row, no audit row: checked with plain SQL).
 *
 * The failures are PostgreSQL's own: a constraint added for the test and broken for real, or a trigger that raises the
 * SQLSTATE a constraint, a serialisation failure or a deadlock raises (`raise exception using errcode = …`), on the
 * table the family writes, before the row is written or, deferred, at commit.
 */
let app: TestApp;
let finance: string;
let code: string;
let admin: string;
let xining: string;

beforeAll(async () => {
  ({ app, finance, code } = await startWriteTestApp('constraint-failures'));
  [admin, xining] = await Promise.all([app.tokenFor(Role.ADMIN), app.tokenFor(Role.PUBLISHER, 'GOV-630100')]);
  await app.query(`create function gk_test_refuse() returns trigger language plpgsql as $$
    begin
      raise exception 'refused by the test (%)', tg_argv[0] using errcode = tg_argv[0], constraint = tg_argv[1], column = tg_argv[2];
    end $$`);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

interface Refusal {
  code: string;
  message: string;
  extensions: Record<string, unknown>;
}

/** The mutation fails with one error, and `tables` (and the audit trail) are exactly as before, row for row. */
async function refused(query: string, variables: Record<string, unknown>, token: string, tables: readonly string[]): Promise<Refusal> {
  const watched = [...tables, 'audit_entry'];
  const before = await tableState(app, watched);
  const { body }: GraphQLResponse = await app.graphql(query, variables, { token });
  expect(body.errors, JSON.stringify(body)).toHaveLength(1);
  expect(await tableState(app, watched)).toEqual(before);
  const [error] = body.errors!;
  return { code: String(error!.extensions?.code), message: error!.message, extensions: error!.extensions ?? {} };
}

interface Forced {
  /** The SQLSTATE raised. */
  sqlstate: string;
  constraint?: string;
  column?: string;
  /** The statements it fires on (`insert or update` unless given). */
  on?: string;
  /** Raised at commit (a deferred constraint trigger), after every statement of the write has run. */
  atCommit?: boolean;
}

/** While `work` runs, every write of `on` to `table` fails with `forced.sqlstate`. */
async function refusing<T>(table: string, forced: Forced, work: () => Promise<T>): Promise<T> {
  const args = [forced.sqlstate, forced.constraint ?? '', forced.column ?? ''].map((a) => `'${a}'`).join(', ');
  const on = forced.on ?? 'insert or update';
  await app.query(
    forced.atCommit
      ? `create constraint trigger gk_test_refuse after ${on} on ${table} deferrable initially deferred for each row execute function gk_test_refuse(${args})`
      : `create trigger gk_test_refuse before ${on} on ${table} for each row execute function gk_test_refuse(${args})`,
  );
  try {
    return await work();
  } finally {
    await app.query(`drop trigger gk_test_refuse on ${table}`);
  }
}

/** While `work` runs, `table` has the CHECK constraint `name` (not validated against the rows it has). */
async function checking<T>(table: string, name: string, condition: string, work: () => Promise<T>): Promise<T> {
  await app.query(`alter table ${table} add constraint ${name} check (${condition}) not valid`);
  try {
    return await work();
  } finally {
    await app.query(`alter table ${table} drop constraint ${name}`);
  }
}

async function ok(query: string, variables: Record<string, unknown>, token: string): Promise<Record<string, any>> {
  const { body } = await app.graphql(query, variables, { token });
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data as Record<string, any>;
}

const ROW_TAKEN = 'another write added the same row at the same time; try again';
const ROWS_CHANGED = 'another write changed the same rows at the same time; try again';

describe('core: departments and the catalogue', () => {
  const UPDATE = `mutation($code: String!, $input: DepartmentInput!) { updateDepartment(code: $code, input: $input) { code name } }`;
  const ADJUST = `mutation($itemId: ID, $domain: Domain, $category: String, $regionCode: String, $input: CatalogueItemAdjustment!, $validFrom: Date!) {
    adjustCatalogueItem(itemId: $itemId, domain: $domain, category: $category, regionCode: $regionCode, input: $input, validFrom: $validFrom) { id version } }`;

  it('updateDepartment: a CHECK constraint the new name breaks is BAD_USER_INPUT naming the rule', async () => {
    const refusal = await checking('department', 'gk_test_department_name', `name <> '不许的名称'`, () =>
      refused(UPDATE, { code: 'QH-FINANCE', input: { name: '不许的名称' } }, admin, ['department']),
    );
    expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', message: 'the input breaks the rule gk_test_department_name' });
  });

  it('adjustCatalogueItem: a version that another write stored first (the unique key) is CONFLICT', async () => {
    // A province item whose category the region has no item for; then a closed version 1 of its own, as another
    // write could have stored it meanwhile: the adjustment's new version 1 breaks the unique key for real.
    const [province] = await app.query<{ item_id: number; domain: string; category: string }>(
      `select item_id, domain::text as domain, category from catalogue_item c where region_code = '630000' and valid_until is null
          and not exists (select 1 from catalogue_item o where o.domain = c.domain and o.category = c.category and o.region_code = '632200')
        order by item_id limit 1`,
    );
    const [stored] = await app.query<{ item_id: number }>(
      `insert into catalogue_item (domain, category, region_code, item, content_elements, time_limit_amount, time_limit_unit, time_limit_basis,
                                   disclosure_mode, channels, responsible_department_code, supervision_channel, version, valid_from, valid_until)
       select domain, category, '632200', item, content_elements, time_limit_amount, time_limit_unit, time_limit_basis,
              disclosure_mode, channels, responsible_department_code, supervision_channel, 1, '2019-01-01', '2019-12-31'
         from catalogue_item where item_id = ? returning item_id`,
      [province!.item_id],
    );
    try {
      const refusal = await refused(
        ADJUST,
        { domain: province!.domain, category: province!.category, regionCode: '632200', input: { item: '海北州自己的事项' }, validFrom: '2025-01-01' },
        admin,
        ['catalogue_item', 'disclosure'],
      );
      expect(refusal).toMatchObject({ code: 'CONFLICT', message: ROW_TAKEN });
    } finally {
      await app.query('delete from catalogue_item where item_id = ?', [stored!.item_id]);
    }
  });

  it('adjustCatalogueItem: a deadlock is CONFLICT', async () => {
    const [current] = await app.query<{ item_id: number }>(`select item_id from catalogue_item where region_code = '630000' and valid_until is null order by item_id limit 1`);
    const itemId = Buffer.from(`CatalogueItem:${current!.item_id}`).toString('base64url');
    const refusal = await refusing('catalogue_item', { sqlstate: '40P01' }, () =>
      refused(ADJUST, { itemId, input: { supervisionChannel: '青海省政务服务热线 12345' }, validFrom: '2025-03-01' }, admin, ['catalogue_item', 'disclosure']),
    );
    expect(refusal).toMatchObject({ code: 'CONFLICT', message: ROWS_CHANGED });
  });
});

describe('credit: subjects and credit entries', () => {
  const UPSERT = `mutation($inputs: [SubjectInput!]!) { upsertSubjects(inputs: $inputs) { creditCode name } }`;
  const ADD = `mutation($input: CreditEntryInput!) { addCreditEntry(input: $input) { id } }`;
  const REVOKE = `mutation($id: ID!, $on: Date!, $reason: String!) { revokeCreditEntry(id: $id, revokedOn: $on, reason: $reason) { id } }`;
  const subject = makeCreditCode('91630100MA0900001');
  const entry = (reason: string) => ({
    list: 'BLACK', subjectCreditCode: subject, reason, legalBasis: '《中华人民共和国政府采购法》第七十七条',
    decidedOn: '2024-05-06', validFrom: '2024-05-07', measures: [],
  });

  beforeAll(async () => {
    await ok(UPSERT, { inputs: [{ creditCode: subject, name: '约束测试有限公司', kind: 'ENTERPRISE' }] }, finance);
  });

  it('upsertSubjects: a subject another write registered first (unique_violation) is CONFLICT', async () => {
    const refusal = await refusing('subject', { sqlstate: '23505', constraint: 'subject_pkey', on: 'insert' }, () =>
      refused(UPSERT, { inputs: [{ creditCode: makeCreditCode('91630100MA0900002'), name: '新登记公司', kind: 'ENTERPRISE' }] }, finance, ['subject']),
    );
    expect(refusal).toMatchObject({ code: 'CONFLICT', message: ROW_TAKEN });
  });

  it('upsertSubjects: a not-null column left empty is BAD_USER_INPUT naming the column', async () => {
    const refusal = await refusing('subject', { sqlstate: '23502', column: 'name', on: 'update' }, () =>
      refused(UPSERT, { inputs: [{ creditCode: subject, creditLevel: 'AA' }] }, finance, ['subject']),
    );
    expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', message: 'the input leaves out a required value (name)' });
  });

  it('addCreditEntry: a CHECK constraint the entry breaks is BAD_USER_INPUT naming the rule', async () => {
    const refusal = await checking('credit_entry', 'gk_test_credit_reason', `reason <> '不许的事由'`, () =>
      refused(ADD, { input: entry('不许的事由') }, finance, ['credit_entry']),
    );
    expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', message: 'the input breaks the rule gk_test_credit_reason' });
  });

  it('revokeCreditEntry: an exclusion constraint (another write stored an overlapping row) is CONFLICT', async () => {
    const { id } = (await ok(ADD, { input: entry('提供虚假材料谋取中标') }, finance)).addCreditEntry;
    const refusal = await refusing('credit_entry', { sqlstate: '23P01', constraint: 'credit_entry_no_overlap', on: 'update' }, () =>
      refused(REVOKE, { id, on: '2024-09-02', reason: '行政复议撤销' }, finance, ['credit_entry']),
    );
    expect(refusal).toMatchObject({ code: 'CONFLICT', message: 'another write stored an overlapping row (rule credit_entry_no_overlap); read it again and try again' });
  });
});

describe('requests for disclosure', () => {
  const RECEIVE = `mutation($input: DisclosureRequestInput!) { receiveDisclosureRequest(input: $input) { id } }`;
  const EXTEND = `mutation($id: ID!, $on: Date!, $reason: String!) { extendDisclosureRequest(id: $id, extendedOn: $on, reason: $reason) { id } }`;
  const ANSWER = `mutation($id: ID!, $on: Date!, $outcome: RequestOutcome!) { answerDisclosureRequest(id: $id, answeredOn: $on, outcome: $outcome) { id } }`;
  const request = { receivedOn: '2025-09-22', requesterKind: 'NATURAL_PERSON', content: '申请公开某小区保障性住房分配名单', departmentCode: 'GOV-630100', domain: 'HOUSING' };
  let id: string;

  beforeAll(async () => {
    id = (await ok(RECEIVE, { input: request }, xining)).receiveDisclosureRequest.id;
  });

  it('receiveDisclosureRequest: a serialisation failure at commit is CONFLICT', async () => {
    const refusal = await refusing('disclosure_request', { sqlstate: '40001', on: 'insert', atCommit: true }, () =>
      refused(RECEIVE, { input: request }, xining, ['disclosure_request']),
    );
    expect(refusal).toMatchObject({ code: 'CONFLICT', message: ROWS_CHANGED });
  });

  it('extendDisclosureRequest: a CHECK constraint the mutation knows is BAD_USER_INPUT naming its field', async () => {
    const refusal = await refusing('disclosure_request', { sqlstate: '23514', constraint: 'disclosure_request_extension_reason_given', on: 'update' }, () =>
      refused(EXTEND, { id, on: '2025-10-09', reason: '需要协调' }, xining, ['disclosure_request']),
    );
    expect(refusal).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'reason must not be blank',
      extensions: { field: 'reason', issues: [{ path: 'reason', code: 'CONSTRAINT', message: 'reason must not be blank' }] },
    });
  });

  it('answerDisclosureRequest: a foreign key to nothing is BAD_USER_INPUT naming the rule', async () => {
    const refusal = await refusing('disclosure_request', { sqlstate: '23503', constraint: 'gk_test_outcome_foreign', on: 'update' }, () =>
      refused(ANSWER, { id, on: '2025-10-20', outcome: 'DISCLOSED' }, xining, ['disclosure_request']),
    );
    expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', message: 'the input names something that does not exist (rule gk_test_outcome_foreign)' });
  });
});

describe('the calendar', () => {
  const IMPORT = `mutation($file: JSONObject!) { importHolidaySchedule(file: $file) { year outcome } }`;
  const file = { year: 2028, papers: ['https://www.gov.cn/example-2028'], days: [{ name: '元旦', date: '2028-01-01', isOffDay: true }] };

  it('importHolidaySchedule: a day another import stored first (unique_violation) is CONFLICT, in the import\'s savepoint and all', async () => {
    const refusal = await refusing('holiday_day', { sqlstate: '23505', constraint: 'holiday_day_pkey', on: 'insert' }, () =>
      refused(IMPORT, { file }, admin, ['holiday_year', 'holiday_day', 'disclosure', 'disclosure_request']),
    );
    expect(refusal).toMatchObject({ code: 'CONFLICT', message: ROW_TAKEN });
    // The refusal left the process's calendar as the table has it: the year imports once the table takes it.
    expect((await ok(IMPORT, { file }, admin)).importHolidaySchedule).toEqual({ year: 2028, outcome: 'ADDED' });
  });
});

describe('API tokens', () => {
  const CREATE = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token { id } secret } }`;
  const REVOKE = `mutation($id: Int!) { revokeApiToken(id: $id) { id revokedAt } }`;

  it('createApiToken: a CHECK constraint the token breaks is BAD_USER_INPUT naming the rule', async () => {
    const refusal = await refusing('api_token', { sqlstate: '23514', constraint: 'gk_test_token_name', on: 'insert' }, () =>
      refused(CREATE, { input: { name: '约束测试', role: 'SUPERVISOR' } }, admin, ['api_token']),
    );
    expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', message: 'the input breaks the rule gk_test_token_name' });
  });

  it('revokeApiToken: a serialisation failure is CONFLICT', async () => {
    const { token } = (await ok(CREATE, { input: { name: '将被吊销', role: 'SUPERVISOR' } }, admin)).createApiToken;
    const refusal = await refusing('api_token', { sqlstate: '40001', on: 'update' }, () => refused(REVOKE, { id: token.id }, admin, ['api_token']));
    expect(refusal).toMatchObject({ code: 'CONFLICT', message: ROWS_CHANGED });
  });
});

/** Every table a record's write touches. */
const RECORD_TABLES = ['disclosure', 'disclosure_party', 'disclosure_publication', 'disclosure_revision', 'procurement_result'];

function procurement(externalId: string) {
  return {
    externalId,
    domain: 'GOVERNMENT_PROCUREMENT',
    category: 'RESULT',
    title: `采购结果公告 ${externalId}`,
    regionCode: '630000',
    formedOn: '2025-04-01',
    publishedOn: '2025-04-02',
    amount: '5000.00',
    exemption: 'NONE',
    parties: [{ role: 'WINNER', creditCode: code, rank: null }],
    publications: [{ channel: 'GOVERNMENT_WEBSITE', publishedOn: '2025-04-02', url: 'https://www.qinghai.gov.cn/a.html' }],
    details: { procurementResult: { projectName: `项目 ${externalId}`, awardAmount: '5000.00', reviewExperts: [] } },
  };
}

describe('publishing', () => {
  const PUBLISH = `mutation ($input: PublishDisclosureInput!) { publishDisclosure(input: $input) { id version } }`;
  const REVISE = `mutation ($id: ID!, $version: Int!, $reason: String!, $input: PublishDisclosureInput!) { reviseDisclosure(id: $id, version: $version, reason: $reason, input: $input) { id } }`;
  const RETRACT = `mutation ($id: ID!) { retractDisclosure(id: $id, version: 1, reason: "重复发布") { id } }`;
  const ADD = `mutation ($id: ID!, $p: [ChannelPublicationInput!]!) { addChannelPublications(id: $id, publications: $p) { id } }`;
  let id: string;

  beforeAll(async () => {
    id = (await ok(PUBLISH, { input: procurement('CF-STORED') }, finance)).publishDisclosure.id;
  });

  it('publishDisclosure: a foreign key to nothing is BAD_USER_INPUT naming the rule', async () => {
    const refusal = await refusing('disclosure_party', { sqlstate: '23503', constraint: 'disclosure_party_credit_code_foreign', on: 'insert' }, () =>
      refused(PUBLISH, { input: procurement('CF-NEW') }, finance, RECORD_TABLES),
    );
    expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', message: 'the input names something that does not exist (rule disclosure_party_credit_code_foreign)' });
  });

  it('reviseDisclosure: a revision another write stored first (unique_violation) is CONFLICT', async () => {
    const refusal = await refusing('disclosure_revision', { sqlstate: '23505', constraint: 'disclosure_revision_pkey', on: 'insert' }, () =>
      refused(REVISE, { id, version: 1, reason: '更正标题', input: { ...procurement('CF-STORED'), title: '采购结果公告（更正）' } }, finance, RECORD_TABLES),
    );
    expect(refusal).toMatchObject({ code: 'CONFLICT', message: ROW_TAKEN });
  });

  it('retractDisclosure: a deadlock is CONFLICT', async () => {
    const refusal = await refusing('disclosure', { sqlstate: '40P01', on: 'update' }, () => refused(RETRACT, { id }, finance, RECORD_TABLES));
    expect(refusal).toMatchObject({ code: 'CONFLICT', message: ROWS_CHANGED });
  });

  it('addChannelPublications: a value longer than its column is BAD_USER_INPUT', async () => {
    const p = [{ channel: 'WECHAT', publishedOn: '2025-04-03', url: 'https://mp.weixin.qq.com/s/x' }];
    const refusal = await refusing('disclosure_publication', { sqlstate: '22001', on: 'insert' }, () => refused(ADD, { id, p }, finance, RECORD_TABLES));
    expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', message: 'a text is longer than its field allows' });
  });
});

describe('import', () => {
  const IMPORT = `mutation ($format: ImportFormat!, $content: String!) { importDisclosures(format: $format, content: $content) { rows created } }`;

  it('importDisclosures: a CHECK constraint a row breaks is BAD_USER_INPUT naming the rule, and no row of the file stays', async () => {
    const content = [procurement('CF-IMPORT-1'), procurement('CF-IMPORT-2')].map((r) => JSON.stringify(r)).join('\n');
    const refusal = await refusing('procurement_result', { sqlstate: '23514', constraint: 'gk_test_award_amount', on: 'insert' }, () =>
      refused(IMPORT, { format: 'NDJSON', content }, finance, RECORD_TABLES),
    );
    expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', message: 'the input breaks the rule gk_test_award_amount' });
  });
});

describe('what is not the client\'s to fix', () => {
  it('stays an internal error, with nothing written and nothing of the database\'s words shown', async () => {
    const refusal = await refusing('department', { sqlstate: 'XX000', on: 'update' }, () =>
      refused(`mutation { updateDepartment(code: "QH-FINANCE", input: { shortName: "省财政厅" }) { code } }`, {}, admin, ['department']),
    );
    expect(refusal).toEqual({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
