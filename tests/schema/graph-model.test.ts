import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreditList } from '../../src/entities/credit/credit-entry.entity.js';
import type { Subject } from '../../src/entities/credit/subject.entity.js';
import type { Disclosure } from '../../src/entities/hub/disclosure.entity.js';
import { loadCatalogue } from '../../src/reference-data/catalogue.js';
import {
  expandResponsibilities,
  loadDepartments,
  loadResponsibilities,
} from '../../src/reference-data/responsibility-expansion.js';
import { toGlobalId } from '../../src/kernel/node.js';
import { startTestApp, type TestApp } from '../helpers/database.js';
import { createCreditEntry, createProcurementResult, createSubject } from '../helpers/factory.js';

/** DOMAIN.md's categories (tests/fixtures/README.md): the plan's 32, which the catalogue must hold whatever a manifest adds. */
const planCategories = JSON.parse(readFileSync(new URL('../fixtures/domain-catalogue.json', import.meta.url), 'utf8')) as {
  domain: string;
  category: string;
}[];
const PLAN_PROCUREMENT = planCategories.filter((c) => c.domain === 'GOVERNMENT_PROCUREMENT').map((c) => c.category);

let app: TestApp;
let winner: Subject;
let purchaser: Subject;
let record: Disclosure;
let blackEntryId: number;

beforeAll(async () => {
  app = await startTestApp();
  const em = app.database.orm.em.fork();
  winner = await createSubject(em, '青海三江源建设工程有限公司');
  purchaser = await createSubject(em, '西宁市第一人民医院');
  record = await createProcurementResult(em, { winner, purchaser, awardAmount: '1234567.89' });
  blackEntryId = (await createCreditEntry(em, winner, CreditList.BLACK, { validFrom: '2023-01-01', validUntil: '2025-12-31' })).entryId;
  await createCreditEntry(em, winner, CreditList.RED, { validFrom: '2024-06-01', revokedOn: '2025-06-01' });
});
afterAll(async () => {
  await app?.close();
});

describe('a disclosure through the graph', () => {
  const recordQuery = `query ($id: ID!) {
    node(id: $id) {
      __typename id
      ... on Disclosure {
        domain category title amount formedOn publishedOn projectCode status version exemption
        region { code } publisher { code }
        parties { role rank subject { creditCode name } }
        publications { channel publishedOn url }
        revisions { version changedOn reason amount snapshot }
      }
      ... on ProcurementResult { projectName awardAmount reviewExperts { name role } winningSupplier { name } }
    }
  }`;

  it('resolves the envelope, the typed details and the subjects named by role', async () => {
    const id = toGlobalId('ProcurementResult', String(record.id));
    const { body } = await app.graphql(recordQuery, { id });
    expect(body.errors).toBeUndefined();
    expect(body.data!.node).toEqual({
      __typename: 'ProcurementResult',
      id,
      domain: 'GOVERNMENT_PROCUREMENT',
      category: 'RESULT',
      title: '西宁市第一人民医院医疗设备采购项目中标结果公告',
      amount: '1234567.89',
      formedOn: '2024-03-01',
      publishedOn: '2024-03-04',
      projectCode: 'QHZC-2024-001',
      status: 'PUBLISHED',
      version: 2,
      exemption: 'NONE',
      region: { code: '630100' },
      publisher: { code: 'GOV-630100' },
      parties: [
        { role: 'PURCHASER', rank: null, subject: { creditCode: purchaser.creditCode, name: '西宁市第一人民医院' } },
        { role: 'WINNER', rank: null, subject: { creditCode: winner.creditCode, name: '青海三江源建设工程有限公司' } },
      ],
      publications: [{ channel: 'GOVERNMENT_WEBSITE', publishedOn: '2024-03-04', url: 'https://www.qinghai.gov.cn/example' }],
      revisions: [{ version: 1, changedOn: '2024-03-03', reason: '更正中标金额', amount: '1.00', snapshot: { amount: '1.00' } }],
      projectName: '医疗设备采购项目',
      awardAmount: '1234567.89',
      reviewExperts: [
        { name: '李四', role: 'LEADER' },
        { name: '王五', role: 'MEMBER' },
      ],
      winningSupplier: { name: '青海三江源建设工程有限公司' },
    });
  });

  it('reads a details table only when a typed field is asked for', async () => {
    const id = toGlobalId('ProcurementResult', String(record.id));
    const envelopeOnly = await app.sql.count(() => app.graphql('query ($id: ID!) { node(id: $id) { ... on Disclosure { title } } }', { id }));
    expect(envelopeOnly.statements.filter((s) => s.includes('procurement_result'))).toEqual([]);
    const typed = await app.sql.count(() =>
      app.graphql('query ($id: ID!) { node(id: $id) { ... on ProcurementResult { projectName awardAmount } } }', { id }),
    );
    expect(typed.statements.filter((s) => s.includes('"procurement_result"'))).toHaveLength(1);
  });

  it('answers null for an id of another type, a missing record, or something that is not our id', async () => {
    for (const id of [
      toGlobalId('ProcurementContract', String(record.id)),
      toGlobalId('ProcurementResult', '999999'),
      toGlobalId('Nonsense', '1'),
      'not an id at all!',
    ]) {
      const { body } = await app.graphql('query ($id: ID!) { node(id: $id) { id } }', { id });
      expect(body.errors).toBeUndefined();
      expect(body.data!.node).toBeNull();
    }
  });
});

