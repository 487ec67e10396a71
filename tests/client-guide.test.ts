import { readdirSync, readFileSync } from 'node:fs';
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { isAbstractType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import generated from '../docs/clients/possible-types.json' with { type: 'json' };
import { createApolloClient, firstPages, RECORDS, typePolicies } from '../docs/clients/apollo-client.js';
import { allRecordIds, createUrqlClient, SUBJECT_RECORDS } from '../docs/clients/urql.js';
import { registeredCategories } from '../src/entities/hub/category-registry.js';
import { todayInChina } from '../src/kernel/time/china-date.js';
import { buildGongkaiSchema } from '../src/schema/build-schema.js';
import { startTestApp, type TestApp } from './helpers/database.js';

// The code docs/clients.md quotes, run as a client would run it, against the real
// server on the demo data, as anyone without a token.
let app: TestApp;
let today: string;
beforeAll(async () => {
  app = await startTestApp();
  today = todayInChina();
}, 300_000);
afterAll(async () => {
  await app?.close();
});

const PAGE = 7;
const RESULTS = { domains: ['GOVERNMENT_PROCUREMENT'], categories: ['RESULT'] };
/** What PUBLIC may read (README, Access): published by today, not exempt. */
const PUBLIC = `d.exemption = 'NONE' and d.published_on <= ?::date`;
/** A record's global id to its database id ("ProcurementResult:62" → 62). */
const keyOf = (id: string) => Number(Buffer.from(id, 'base64url').toString('utf8').split(':')[1]);

/** The procurement results anyone may read, newest formed first (the lists' default order). */
function procurementResults() {
  return app.query<{ id: number; title: string; project_name: string; award_amount: string }>(
    `select d.id, d.title, r.project_name, r.award_amount::text as award_amount
       from disclosure d join procurement_result r on r.disclosure_id = d.id
      where d.domain = 'GOVERNMENT_PROCUREMENT' and d.category = 'RESULT' and ${PUBLIC}
      order by d.formed_on desc, d.id desc`,
    [today],
  );
}

describe('docs/clients/possible-types.json', () => {
  it('names every implementation of every interface and union (run `npm run codegen` when this fails)', async () => {
    const schema = await buildGongkaiSchema();
    const expected: Record<string, string[]> = {};
    for (const type of Object.values(schema.getTypeMap())) {
      if (isAbstractType(type) && !type.name.startsWith('__')) expected[type.name] = schema.getPossibleTypes(type).map((t) => t.name).sort();
    }
    const committed = Object.fromEntries(Object.entries(generated.possibleTypes).map(([name, types]) => [name, [...types].sort()]));
    expect(committed).toEqual(expected);
    // One per category: the plan's 32 (DOMAIN.md's types), and any a manifest adds beyond them.
    const plan = (JSON.parse(readFileSync(new URL('./fixtures/domain-catalogue.json', import.meta.url), 'utf8')) as { type: string }[]).map((c) => c.type);
    expect(plan).toHaveLength(32);
    expect(committed.Disclosure).toEqual(expect.arrayContaining(plan));
    expect(committed.Disclosure).toHaveLength(registeredCategories().length);
  });
});

describe('Apollo Client 4', () => {
  it('with the generated possibleTypes, a record answers both its Disclosure fragment and its own category’s', async () => {
    const client = createApolloClient(app.url);
    const { data } = await client.query({ query: RECORDS, variables: { filter: RESULTS, first: PAGE } });
    const expected = (await procurementResults()).slice(0, PAGE);
    expect(data!.disclosures.edges.map(({ node }) => [node.__typename, keyOf(node.id), node.title, node.projectName, node.awardAmount])).toEqual(
      expected.map((r) => ['ProcurementResult', r.id, r.title, r.project_name, r.award_amount]),
    );
  });

  it('without them, the Disclosure fragment’s fields come back undefined, with no error', async () => {
    // A development build says "Cannot match fragment …" on the console (vitest resolves
    // that build); Node's default build says nothing at all.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const client = new ApolloClient({ link: new HttpLink({ uri: app.url }), cache: new InMemoryCache({ typePolicies }) });
    const { data, error } = await client.query({ query: RECORDS, variables: { filter: RESULTS, first: PAGE } });
    warn.mockRestore();
    expect(error).toBeUndefined();
    const nodes = data!.disclosures.edges.map(({ node }) => node);
    expect(nodes).toHaveLength(PAGE);
    for (const node of nodes) {
      expect(node.title).toBeUndefined();
      expect(node.domain).toBeUndefined();
      // A fragment on the concrete type itself still matches: the name is the record's own.
      expect(node.projectName).toBeTruthy();
    }
  });

  it('fetchMore with relayStylePagination merges two pages into the first 2×N records', async () => {
    const client = createApolloClient(app.url);
    const data = await firstPages(client, RESULTS, PAGE, 2);
    const expected = await procurementResults();
    expect(data.disclosures.totalCount).toBe(expected.length);
    expect(data.disclosures.edges.map(({ node }) => keyOf(node.id))).toEqual(expected.slice(0, 2 * PAGE).map((r) => r.id));
    expect(data.disclosures.pageInfo.hasNextPage).toBe(true);
    // Another filter is another list, not more of this one.
    const other = await firstPages(client, { domains: ['LAND_TRANSFER'] }, PAGE, 1);
    expect(other.disclosures.edges).toHaveLength(PAGE);
    expect(other.disclosures.edges.every(({ node }) => node.domain === 'LAND_TRANSFER')).toBe(true);
    expect((await firstPages(client, RESULTS, PAGE, 1)).disclosures.edges).toHaveLength(2 * PAGE);
  });
});

describe('urql (@urql/core 6)', () => {
  it('asks for one subject’s records in every domain, page after page', async () => {
    const [busiest] = await app.query<{ credit_code: string; name: string }>(
      `select p.credit_code, s.name from disclosure_party p join disclosure d on d.id = p.disclosure_id join subject s using (credit_code)
        where ${PUBLIC} group by p.credit_code, s.name order by count(distinct d.id) desc, p.credit_code limit 1`,
      [today],
    );
    const code = busiest!.credit_code;
    const client = createUrqlClient(app.url);
    const first = await client.query(SUBJECT_RECORDS, { creditCode: code, first: PAGE }).toPromise();
    expect(first.error).toBeUndefined();
    expect(first.data!.subject!.name).toBe(busiest!.name);

    const ids = await app.query<{ id: number }>(
      `select d.id from disclosure d where d.id in (select disclosure_id from disclosure_party where credit_code = ?) and ${PUBLIC}
        order by d.formed_on desc, d.id desc`,
      [code, today],
    );
    expect(first.data!.subject!.disclosures.totalCount).toBe(ids.length);
    expect((await allRecordIds(client, code, PAGE, 2 * PAGE)).map(keyOf)).toEqual(ids.slice(0, 2 * PAGE).map((r) => r.id));
  });
});

describe('what the guide says', () => {
  it('batching is off: an array of operations is refused', async () => {
    const res = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errors: [{ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('quotes the code in docs/clients/ as it is', () => {
    const guide = readFileSync(new URL('../docs/clients.md', import.meta.url), 'utf8');
    const dir = new URL('../docs/clients/', import.meta.url);
    let quoted = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(new URL(file, dir), 'utf8');
      for (const [, name, body] of source.matchAll(/^\/\/ #region (\S+)\n([\s\S]*?)^\/\/ #endregion \1$/gm)) {
        expect(guide, `${file} #region ${name}`).toContain(body!.trimEnd());
        quoted++;
      }
    }
    expect(quoted).toBeGreaterThanOrEqual(6);
  });
});
