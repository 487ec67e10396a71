import { getNamedType, isInputObjectType, isObjectType, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/kernel/viewer.js';
import { buildGongkaiSchema } from '../../src/schema/build-schema.js';
import { startTestApp, type TestApp } from '../helpers/database.js';

/** Issue 19: a read's text arguments are held to the input rules too, so a NUL never reaches PostgreSQL as a 500. */
let app: TestApp;
let supervisor: string;

beforeAll(async () => {
  app = await startTestApp();
  supervisor = await app.tokenFor(Role.SUPERVISOR);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

function expectRefused(res: Awaited<ReturnType<TestApp['graphql']>>, field: string, code = 'INVALID_TEXT') {
  expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, issues: [expect.objectContaining({ path: field, code })] });
}

describe('query arguments', () => {
  const bad = ['a\u0000b', 'a\uD800b', 'x\uDC00', 'a\u0007b', 'x'.repeat(2001)];

  it.each(bad.map((text) => [JSON.stringify(text.slice(0, 10)), text]))('disclosures(filter: { text: %s }) is BAD_USER_INPUT naming filter.text', async (_name, text) => {
    const res = await app.graphql('query ($text: String) { disclosures(filter: { text: $text }) { totalCount } }', { text });
    expectRefused(res, 'filter.text', text.length > 2000 ? 'TOO_LONG' : 'INVALID_TEXT');
  });

  it('every kind of text argument, at the root and nested, as anyone', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['query ($v: String) { disclosures(after: $v) { totalCount } }', { v: 'a\u0000' }, 'after'],
      ['query ($v: [String!]) { disclosures(filter: { categories: $v }) { totalCount } }', { v: ['RESULT', 'b\u0000'] }, 'filter.categories[1]'],
      ['query ($v: String) { subjects(filter: { name: $v }) { totalCount } }', { v: '\uD83D' }, 'filter.name'],
      ['query ($v: String) { regions(parentCode: $v) { code } }', { v: '63\u0000' }, 'parentCode'],
      ['query ($v: String) { catalogue(region: $v) { domain } }', { v: '\u0000' }, 'region'],
      ['query ($v: ID!) { node(id: $v) { id } }', { v: 'Z\u0000' }, 'id'],
      ['query ($v: String) { creditEntries(filter: { decidedByCode: $v }) { totalCount } }', { v: 'QH\u0000' }, 'filter.decidedByCode'],
      ['query ($v: String) { departments { disclosures(filter: { text: $v }, first: 1) { totalCount } } }', { v: 'a\u0000' }, 'filter.text'],
      ['query ($v: String) { regions { disclosures(filter: { publisherCode: $v }, first: 1) { totalCount } } }', { v: '\uDFFF' }, 'filter.publisherCode'],
    ];
    for (const [query, variables, field] of cases) {
      for (const token of [undefined, supervisor]) {
        const res = await app.graphql(query, variables, { token });
        expect(res.body.errors?.[0]?.extensions?.code, `${query} as ${token ? 'SUPERVISOR' : 'PUBLIC'}`).toBe('BAD_USER_INPUT');
        expectRefused(res, field);
      }
    }
  });

  it('a nested list field refuses with its path: Subject.disclosures(filter:)', async () => {
    const [row] = await app.query<{ credit_code: string }>('select credit_code from subject order by credit_code limit 1');
    const res = await app.graphql('query ($c: CreditCode!, $t: String) { subject(creditCode: $c) { name disclosures(filter: { text: $t }) { totalCount } } }', {
      c: row!.credit_code,
      t: 'x\u0000',
    });
    expectRefused(res, 'filter.text');
    expect(res.body.errors![0]).toMatchObject({ path: ['subject', 'disclosures'] });
  });

  it('a one-character search is refused, at the root and nested: no index narrows it, so it read every title (bench/abuse)', async () => {
    for (const text of ["'", '矿', '😀', ' x ']) {
      const res = await app.graphql('query ($text: String) { disclosures(filter: { text: $text }) { totalCount } }', { text });
      expect(res.body.errors?.[0]?.extensions, text).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.text' });
      expect(res.body.errors?.[0]?.message, text).toMatch(/2 to 100 characters/);
    }
    const res = await app.graphql(`{ departments { disclosures(filter: { text: "'" }, first: 1) { totalCount } } }`);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.text' });
  });

  it('literals in the query text are checked as variables are', async () => {
    const res = await app.graphql('{ disclosures(filter: { text: "a\\u0000b" }) { totalCount } }');
    expectRefused(res, 'filter.text');
  });

  it('ordinary texts pass: tabs, line breaks, emoji, right-to-left marks, 100 characters (the search\'s own cap)', async () => {
    for (const text of ['公告', 'a\tb\nc', '😀😀', '\u200Fשלום', 'x'.repeat(100)]) {
      const res = await app.graphql('query ($text: String) { disclosures(filter: { text: $text }, first: 1) { totalCount } }', { text });
      expect(res.body.errors, JSON.stringify(text.slice(0, 10))).toBeUndefined();
    }
  });

  it('scalars refuse a 900 KB value quoting at most its first 100 characters (a token holder\'s body may be that big)', async () => {
    const huge = '9'.repeat(900_000);
    for (const [query, variables] of [
      ['query ($d: Date) { disclosures(filter: { formedFrom: $d }) { totalCount } }', { d: huge }],
      ['query ($a: Decimal) { disclosures(filter: { amountMin: $a }) { totalCount } }', { a: huge }],
      ['query ($c: CreditCode!) { subject(creditCode: $c) { name } }', { c: huge }],
      ['query ($t: String) { disclosures(filter: { text: $t }) { totalCount } }', { t: huge }],
    ] as const) {
      const res = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${supervisor}` },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      expect(text.length, query).toBeLessThan(2_000);
      expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('which fields are checked', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildGongkaiSchema();
  });

  /** Whether a type reaches a String or an ID, worked out independently of input-rules.ts. */
  function holdsText(type: GraphQLInputType, seen = new Set<string>()): boolean {
    const named = getNamedType(type);
    if (named.name === 'String' || named.name === 'ID') return true;
    if (!isInputObjectType(named) || seen.has(named.name)) return false;
    seen.add(named.name);
    return Object.values(named.getFields()).some((f) => holdsText(f.type, seen));
  }

  it('every field of a read with a text argument has a checked resolver; others are untouched', () => {
    const checked: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || type === schema.getMutationType()) continue;
      for (const field of Object.values(type.getFields())) {
        const marked = Object.getOwnPropertySymbols(field.resolve ?? {}).some((s) => s.description === 'read inputs checked');
        expect(marked, `${type.name}.${field.name}`).toBe(field.args.some((a) => holdsText(a.type)));
        if (marked) checked.push(`${type.name}.${field.name}`);
      }
    }
    expect(checked).toEqual(expect.arrayContaining(['Query.disclosures', 'Query.node', 'Subject.disclosures', 'Department.disclosures', 'Region.disclosures']));
    expect(checked).not.toContain('Subject.creditStatus');
  });
});