describe('node(id) resolves every kind of object', () => {
  it.each([
    ['Region', '630100', '... on Region { code name }', { code: '630100', name: '西宁市' }],
    ['Department', 'QH-FINANCE', '... on Department { code shortName }', { code: 'QH-FINANCE', shortName: '省财政厅' }],
  ])('%s', async (type, key, fragment, expected) => {
    const id = toGlobalId(type, key);
    const { body } = await app.graphql(`query ($id: ID!) { node(id: $id) { __typename id ${fragment} } }`, { id });
    expect(body.data!.node).toEqual({ __typename: type, id, ...expected });
  });

  it('Subject, CreditEntry and CatalogueItem', async () => {
    const [item] = await app.query<{ item_id: number }>(
      `select item_id from catalogue_item where domain = 'LAND_TRANSFER' and category = 'DEAL'`,
    );
    const ids = {
      s: toGlobalId('Subject', winner.creditCode),
      e: toGlobalId('CreditEntry', String(blackEntryId)),
      i: toGlobalId('CatalogueItem', String(item!.item_id)),
    };
    const { body } = await app.graphql(
      `query ($s: ID!, $e: ID!, $i: ID!) {
        s: node(id: $s) { __typename ... on Subject { creditCode name } }
        e: node(id: $e) { __typename ... on CreditEntry { list subject { creditCode } decidedBy { code } } }
        i: node(id: $i) { __typename ... on CatalogueItem { category timeLimit { amount unit } } }
      }`,
      ids,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      s: { __typename: 'Subject', creditCode: winner.creditCode, name: '青海三江源建设工程有限公司' },
      e: { __typename: 'CreditEntry', list: 'BLACK', subject: { creditCode: winner.creditCode }, decidedBy: { code: 'QH-FINANCE' } },
      i: { __typename: 'CatalogueItem', category: 'DEAL', timeLimit: { amount: 10, unit: 'WORKING_DAYS' } },
    });
  });
});

