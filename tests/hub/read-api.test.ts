import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../src/kernel/time/china-date.js';
import { seedDatabase } from '../../src/generator/seed.js';
import { loadReferenceData } from '../../src/seeders/reference-data.js';
import { readEverythingAsSupervisor, startTestApp, type TestApp } from '../helpers/database.js';

let app: TestApp;
let busiest: string;
let busiestRole: string;
let region: string;

beforeAll(async () => {
  app = await startTestApp({ demo: false });
  // These tests are about what each list, filter and figure means over every row: read it all.
  await readEverythingAsSupervisor(app);
  await loadReferenceData(app.database.orm.em.fork());
  await seedDatabase(app.database.orm, { scale: 20_000, seed: 'read-api', until: '2026-11-20' });
  const [top] = await app.query<{ credit_code: string }>(
    'select credit_code from disclosure_party group by credit_code order by count(*) desc, credit_code limit 1',
  );
  busiest = top!.credit_code;
  const [role] = await app.query<{ role: string }>(
    'select role from disclosure_party where credit_code = ? group by role order by count(*) desc limit 1',
    [busiest],
  );
  busiestRole = role!.role;
  region = '630100';
}, 300_000);
afterAll(async () => {
  await app?.close();
});

interface Page {
  edges: { cursor: string; node: { id: string; dbId?: number } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount?: number;
}

const LIST = `query ($filter: DisclosureFilter, $orderBy: DisclosureOrder, $first: Int, $after: String) {
  disclosures(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount edges { cursor node { id title } } pageInfo { hasNextPage endCursor }
  }
}`;

/** Walks every page and returns the record numbers, in order, as the client sees them. */
async function walk(filter: Record<string, unknown>, orderBy?: Record<string, unknown>, pageSize = 100): Promise<{ ids: number[]; totalCount: number }> {
  const ids: number[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let pages = 0; pages < 500; pages++) {
    const { body } = await app.graphql(LIST, { filter, orderBy, first: pageSize, after });
    expect(body.errors).toBeUndefined();
    const page = body.data!.disclosures as Page;
    totalCount = page.totalCount!;
    for (const edge of page.edges) ids.push(Number(Buffer.from(edge.node.id, 'base64url').toString().split(':')[1]));
    if (!page.pageInfo.hasNextPage) return { ids, totalCount };
    after = page.pageInfo.endCursor;
  }
  throw new Error('too many pages');
}

/** Plain SQL, written here, for what each filter means. */
function expectedSql(filter: Record<string, unknown>): { where: string; params: unknown[] } {
  const where: string[] = ['true'];
  const params: unknown[] = [];
  const add = (condition: string, ...values: unknown[]) => {
    where.push(condition);
    params.push(...values);
  };
  const f = filter as Record<string, never>;
  if (f.domains) where.push(`domain in (${(f.domains as string[]).map((d) => `'${d}'`).join(',')})`);
  if (f.categories) where.push(`category in (${(f.categories as string[]).map((d) => `'${d}'`).join(',')})`);
  if (f.regionCode) {
    where.push(`region_code in (select code from region where code = ? or parent_code = ? or parent_code in (select code from region where parent_code = ?))`);
    params.push(f.regionCode, f.regionCode, f.regionCode);
  }
  if (f.publisherCode) add('publisher_code = ?', f.publisherCode);
  if (f.creditCode) {
    where.push(`id in (select disclosure_id from disclosure_party where credit_code = ?${f.role ? ' and role = ?' : ''})`);
    params.push(f.creditCode, ...(f.role ? [f.role] : []));
  }
  if (f.formedFrom) add('formed_on >= ?', f.formedFrom);
  if (f.formedTo) add('formed_on <= ?', f.formedTo);
  if (f.publishedFrom) add('published_on >= ?', f.publishedFrom);
  if (f.publishedTo) add('published_on <= ?', f.publishedTo);
  if (f.amountMin) add('amount >= ?', f.amountMin);
  if (f.amountMax) add('amount <= ?', f.amountMax);
  if (f.text) add('position(lower(?) in lower(title)) > 0', f.text);
  if (f.status) add('status = ?', f.status);
  if (f.overdue !== undefined) {
    const overdue = `(exemption = 'NONE' and (published_on > deadline or (published_on is null and deadline < '${todayInChina()}')))`;
    where.push(f.overdue ? overdue : `not ${overdue}`);
  }
  return { where: where.join(' and '), params };
}

const FILTERS: [string, () => Record<string, unknown>][] = [
  ['domains', () => ({ domains: ['MINING_RIGHTS', 'EMISSION_RIGHTS'], formedFrom: '2025-01-01' })],
  ['categories', () => ({ domains: ['LAND_TRANSFER'], categories: ['DEAL'] })],
  ['regionCode (prefecture and counties)', () => ({ regionCode: '632800', formedFrom: '2024-06-01' })],
  ['regionCode (county)', () => ({ regionCode: '630102' })],
  ['publisherCode', () => ({ publisherCode: 'QH-ENV' })],
  ['creditCode', () => ({ creditCode: busiest })],
  ['creditCode + role', () => ({ creditCode: busiest, role: busiestRole })],
  ['formed range', () => ({ formedFrom: '2023-02-01', formedTo: '2023-03-15' })],
  ['published range', () => ({ publishedFrom: '2022-10-01', publishedTo: '2022-10-31' })],
  ['amount range', () => ({ amountMin: '50000000', amountMax: '80000000.50' })],
  ['text, two Chinese characters', () => ({ text: '锂矿' })],
  ['text, a phrase', () => ({ text: '中标结果' })],
  ['overdue', () => ({ overdue: true, domains: ['HOUSING'] })],
  ['not overdue', () => ({ overdue: false, domains: ['DRUG_PROCUREMENT'], formedFrom: '2026-01-01' })],
  ['status', () => ({ status: 'RETRACTED' })],
  ['combined', () => ({ domains: ['GOVERNMENT_PROCUREMENT'], regionCode: region, formedFrom: '2024-01-01', formedTo: '2024-12-31', amountMin: '100000' })],
];

describe('disclosures(filter): every filter alone and combined, against plain SQL', () => {
  it.each(FILTERS)('%s: a full walk equals the SQL answer, no gaps, no duplicates', async (_name, make) => {
    const filter = make();
    const { where, params } = expectedSql(filter);
    const expected = await app.query<{ id: number }>(`select id from disclosure where ${where} order by formed_on desc, id desc`, params);
    expect(expected.length).toBeGreaterThan(0);
    const { ids, totalCount } = await walk(filter);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expected.map((r) => r.id));
    expect(totalCount).toBe(expected.length);
  });
});

