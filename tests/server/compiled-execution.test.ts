import { execute, getIntrospectionQuery, getOperationAST, isEnumType, isScalarType, parse, type GraphQLScalarType, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGongkaiSchema } from '../../src/schema/build-schema.js';
import { compiledExecution } from '../../src/server/compiled-execution.js';
import { Role } from '../../src/kernel/viewer.js';
import { nextCreditCode } from '../helpers/factory.js';
import { startTestApp, type TestApp } from '../helpers/database.js';

/**
 * Operations run compiled (graphql-jit), with variables coerced by graphql-js
 * first and then parsed again by the compiled query (server/compiled-execution.ts).
 * That second parse must give back what it is given, for every input type the
 * schema has: these tests hold that, so a new scalar or enum that would break it
 * fails here rather than in some request.
 */
describe('values coerced once come back unchanged from a second parse', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildGongkaiSchema();
  });

  it('every enum value is its own name', () => {
    const enums = Object.values(schema.getTypeMap()).filter((t) => isEnumType(t) && !t.name.startsWith('__'));
    expect(enums.length).toBeGreaterThan(20);
    for (const type of enums) {
      if (!isEnumType(type)) continue;
      for (const value of type.getValues()) expect(value.value, `${type.name}.${value.name}`).toBe(value.name);
    }
  });

  it('every scalar parses its own parsed value to the same value', () => {
    // Raw inputs a client may send, per scalar; a scalar missing here fails the test.
    const samples: Record<string, unknown[]> = {
      ID: ['UHJvY3VyZW1lbnRSZXN1bHQ6MTI', 12],
      String: ['锂矿', ''],
      Int: [0, -3, 2147483647],
      Float: [1.5, 2],
      Boolean: [true, false],
      Decimal: ['1234567.89', '0', 42],
      Measure: ['1234.5678', 7],
      Date: ['2024-02-29', '2026-11-28'],
      DateTime: ['2026-11-28T08:30:00Z', '2026-11-28T16:30:00+08:00'],
      CreditCode: [nextCreditCode(), nextCreditCode('632800').toLowerCase()],
      JSON: [{ a: [1, '二'] }, 'text', 3, null],
      JSONObject: [{ 名称: '西宁', nested: { list: [1, 2] } }],
    };
    const scalars = Object.values(schema.getTypeMap()).filter((t): t is GraphQLScalarType => isScalarType(t));
    expect(scalars.map((s) => s.name).sort()).toEqual(Object.keys(samples).sort());
    for (const scalar of scalars) {
      for (const raw of samples[scalar.name]!) {
        const once = scalar.parseValue(raw);
        expect(scalar.parseValue(once), `${scalar.name} ${JSON.stringify(raw)}`).toEqual(once);
      }
    }
  });
});

describe('when a document is compiled', () => {
  it('runs a document with graphql-js until its second run, then compiled; each operation counted apart', async () => {
    const schema = await buildGongkaiSchema();
    const compiled: (string | undefined)[] = [];
    const gateway = compiledExecution(schema, { onCompile: (name, _ms, ok) => ok && compiled.push(name) });
    const { executor } = await gateway.load({ apollo: {} as never });
    const document = parse('query A { __schema { queryType { name } } } query B { __type(name: "Subject") { kind } }');
    const run = (operationName: string) =>
      executor!({ document, operation: getOperationAST(document, operationName)!, operationName, request: { variables: {} }, context: {} } as never);
    expect(await run('A')).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    expect(compiled).toEqual([]);
    expect(await run('A')).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    expect(compiled).toEqual(['A']);
    expect(await run('B')).toEqual({ data: { __type: { kind: 'OBJECT' } } });
    expect(await run('A')).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    expect(await run('B')).toEqual({ data: { __type: { kind: 'OBJECT' } } });
    expect(await run('B')).toEqual({ data: { __type: { kind: 'OBJECT' } } });
    expect(compiled).toEqual(['A', 'B']);
  });
});