describe('credit standing is derived from dates, never stored', () => {
  it.each([
    ['2022-12-31', 'NONE', ['PENDING', 'PENDING']],
    ['2023-06-01', 'BLACK', ['IN_FORCE', 'PENDING']],
    ['2024-06-01', 'BOTH', ['IN_FORCE', 'IN_FORCE']],
    ['2025-06-01', 'BLACK', ['IN_FORCE', 'REVOKED']],
    ['2026-01-01', 'NONE', ['EXPIRED', 'REVOKED']],
  ])('as of %s the winner is %s', async (asOf, standing, states) => {
    const { body } = await app.graphql(
      `query ($code: CreditCode!, $asOf: Date) {
        subject(creditCode: $code) { creditStatus(asOf: $asOf) creditEntries { list status(asOf: $asOf) } }
      }`,
      { code: winner.creditCode.toLowerCase(), asOf },
    );
    expect(body.errors).toBeUndefined();
    const subject = body.data!.subject as { creditStatus: string; creditEntries: { list: string; status: string }[] };
    expect(subject.creditStatus).toBe(standing);
    expect(subject.creditEntries.map((e) => e.status)).toEqual(states);
  });

  it('refuses a malformed credit code or date with BAD_USER_INPUT', async () => {
    const bad = await app.graphql('{ subject(creditCode: "91350211M000100Y47") { name } }');
    expect(bad.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'CHECK_CHARACTER' });
    const badDate = await app.graphql(`{ subject(creditCode: "${winner.creditCode}") { creditStatus(asOf: "2024-02-30") } }`);
    expect(badDate.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('responsibilities and catalogue as the plan sets them', () => {
  it('the responsibility table holds exactly the plan\'s expanded assignments', async () => {
    const expected = expandResponsibilities(loadResponsibilities(), loadDepartments())
      .map((r) => `${r.domain} ${r.departmentCode} ${r.role}`)
      .sort();
    const { body } = await app.graphql('{ responsibilities { domain role department { code } } }');
    const got = (body.data!.responsibilities as { domain: string; role: string; department: { code: string } }[])
      .map((r) => `${r.domain} ${r.department.code} ${r.role}`)
      .sort();
    expect(got).toEqual(expected);
    const bidding = await app.graphql('{ responsibilities(domain: CONSTRUCTION_BIDDING) { role department { code } } }');
    const leads = (bidding.body.data!.responsibilities as { role: string; department: { code: string } }[])
      .filter((r) => r.role === 'LEAD')
      .map((r) => r.department.code)
      .sort();
    expect(leads).toEqual(['QH-NDRC', 'QH-PRTS']);
  });

  it('the catalogue holds one current item per category with the loaded time limits', async () => {
    const { body } = await app.graphql(
      '{ catalogue { domain category item contentElements timeLimit { amount unit basis } responsibleDepartment { code } version validUntil } }',
    );
    expect(body.errors).toBeUndefined();
    const items = body.data!.catalogue as {
      domain: string;
      category: string;
      contentElements: string[];
      timeLimit: { amount: number; unit: string };
      responsibleDepartment: { code: string };
      version: number;
      validUntil: string | null;
    }[];
    const rows = loadCatalogue();
    // One per category of the manifests: the plan's 32, and any a department adds beyond them.
    expect(planCategories).toHaveLength(32);
    for (const c of planCategories) expect(rows.some((r) => r.domain === c.domain && r.category === c.category), `${c.domain}.${c.category}`).toBe(true);
    expect(items).toHaveLength(rows.length);
    for (const row of rows) {
      const item = items.find((i) => i.domain === row.domain && i.category === row.category);
      expect(item, `${row.domain}.${row.category}`).toMatchObject({
        contentElements: row.contentElements,
        timeLimit: { amount: row.timeLimit.amount, unit: row.timeLimit.unit },
        responsibleDepartment: { code: row.responsibleDepartment },
        version: 1,
        validUntil: null,
      });
    }
    const { body: one } = await app.graphql('{ catalogue(domain: GOVERNMENT_PROCUREMENT, region: "630000") { category } }');
    const procurement = (one.data!.catalogue as { category: string }[]).map((i) => i.category).sort();
    expect(PLAN_PROCUREMENT).toHaveLength(5);
    expect(procurement).toEqual(expect.arrayContaining(PLAN_PROCUREMENT));
    expect(procurement).toEqual(rows.filter((r) => r.domain === 'GOVERNMENT_PROCUREMENT').map((r) => r.category).sort());
  });

  it('a department lists its duties and catalogue items in one batch per field', async () => {
    const { result, statements } = await app.sql.count(() =>
      app.graphql('{ departments { code responsibilities { domain role } catalogueItems { category } } }'),
    );
    expect(result.body.errors).toBeUndefined();
    // departments; their responsibilities; their catalogue items.
    expect(statements).toHaveLength(3);
    const finance = (result.body.data!.departments as { code: string; catalogueItems: { category: string }[] }[]).find(
      (d) => d.code === 'QH-FINANCE',
    );
    // 省财政厅 leads 政府采购: the plan's 5 categories, and any the manifest adds.
    expect(finance!.catalogueItems.map((i) => i.category)).toEqual(expect.arrayContaining(PLAN_PROCUREMENT));
    expect(finance!.catalogueItems).toHaveLength(loadCatalogue().filter((r) => r.responsibleDepartment === 'QH-FINANCE').length);
  });
});
