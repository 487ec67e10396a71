import {
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../src/kernel/viewer.js';
import { buildGongkaiSchema } from '../../../src/schema/build-schema.js';
import { checksInputs, FILE_ARGUMENTS, mutationArgumentIssues } from '../../../src/schema/checked-mutations.js';
import type { TestApp } from '../../helpers/database.js';
import { tableState } from '../../helpers/table-state.js';
import { startWriteTestApp } from '../../helpers/write-app.js';

/** Input rules at the edge: bad text, numbers, dates and URLs are BAD_USER_INPUT naming the field, and change nothing. */
let app: TestApp;
let finance: string;
let code: string;

beforeAll(async () => {
  ({ app, finance, code } = await startWriteTestApp('write-hardening'));
}, 120_000);

afterAll(async () => {
  await app?.close();
});

const PUBLISH = `mutation ($input: PublishDisclosureInput!) { publishDisclosure(input: $input) { id version } }`;
const REVISE = `mutation ($id: ID!, $version: Int!, $reason: String!, $input: PublishDisclosureInput!) { reviseDisclosure(id: $id, version: $version, reason: $reason, input: $input) { id } }`;
const IMPORT = `mutation ($format: ImportFormat!, $content: String!) { importDisclosures(format: $format, content: $content) { rows created revised unchanged } }`;

/** Every table a write touches, audit trail included. */
const TABLES = [
  'disclosure', 'disclosure_party', 'disclosure_publication', 'disclosure_revision', 'procurement_result', 'land_deal',
  'subject', 'department', 'disclosure_request', 'credit_entry', 'audit_entry',
];

type Input = ReturnType<typeof procurement>;

function procurement(externalId = 'HARD-1') {
  return {
    externalId: externalId as string | undefined,
    domain: 'GOVERNMENT_PROCUREMENT',
    category: 'RESULT',
    title: `采购结果公告 ${externalId}`,
    regionCode: '630000',
    formedOn: '2025-04-01',
    publishedOn: '2025-04-02',
    amount: '5000.00',
    exemption: 'NONE',
    parties: [{ role: 'WINNER', creditCode: code, rank: null as number | null }],
    publications: [{ channel: 'GOVERNMENT_WEBSITE', publishedOn: '2025-04-02', url: 'https://www.qinghai.gov.cn/a.html' }],
    details: { procurementResult: { projectName: `项目 ${externalId}`, awardAmount: '5000.00', reviewExperts: [] as unknown[] } } as Record<string, unknown>,
  };
}

/** A 土地出让 · 成交公示 record: the numbers with a meaning (term, coordinates) are in its details. */
function landDeal(spoil: (d: Record<string, unknown>) => void): Input {
  const input = procurement('HARD-LAND');
  const details: Record<string, unknown> = {
    parcelNo: '宁国土2025-01', location: '西宁市城北区', landUse: 'COMMERCIAL_SERVICE', area: { value: '1.5000', unit: 'HECTARE' },
    price: '1000000.00', termYears: 40, spatialExtent: [{ latitude: 36.6, longitude: 101.8 }],
  };
  spoil(details);
  return { ...input, domain: 'LAND_TRANSFER', category: 'DEAL', details: { landTransferDeal: details } };
}

interface Refusal {
  code: string;
  field: string;
  issues: { path: string; code: string; message: string }[];
}

/** The mutation is refused with BAD_USER_INPUT, the field and the reason, and no table changed (plain SQL). */
async function refused(query: string, variables: Record<string, unknown>, token: string): Promise<Refusal> {
  const before = await tableState(app, TABLES);
  const { body } = await app.graphql(query, variables, { token });
  expect(body.errors, JSON.stringify(body).slice(0, 500)).toBeDefined();
  const extensions = body.errors![0]!.extensions as unknown as Refusal;
  expect(extensions.code, JSON.stringify(body.errors).slice(0, 500)).toBe('BAD_USER_INPUT');
  expect(await tableState(app, TABLES)).toEqual(before);
  // A message quotes at most the first 100 characters of a bad value.
  expect(body.errors![0]!.message.length).toBeLessThan(2000);
  return extensions;
}

describe('bad record input is BAD_USER_INPUT with its field and reason, and changes nothing', () => {
  const cases: [string, (i: Input) => Input | void, string, string][] = [
    ['a NUL byte', (i) => void (i.title = '公告\u0000'), 'input.title', 'INVALID_TEXT'],
    ['a lone surrogate', (i) => void (i.details.procurementResult = { projectName: '项目\uD800', awardAmount: '1.00', reviewExperts: [] }), 'input.details.procurementResult.projectName', 'INVALID_TEXT'],
    ['a control character', (i) => void (i.title = '公告\u0007'), 'input.title', 'INVALID_TEXT'],
    ['a line break in a one-line text', (i) => void (i.externalId = 'A\nB'), 'input.externalId', 'INVALID_TEXT'],
    ['a title of invisible characters only', (i) => void (i.title = '\u200B\u2060\u3164\uFEFF\u200D'), 'input.title', 'INVALID_TEXT'],
    ['an empty externalId', (i) => void (i.externalId = ''), 'input.externalId', 'BLANK'],
    ['a blank externalId', (i) => void (i.externalId = '   '), 'input.externalId', 'BLANK'],
    ['a text over the cap', (i) => void (i.details.procurementResult = { projectName: '项', awardAmount: '1.00', reviewExperts: [{ name: '王'.repeat(100_000), role: 'LEADER' }] }), 'input.details.procurementResult.reviewExperts[0].name', 'TOO_LONG'],
    ['formedOn 1900-01-01', (i) => void (i.formedOn = '1900-01-01'), 'input.formedOn', 'OUT_OF_RANGE'],
    ['a date ten years ahead', (i) => void (i.publications[0]!.publishedOn = '2099-01-01'), 'input.publications[0].publishedOn', 'OUT_OF_RANGE'],
    ['a javascript: URL', (i) => void (i.publications[0]!.url = 'javascript:alert(1)'), 'input.publications[0].url', 'INVALID_URL'],
    ['not a URL', (i) => void (i.publications[0]!.url = 'not a url'), 'input.publications[0].url', 'INVALID_URL'],
    ['rank -1', (i) => void (i.parties[0]!.rank = -1), 'input.parties[0].rank', 'OUT_OF_RANGE'],
    ['termYears 100000 (past smallint)', () => landDeal((d) => (d.termYears = 100000)), 'input.details.landTransferDeal.termYears', 'OUT_OF_RANGE'],
    ['termYears -5', () => landDeal((d) => (d.termYears = -5)), 'input.details.landTransferDeal.termYears', 'OUT_OF_RANGE'],
    ['latitude 999', () => landDeal((d) => (d.spatialExtent = [{ latitude: 999, longitude: 101.8 }])), 'input.details.landTransferDeal.spatialExtent[0].latitude', 'OUT_OF_RANGE'],
    ['latitude and longitude swapped', () => landDeal((d) => (d.spatialExtent = [{ latitude: 101.8, longitude: 36.6 }])), 'input.details.landTransferDeal.spatialExtent[0].latitude', 'OUT_OF_RANGE'],
  ];
  for (const [name, spoil, path, issueCode] of cases) {
    it(name, async () => {
      const input = procurement(`HARD-${name}`);
      const spoiled = spoil(input) ?? input;
      const refusal = await refused(PUBLISH, { input: spoiled }, finance);
      expect(refusal.field).toBe(refusal.issues[0]!.path);
      expect(refusal.issues).toContainEqual(expect.objectContaining({ path, code: issueCode }));
    });
  }

  it('quotes at most the first 100 characters of a bad value', async () => {
    const input = procurement('HARD-QUOTE');
    input.title = `${'长'.repeat(450)}\u0000${'长'.repeat(49)}`;
    const refusal = await refused(PUBLISH, { input }, finance);
    const message = refusal.issues.find((i) => i.path === 'input.title')!.message;
    expect(message).toContain('"' + '长'.repeat(100) + '"…');
    expect(message).not.toContain('长'.repeat(101));
  });

  it('a 100 KB reason for a revision', async () => {
    const { body } = await app.graphql(PUBLISH, { input: procurement('HARD-REVISE') }, { token: finance });
    expect(body.errors).toBeUndefined();
    const { id, version } = body.data!.publishDisclosure as { id: string; version: number };
    const changed = { ...procurement('HARD-REVISE'), title: '采购结果公告（更正）' };
    const refusal = await refused(REVISE, { id, version, reason: '理'.repeat(100_000), input: changed }, finance);
    expect(refusal.issues).toEqual([expect.objectContaining({ path: 'reason', code: 'TOO_LONG' })]);
    const nul = await refused(REVISE, { id, version, reason: '更正\u0000', input: changed }, finance);
    expect(nul.issues).toEqual([expect.objectContaining({ path: 'reason', code: 'INVALID_TEXT' })]);
  });
});

describe('every other write is held to the same rules', () => {
  it('upsertSubjects, receiveDisclosureRequest, updateDepartment and importHolidaySchedule', async () => {
    const admin = await app.tokenFor(Role.ADMIN);
    const xining = await app.tokenFor(Role.PUBLISHER, 'GOV-630100');
    const subjects = await refused(`mutation($inputs: [SubjectInput!]!) { upsertSubjects(inputs: $inputs) { creditCode } }`,
      { inputs: [{ creditCode: code, name: '某公司\u0000', kind: 'ENTERPRISE' }] }, finance);
    expect(subjects.issues).toEqual([expect.objectContaining({ path: 'inputs[0].name', code: 'INVALID_TEXT' })]);
    const request = await refused(`mutation($input: DisclosureRequestInput!) { receiveDisclosureRequest(input: $input) { id } }`,
      { input: { receivedOn: '1999-12-31', requesterKind: 'NATURAL_PERSON', content: '申请公开\uDC00', departmentCode: 'GOV-630100', domain: 'HOUSING' } }, xining);
    expect(request.issues.map((i) => [i.path, i.code]).sort()).toEqual([['input.content', 'INVALID_TEXT'], ['input.receivedOn', 'OUT_OF_RANGE']]);
    const department = await refused(`mutation($input: DepartmentInput!) { updateDepartment(code: "QH-FINANCE", input: $input) { code } }`,
      { input: { shortName: '\u200B\u200B' } }, admin);
    expect(department.issues).toEqual([expect.objectContaining({ path: 'input.shortName', code: 'INVALID_TEXT' })]);
    const holidays = await refused(`mutation($file: JSONObject!) { importHolidaySchedule(file: $file) { year } }`,
      { file: { year: 2031, papers: [], days: [{ name: '元旦\u0000', date: '2031-01-01', isOffDay: true }] } }, admin);
    expect(holidays.issues).toEqual([expect.objectContaining({ path: 'file.days[0].name', code: 'INVALID_TEXT' })]);
  });
});

describe('imports report each bad value in its row', () => {
  it('NDJSON rows', async () => {
    const rows = [
      { ...procurement('IMP-HARD-1'), title: '公告\u0000' },
      { ...procurement('IMP-HARD-2'), formedOn: '1900-01-01' },
      landDeal((d) => (d.termYears = 100000)),
      { ...procurement('IMP-HARD-4'), publications: [{ channel: 'GOVERNMENT_WEBSITE', publishedOn: '2025-04-02', url: 'javascript:alert(1)' }] },
      { ...procurement('IMP-HARD-5'), externalId: ' ' },
    ];
    const before = await tableState(app, TABLES);
    const { body } = await app.graphql(IMPORT, { format: 'NDJSON', content: rows.map((r) => JSON.stringify(r)).join('\n') }, { token: finance });
    const issues = body.errors![0]!.extensions!.issues as { row: number; path: string; code: string }[];
    expect(body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(issues.map((i) => [i.row, i.path, i.code])).toEqual(expect.arrayContaining([
      [1, 'title', 'INVALID_TEXT'],
      [2, 'formedOn', 'OUT_OF_RANGE'],
      [3, 'details.landTransferDeal.termYears', 'OUT_OF_RANGE'],
      [4, 'publications[0].url', 'INVALID_URL'],
      [5, 'externalId', 'BLANK'],
    ]));
    expect(await tableState(app, TABLES)).toEqual(before);
  });

  it('a CSV file mixing two categories is one MIXED_CATEGORIES issue naming the rows of each', async () => {
    const header = 'externalId,title,regionCode,formedOn,publishedOn,amount,exemption,parties.0.role,parties.0.creditCode,'
      + 'details.procurementResult.projectName,details.procurementResult.awardAmount,details.procurementResult.reviewExperts,'
      + 'details.procurementContract.contractNo,details.procurementContract.projectNo,details.procurementContract.signedOn';
    const result = (n: number) => `MIX-${n},采购结果公告 ${n},630000,2025-04-01,2025-04-02,5000.00,NONE,WINNER,${code},项目${n},5000.00,[],,,`;
    const contract = (n: number) => `MIX-${n},采购合同公告 ${n},630000,2025-04-01,2025-04-02,5000.00,NONE,SUPPLIER,${code},,,,HT-${n},XM-${n},2025-04-01`;
    const content = [header, result(1), contract(2), result(3), contract(4)].join('\n');
    const before = await tableState(app, TABLES);
    const { body } = await app.graphql(IMPORT, { format: 'CSV', content }, { token: finance });
    const issues = body.errors![0]!.extensions!.issues as { row: number; path: string; code: string; message: string }[];
    expect(issues.map((i) => [i.row, i.path, i.code]), JSON.stringify(issues)).toEqual([[3, 'category', 'MIXED_CATEGORIES']]);
    expect(issues[0]!.message).toMatch(/GOVERNMENT_PROCUREMENT\.RESULT in rows 2, 4; GOVERNMENT_PROCUREMENT\.CONTRACT in rows 3, 5/);
    expect(await tableState(app, TABLES)).toEqual(before);
  });
});

describe('no text field of any mutation escapes the rules', () => {
  /** Every path from an argument to a text (String, ID, CreditCode) or JSON leaf, through input objects and lists. */
  function leaves(type: GraphQLInputType, path: (string | number)[], seen: Set<string>, out: (string | number)[][]): void {
    const nullable = getNullableType(type);
    if (isListType(nullable)) return leaves(nullable.ofType as GraphQLInputType, [...path, 0], seen, out);
    const named = getNamedType(type);
    if (isInputObjectType(named)) {
      if (seen.has(named.name)) return;
      for (const field of Object.values(named.getFields())) leaves(field.type, [...path, field.name], new Set([...seen, named.name]), out);
    } else if (['String', 'ID', 'CreditCode', 'JSON', 'JSONObject'].includes(named.name)) {
      out.push(path);
    }
  }

  /** A value holding `leaf` at `path`, everything else left out (the rules check what is given). */
  function valueAt(path: readonly (string | number)[], leaf: unknown): unknown {
    if (path.length === 0) return leaf;
    const [head, ...rest] = path;
    return typeof head === 'number' ? [valueAt(rest, leaf)] : { [head!]: valueAt(rest, leaf) };
  }

  const format = (path: readonly (string | number)[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');

  it('every mutation checks its arguments, and a NUL in any text of any argument is refused at its path', async () => {
    const schema: GraphQLSchema = await buildGongkaiSchema();
    const mutations = Object.values(schema.getMutationType()!.getFields()) as GraphQLField<unknown, unknown>[];
    let checked = 0;
    for (const field of mutations) {
      expect(checksInputs(field), `${field.name} checks its inputs`).toBe(true);
      for (const arg of field.args) {
        const paths: (string | number)[][] = [];
        leaves(arg.type, [arg.name], new Set(), paths);
        for (const path of paths) {
          if (FILE_ARGUMENTS.has(`${field.name}.${arg.name}`)) continue;
          const named = getNamedType(getNullableType(arg.type) as GraphQLInputType);
          // A JSON argument: a text inside it.
          const jsonLeaf = ['JSON', 'JSONObject'].includes(format(path) === arg.name ? named.name : '') ? ['x'] : [];
          const value = valueAt([...path.slice(1), ...jsonLeaf], 'a\u0000b');
          const issues = mutationArgumentIssues(field, { [arg.name]: value });
          expect(issues.map((i) => [i.path, i.code]), `${field.name}: ${format(path)}`).toEqual([[format([...path, ...jsonLeaf]), 'INVALID_TEXT']]);
          checked++;
        }
      }
    }
    // Every record field (PublishDisclosureInput) and every other input: hundreds of texts, none left out.
    expect(checked).toBeGreaterThan(250);
    expect([...FILE_ARGUMENTS]).toEqual(['importDisclosures.content']);
  });
});