describe('ordering: every field and direction, ties broken by id, missing values last', () => {
  const columns = { FORMED_ON: 'formed_on', PUBLISHED_ON: 'published_on', AMOUNT: 'amount' } as const;
  it.each(
    (['FORMED_ON', 'PUBLISHED_ON', 'AMOUNT'] as const).flatMap((field) => (['ASC', 'DESC'] as const).map((direction) => [field, direction] as const)),
  )('%s %s', async (field, direction) => {
    const filter = { domains: ['STATE_PROPERTY_RIGHTS'], regionCode: '630100' };
    const { where, params } = expectedSql(filter);
    const column = columns[field];
    const expected = await app.query<{ id: number }>(
      `select id from disclosure where ${where} order by ${column} ${direction} nulls last, id ${direction}`,
      params,
    );
    const { ids } = await walk(filter, { field, direction }, 37);
    expect(ids).toEqual(expected.map((r) => r.id));
  });
});

describe('bad arguments are refused with BAD_USER_INPUT, naming the argument', () => {
  it.each([
    [{ first: 101 }, 'first'],
    [{ first: -1 }, 'first'],
    [{ after: 'not-a-cursor' }, 'after'],
    [{ filter: { role: 'WINNER' } }, 'filter.role'],
    [{ filter: { regionCode: '999999' } }, 'filter.regionCode'],
    [{ filter: { regionCode: '63' } }, 'filter.regionCode'],
    [{ filter: { publisherCode: 'NOPE' } }, 'filter.publisherCode'],
    [{ filter: { categories: ['NOPE'] } }, 'filter.categories'],
    [{ filter: { domains: ['HOUSING'], categories: ['DEAL'] } }, 'filter.categories'],
    [{ filter: { formedFrom: '2024-02-01', formedTo: '2024-01-01' } }, 'filter.formedFrom'],
    [{ filter: { amountMin: '10', amountMax: '1' } }, 'filter.amountMin'],
    [{ filter: { text: 'x'.repeat(101) } }, 'filter.text'],
  ])('%j', async (variables, field) => {
    const { body } = await app.graphql(LIST, variables);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('a cursor from another ordering is refused', async () => {
    const { body } = await app.graphql(LIST, { first: 1 });
    const cursor = (body.data!.disclosures as Page).pageInfo.endCursor;
    const other = await app.graphql(LIST, { first: 1, after: cursor, orderBy: { field: 'AMOUNT', direction: 'ASC' } });
    expect(other.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('defaults to 20 and counts only when asked', async () => {
    const { result, statements } = await app.sql.count(() => app.graphql('{ disclosures { edges { node { id } } pageInfo { hasNextPage } } }'));
    expect((result.body.data!.disclosures as Page).edges).toHaveLength(20);
    expect(statements.filter((s) => /count\(\*\)/.test(s))).toEqual([]);
  });
});

describe('the nested page is batched: a constant number of statements whatever the page size', () => {
  const nested = (first: number) => `{
    subjects(first: ${first}, filter: { kind: ENTERPRISE }) { edges { node {
      name creditStatus creditEntries { list } domainCounts { domain role count }
      disclosures(first: 5) { totalCount edges { node {
        title publisher { name } region { name }
        parties { role subject { name creditStatus } }
        ... on ProcurementResult { winningSupplier { name } }
      } } }
    } } }
  }`;

  /** A statement's shape: the same query over more keys is the same shape. */
  // A list of parameters, or of tuples of them (`(?, ?, ?::date), (…)`), whatever its length, reads as one.
  const shape = (sql: string) => sql.replace(/\(\?(::\w+)?(, \?(::\w+)?)*\)(, \(\?(::\w+)?(, \?(::\w+)?)*\))*/g, '(…)');

  it('first: 5 and first: 50 send the same small number of statements', async () => {
    // Once uncounted: the per-process reference snapshot (regions, departments) loads on the first
    // request after it expires (60 s), which on a loaded machine can fall inside either count.
    await app.graphql(nested(5));
    const small = await app.sql.count(() => app.graphql(nested(5)));
    const large = await app.sql.count(() => app.graphql(nested(50)));
    expect(small.result.body.errors).toBeUndefined();
    expect(large.result.body.errors).toBeUndefined();
    expect((large.result.body.data!.subjects as { edges: unknown[] }).edges).toHaveLength(50);
    expect(small.statements.length).toBeLessThanOrEqual(10);
    expect(large.statements.length).toBe(small.statements.length);
    expect(large.statements.map(shape)).toEqual(small.statements.map(shape));
  });

  it('a subject\'s nested records and counts equal plain SQL', async () => {
    const { body } = await app.graphql(
      `query ($code: CreditCode!) { subject(creditCode: $code) {
        domainCounts { domain role count }
        disclosures(first: 7) { totalCount edges { node { id } } }
        winner: disclosures(first: 3, filter: { role: AGENCY }) { totalCount }
      } }`,
      { code: busiest },
    );
    expect(body.errors).toBeUndefined();
    const subject = body.data!.subject as {
      domainCounts: { domain: string; role: string; count: number }[];
      disclosures: Page;
      winner: { totalCount: number };
    };
    const expected = await app.query<{ id: number }>(
      `select id from disclosure where id in (select disclosure_id from disclosure_party where credit_code = ?) order by formed_on desc, id desc`,
      [busiest],
    );
    expect(subject.disclosures.totalCount).toBe(expected.length);
    expect(subject.disclosures.edges.map((e) => Number(Buffer.from(e.node.id, 'base64url').toString().split(':')[1]))).toEqual(
      expected.slice(0, 7).map((r) => r.id),
    );
    const [{ n }] = await app.query<{ n: number }>(
      `select count(distinct disclosure_id)::int as n from disclosure_party where credit_code = ? and role = 'AGENCY'`,
      [busiest],
    );
    expect(subject.winner.totalCount).toBe(n);
    const counts = await app.query<{ domain: string; role: string; count: number }>(
      `select d.domain, p.role, count(*)::int as count from disclosure_party p join disclosure d on d.id = p.disclosure_id
        where p.credit_code = ? group by 1, 2 order by 1, 2`,
      [busiest],
    );
    expect(subject.domainCounts).toEqual(counts);
  });

  it('a subject\'s records walk page by page, with and without a role, as SQL lists them', async () => {
    for (const role of [null, busiestRole]) {
      const ids: number[] = [];
      let after: string | null = null;
      for (;;) {
        const { body } = await app.graphql(
          `query ($code: CreditCode!, $after: String, $filter: DisclosureFilter) { subject(creditCode: $code) {
            disclosures(first: 100, after: $after, filter: $filter) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } } }`,
          { code: busiest, after, filter: role ? { role } : null },
        );
        expect(body.errors).toBeUndefined();
        const page = (body.data!.subject as { disclosures: Page }).disclosures;
        ids.push(...page.edges.map((e) => Number(Buffer.from(e.node.id, 'base64url').toString().split(':')[1])));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      const expected = await app.query<{ id: number }>(
        `select id from disclosure where id in (select disclosure_id from disclosure_party where credit_code = ?${role ? ' and role = ?' : ''})
          order by formed_on desc, id desc`,
        role ? [busiest, role] : [busiest],
      );
      expect(ids).toEqual(expected.map((r) => r.id));
    }
  });

  it('departments and regions list their own records', async () => {
    const { body } = await app.graphql(`{
      departments { code disclosures(first: 2) { totalCount } }
      regions { code disclosures(first: 1) { totalCount } children { code disclosures(first: 1) { totalCount } } }
    }`);
    expect(body.errors).toBeUndefined();
    const byPublisher = await app.query<{ publisher_code: string; n: number }>(
      'select publisher_code, count(*)::int as n from disclosure group by 1',
    );
    for (const d of body.data!.departments as { code: string; disclosures: { totalCount: number } }[]) {
      expect(d.disclosures.totalCount).toBe(byPublisher.find((r) => r.publisher_code === d.code)?.n ?? 0);
    }
    const [province] = body.data!.regions as { disclosures: { totalCount: number }; children: { code: string; disclosures: { totalCount: number } }[] }[];
    const [{ total }] = await app.query<{ total: number }>('select count(*)::int as total from disclosure');
    expect(province!.disclosures.totalCount).toBe(total);
    const xining = province!.children.find((c) => c.code === '630100')!;
    const [{ x }] = await app.query<{ x: number }>(
      `select count(*)::int as x from disclosure where region_code in (select code from region where code = '630100' or parent_code = '630100')`,
    );
    expect(xining.disclosures.totalCount).toBe(x);
  });
});

describe('subjects and credit entries lists', () => {
  it('walks every subject on the black list today, equal to SQL', async () => {
    const today = todayInChina();
    const expected = await app.query<{ credit_code: string }>(
      `select distinct s.credit_code from subject s join credit_entry c on c.credit_code = s.credit_code
        where c.list = 'BLACK' and c.valid_from <= ? and (c.valid_until is null or c.valid_until >= ?) and (c.revoked_on is null or c.revoked_on > ?)
        order by 1`,
      [today, today, today],
    );
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { body } = await app.graphql(
        'query ($after: String) { subjects(filter: { onList: BLACK }, first: 7, after: $after) { totalCount edges { node { creditCode creditStatus } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      expect(body.errors).toBeUndefined();
      const page = body.data!.subjects as { totalCount: number; edges: { node: { creditCode: string; creditStatus: string } }[]; pageInfo: Page['pageInfo'] };
      expect(page.totalCount).toBe(expected.length);
      for (const e of page.edges) {
        seen.push(e.node.creditCode);
        expect(['BLACK', 'BOTH']).toContain(e.node.creditStatus);
      }
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected.map((r) => r.credit_code));
  });

  it('credit entries by status as of a day equal SQL', async () => {
    const asOf = '2024-06-30';
    for (const status of ['IN_FORCE', 'EXPIRED', 'REVOKED']) {
      const { body } = await app.graphql(
        `query ($s: CreditEntryStatus, $d: Date) { creditEntries(filter: { status: $s, asOf: $d }, first: 100) { totalCount edges { node { status(asOf: $d) } } } }`,
        { s: status, d: asOf },
      );
      expect(body.errors).toBeUndefined();
      const page = body.data!.creditEntries as { totalCount: number; edges: { node: { status: string } }[] };
      const sql = {
        IN_FORCE: `valid_from <= '${asOf}' and (valid_until is null or valid_until >= '${asOf}') and (revoked_on is null or revoked_on > '${asOf}')`,
        EXPIRED: `valid_until < '${asOf}' and (revoked_on is null or revoked_on > '${asOf}')`,
        REVOKED: `revoked_on <= '${asOf}'`,
      }[status];
      const [{ n }] = await app.query<{ n: number }>(`select count(*)::int as n from credit_entry where ${sql}`);
      expect(page.totalCount).toBe(n);
      expect(page.edges.every((e) => e.node.status === status)).toBe(true);
    }
  });
});