describe('compiled operations over HTTP', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  const post = async (body: Record<string, unknown>) => {
    const res = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
  };

  it('runs the operation each request names, from one document asked again and again', async () => {
    const query = `query Codes { regions(parentCode: "630000") { code } } query Names($first: Int) { departments { shortName } disclosures(first: $first) { edges { node { id } } } }`;
    const [codes] = await app.query<{ n: number }>(`select count(*)::int as n from region where parent_code = '630000'`);
    const [departments] = await app.query<{ n: number }>('select count(*)::int as n from department');
    for (let round = 0; round < 2; round++) {
      const a = await post({ query, operationName: 'Codes' });
      expect(Object.keys(a.body.data!)).toEqual(['regions']);
      expect((a.body.data!.regions as unknown[]).length).toBe(codes!.n);
      const b = await post({ query, operationName: 'Names', variables: { first: 2 } });
      expect(Object.keys(b.body.data!)).toEqual(['departments', 'disclosures']);
      expect((b.body.data!.departments as unknown[]).length).toBe(departments!.n);
      expect((b.body.data!.disclosures as { edges: unknown[] }).edges).toHaveLength(2);
    }
    const none = await post({ query });
    expect(none.status).toBe(400);
    expect(none.body.errors?.[0]?.message).toMatch(/operation name/i);
    // A name that matches no operation, in a document of one named or anonymous operation, twice (compiled at the second).
    for (const document of [query, '{ departments { code } }', 'query Codes { departments { code } }']) {
      for (let round = 0; round < 2; round++) {
        const unknown = await post({ query: document, operationName: 'Nope' });
        expect(unknown.body.errors?.[0]?.extensions?.code, JSON.stringify(unknown.body)).not.toBe('INTERNAL_SERVER_ERROR');
        expect(unknown.status).toBeLessThan(500);
        expect(unknown.body.errors?.[0]?.message).toMatch(/Nope|operation name/);
      }
    }
  });

  it('answers introspection as graphql-js does over the same schema', async () => {
    // A long document of fragments, nested lists and every type: compared with
    // graphql-js's own answer, computed here on a schema built the same way.
    const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, inputValueDeprecation: true });
    const expected = await execute({ schema: await buildGongkaiSchema(), document: parse(query) });
    const res = await post({ query });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual(JSON.parse(JSON.stringify(expected.data)));
  });

  it('includes and skips fields by variables, per request, from one compiled document', async () => {
    const query = 'query ($count: Boolean!) { disclosures(first: 1) { totalCount @include(if: $count) edges { node { id } } } }';
    const [{ n }] = (await app.query<{ n: number }>(
      `select count(*)::int as n from disclosure where exemption = 'NONE' and published_on <= (now() at time zone 'Asia/Shanghai')::date`,
    )) as [{ n: number }];
    const with_ = await post({ query, variables: { count: true } });
    const without = await post({ query, variables: { count: false } });
    expect((with_.body.data!.disclosures as { totalCount: number }).totalCount).toBe(n);
    expect(Object.keys(without.body.data!.disclosures as object)).toEqual(['edges']);
  });

  it('refuses a badly typed variable as graphql-js words it, BAD_USER_INPUT, status 400, before any SQL', async () => {
    const { result: res, statements } = await app.sql.count(() =>
      post({ query: 'query ($first: Int) { disclosures(first: $first) { totalCount } }', variables: { first: 'ten' } }),
    );
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        message: 'Variable "$first" got invalid value "ten"; Int cannot represent non-integer value: "ten"',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
    expect(statements).toEqual([]);
  });

  it('gives a required input field that is left out its default, as graphql-js does', async () => {
    // CreditEntryInput.measures is `[CreditMeasureInput!]! = []`: graphql-jit's own
    // variable parser would refuse the entry as missing it.
    const code = nextCreditCode();
    await app.query(`insert into subject (credit_code, name, kind, region_code) values (?, '编译执行测试公司', 'ENTERPRISE', '630100')`, [code]);
    const token = await app.tokenFor(Role.PUBLISHER, 'GOV-630100');
    const input = { list: 'BLACK', subjectCreditCode: code, reason: '围标串标', legalBasis: '《招标投标法》第五十三条', decidedOn: '2024-03-01', validFrom: '2024-03-01', decidedByCode: 'GOV-630100' };
    const res = await app.graphql(`mutation ($input: CreditEntryInput!) { addCreditEntry(input: $input) { measures { kind } } }`, { input }, { token });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ addCreditEntry: { measures: [] } });
    expect(await app.query('select measures from credit_entry where credit_code = ?', [code])).toEqual([{ measures: [] }]);
  });
});

describe('graphql-js first, then compiled, over HTTP', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ compileAt: 2 });
  });
  afterAll(async () => {
    await app.close();
  });

  it('gives the same answer at the first run (graphql-js) and the second (compiled), equal to SQL', async () => {
    const query = `{ disclosures(first: 25) { totalCount edges { cursor node { id __typename title amount formedOn publishedOn status version
      region { code name } publisher { code } parties { role subject { creditCode name } } } } } }`;
    const first = await app.graphql(query);
    const second = await app.graphql(query);
    expect(first.body.errors).toBeUndefined();
    expect(second.body).toEqual(first.body);
    const rows = await app.query<{ id: number; title: string; amount: string | null; status: string; version: number; region_code: string }>(
      `select d.id, d.title, d.amount::text as amount, d.status::text as status, d.version, d.region_code from disclosure d
        where d.exemption = 'NONE' and d.published_on <= (now() at time zone 'Asia/Shanghai')::date order by d.formed_on desc, d.id desc limit 25`,
    );
    const nodes = (first.body.data!.disclosures as { edges: { node: { id: string; title: string; amount: string | null; status: string; version: number; region: { code: string } } }[] }).edges.map((e) => e.node);
    expect(nodes.map((n) => [Number(Buffer.from(n.id, 'base64url').toString('utf8').split(':')[1]), n.title, n.amount, n.status, n.version, n.region.code])).toEqual(
      rows.map((r) => [r.id, r.title, r.amount, r.status, r.version, r.region_code]),
    );
  });
});

