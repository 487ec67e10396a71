import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/database.js';

/**
 * A listing reads only the record columns its nodes' fields need
 * (src/resolvers/hub/selected-columns.ts), and every column for a field it
 * does not know. The answers must be the same either way: compared here with
 * plain SQL, and the statement sent is looked at for which way it went.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
}, 60_000);
afterAll(async () => {
  await app?.close();
});

const PUBLIC = `d.exemption = 'NONE' and d.published_on <= (now() at time zone 'Asia/Shanghai')::date`;
const keyOf = (globalId: string) => Number(Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]);

interface Node {
  id: string;
  title: string;
  amount: string | null;
  formedOn: string;
  publishedOn: string | null;
  region: { name: string };
  publisher: { name: string };
  parties: { role: string }[];
  overdue?: boolean;
}

async function expected(first: number) {
  return app.query<{ id: number; title: string; amount: string | null; formed_on: string; published_on: string | null; region: string; publisher: string; parties: string[] }>(
    `select d.id, d.title, d.amount::text as amount, d.formed_on::text as formed_on, d.published_on::text as published_on, r.name as region, p.name as publisher,
            array(select x.role::text from disclosure_party x where x.disclosure_id = d.id order by x.role, x.rank, x.credit_code) as parties
       from disclosure d join region r on r.code = d.region_code join department p on p.code = d.publisher_code
      where ${PUBLIC} order by d.formed_on desc, d.id desc limit ${first}`,
  );
}

async function listed(selection: string, fragments = '') {
  const { result, statements } = await app.sql.count(() => app.graphql(`{ disclosures(first: 30) { edges { node { ${selection} } } } } ${fragments}`));
  expect(result.body.errors).toBeUndefined();
  const nodes = (result.body.data!.disclosures as { edges: { node: Node }[] }).edges.map((e) => e.node);
  return { nodes, statements };
}

const FIELDS = 'id title amount formedOn publishedOn region { name } publisher { name } parties { role }';

describe('a listing reads the columns its fields need', () => {
  it('answers title, amount, dates, region, publisher and parties from the few columns they need', async () => {
    const { nodes, statements } = await listed(FIELDS);
    const rows = await expected(30);
    expect(rows.length).toBe(30);
    expect(nodes.map((n) => ({ ...n, id: keyOf(n.id) }))).toEqual(
      rows.map((r) => ({
        id: r.id,
        title: r.title,
        amount: r.amount,
        formedOn: r.formed_on,
        publishedOn: r.published_on,
        region: { name: r.region },
        publisher: { name: r.publisher },
        parties: r.parties.map((role) => ({ role })),
      })),
    );
    const page = statements.find((s) => s.includes('from disclosure d'))!;
    expect(page).toContain('"title"');
    expect(page).not.toContain('retraction_reason');
    expect(page).not.toContain('deadline');
  });

  it('does the same through a named fragment and an inline one on the interface', async () => {
    const { nodes, statements } = await listed('...Row ... on Disclosure { publisher { name } }', 'fragment Row on Disclosure { id title amount formedOn publishedOn region { name } parties { role } }');
    const rows = await expected(30);
    expect(nodes.map((n) => [keyOf(n.id), n.title, n.publisher.name])).toEqual(rows.map((r) => [r.id, r.title, r.publisher]));
    expect(statements.find((s) => s.includes('from disclosure d'))).not.toContain('retraction_reason');
  });

  it('reads every column for a field it does not know, and answers it', async () => {
    const { nodes, statements } = await listed(`${FIELDS} overdue`);
    const rows = await app.query<{ id: number; overdue: boolean }>(
      `select d.id, (d.published_on > d.deadline) as overdue from disclosure d where ${PUBLIC} order by d.formed_on desc, d.id desc limit 30`,
    );
    expect(nodes.map((n) => [keyOf(n.id), n.overdue])).toEqual(rows.map((r) => [r.id, r.overdue]));
    expect(statements.find((s) => s.includes('from disclosure d'))).toContain('retraction_reason');
  });

  it("narrows a subject's nested records too, sorting and paging by a column it does not return", async () => {
    const [busy] = await app.query<{ credit_code: string }>(
      `select p.credit_code from disclosure_party p join disclosure d on d.id = p.disclosure_id where ${PUBLIC}
        group by p.credit_code having count(distinct d.id) >= 4 order by count(distinct d.id) desc, p.credit_code limit 1`,
    );
    const code = busy!.credit_code;
    const rows = await app.query<{ id: number; title: string }>(
      `select d.id, d.title from disclosure d where d.id in (select disclosure_id from disclosure_party where credit_code = ?) and ${PUBLIC}
        order by d.amount desc nulls last, d.id desc`,
      [code],
    );
    const page = (after: string | null) =>
      app.sql.count(() =>
        app.graphql(
          `query ($code: CreditCode!, $after: String) { subject(creditCode: $code) { disclosures(first: 2, after: $after, orderBy: { field: AMOUNT, direction: DESC }) {
            pageInfo { hasNextPage endCursor } edges { node { id title } } } } }`,
          { code, after },
        ),
      );
    const seen: [number, string][] = [];
    let after: string | null = null;
    for (;;) {
      const { result, statements } = await page(after);
      expect(result.body.errors).toBeUndefined();
      const list = (result.body.data!.subject as { disclosures: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: Node }[] } }).disclosures;
      seen.push(...list.edges.map((e): [number, string] => [keyOf(e.node.id), e.node.title]));
      const sql = statements.find((x) => x.includes('cross join lateral'))!;
      expect(sql).toContain('"amount"');
      expect(sql).not.toContain('retraction_reason');
      if (!list.pageInfo.hasNextPage) break;
      after = list.pageInfo.endCursor;
    }
    expect(seen).toEqual(rows.map((r) => [r.id, r.title]));
  });
});
