import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/kernel/viewer.js';
import { registeredCategories, typeNameOf } from '../../src/entities/hub/category-registry.js';
import { seedDatabase } from '../../src/generator/seed.js';
import { loadReferenceData } from '../../src/seeders/reference-data.js';
import { startTestApp, type GraphQLResponse, type TestApp } from '../helpers/database.js';

/**
 * Non-public data never reaches PUBLIC, in any query shape. Generated data,
 * then some records made exempt (each kind), unpublished or scheduled for a
 * later day, and some subjects made natural persons with identity numbers and
 * phone numbers. Every read shape is run as each viewer; what each may see is
 * computed here in plain SQL, and the serialised responses are searched for
 * every id, title and personal value the viewer must not get.
 */
let app: TestApp;
let owner: string; // the department whose records are made non-public
let other: string; // another department, whose PUBLISHER must not see them
let busiest: string; // a subject named by many records, some made non-public
let busiestRole: string;
const tokens: Record<string, string | undefined> = {};
let marked: { id: number; title: string; globalId: string; publisher: string }[];
let persons: { creditCode: string; idNumber: string; phone: string; namedByOwner: boolean; registeredBy: 'OWNER' | 'OTHER' | null }[];
let allNonPublic: { id: number; globalId: string; publisher: string }[];

const TODAY = `(now() at time zone 'Asia/Shanghai')::date`;
const PUBLIC_SQL = `(d.exemption = 'NONE' and d.published_on <= ${TODAY})`;

type Viewer = 'PUBLIC' | 'OWNER' | 'OTHER' | 'SUPERVISOR' | 'ADMIN';
const VIEWERS: Viewer[] = ['PUBLIC', 'OWNER', 'OTHER', 'SUPERVISOR', 'ADMIN'];

/** What a viewer may see, in SQL on alias d, written from the rules in the README. */
function visibleSql(viewer: Viewer): string {
  switch (viewer) {
    case 'SUPERVISOR':
      return 'true';
    case 'OWNER':
      return `(${PUBLIC_SQL} or d.publisher_code = '${owner}')`;
    case 'OTHER':
      return `(${PUBLIC_SQL} or d.publisher_code = '${other}')`;
    default:
      return PUBLIC_SQL;
  }
}

const globalId = (domain: string, category: string, id: number) =>
  Buffer.from(`${typeNameOf(domain, category)}:${id}`).toString('base64url');

beforeAll(async () => {
  app = await startTestApp({ demo: false });
  await loadReferenceData(app.database.orm.em.fork());
  await seedDatabase(app.database.orm, { scale: 1200, seed: 'non-public', until: '2026-11-20' });
  [owner, other] = (
    await app.query<{ code: string }>(`select publisher_code as code from disclosure group by publisher_code order by count(*) desc, publisher_code limit 2`)
  ).map((r) => r.code) as [string, string];
  const [top] = await app.query<{ credit_code: string; role: string }>(
    `select p.credit_code, p.role from disclosure_party p join disclosure d on d.id = p.disclosure_id
      where d.publisher_code = ? group by p.credit_code, p.role order by count(*) desc, p.credit_code limit 1`,
    [owner],
  );
  busiest = top!.credit_code;
  busiestRole = top!.role;

  // Records to hide: a dozen of the owner's (some naming the busiest subject), a few of other departments.
  const chosen = await app.query<{ id: number; publisher_code: string }>(
    `(select d.id, d.publisher_code from disclosure d where d.publisher_code = ? and exists (select 1 from disclosure_party p where p.disclosure_id = d.id and p.credit_code = ?) order by d.id limit 6)
     union (select d.id, d.publisher_code from disclosure d where d.publisher_code = ? order by d.id desc limit 8)
     union (select d.id, d.publisher_code from disclosure d where d.publisher_code not in (?, ?) order by d.id limit 4)`,
    [owner, busiest, owner, owner, other],
  );
  const states = [
    `exemption = 'STATE_SECRET', exemption_basis = '保守国家秘密法'`,
    `exemption = 'COMMERCIAL_SECRET', exemption_basis = '涉及商业秘密'`,
    `exemption = 'PERSONAL_PRIVACY', exemption_basis = '涉及个人隐私'`,
    `exemption = 'OTHER', exemption_basis = '其他'`,
    `published_on = null, status = 'PENDING'`,
    `published_on = ${TODAY} + 10`,
  ];
  for (const [i, row] of chosen.entries()) {
    await app.query(`update disclosure set ${states[i % states.length]}, title = ? where id = ?`, [`非公开测试${row.id}号记录`, row.id]);
  }
  const markedRows = await app.query<{ id: number; title: string; domain: string; category: string; publisher_code: string }>(
    `select id, title, domain, category, publisher_code from disclosure where title like '非公开测试%' order by id`,
  );
  marked = markedRows.map((r) => ({ id: r.id, title: r.title, globalId: globalId(r.domain, r.category, r.id), publisher: r.publisher_code }));
  allNonPublic = (
    await app.query<{ id: number; domain: string; category: string; publisher_code: string }>(
      `select id, domain, category, publisher_code from disclosure d where not ${PUBLIC_SQL}`,
    )
  ).map((r) => ({ id: r.id, globalId: globalId(r.domain, r.category, r.id), publisher: r.publisher_code }));

  // Natural persons: three named by the owner's records and not by the other department's, two named by neither.
  const named = await app.query<{ credit_code: string; by_owner: boolean }>(
    `(select p.credit_code, true as by_owner from disclosure_party p join disclosure d on d.id = p.disclosure_id
       where d.publisher_code = ? and p.credit_code <> ?
         and not exists (select 1 from disclosure_party q join disclosure e on e.id = q.disclosure_id where q.credit_code = p.credit_code and e.publisher_code = ?)
       group by p.credit_code order by p.credit_code limit 3)
     union all
     (select s.credit_code, false from subject s
       where not exists (select 1 from disclosure_party q join disclosure e on e.id = q.disclosure_id where q.credit_code = s.credit_code and e.publisher_code in (?, ?))
         and exists (select 1 from disclosure_party q where q.credit_code = s.credit_code)
       order by s.credit_code limit 2)`,
    [owner, busiest, other, owner, other],
  );
  expect(named.filter((n) => n.by_owner)).toHaveLength(3);
  persons = named.map((n, i) => ({
    creditCode: n.credit_code,
    idNumber: `63010219800101${String(5000 + i)}`,
    phone: `1390971${String(7000 + i)}`,
    namedByOwner: n.by_owner,
    // Registered by the owner: one it names and one it does not; one by the other department. Naming grants nothing (issue 19).
    registeredBy: i === 0 || i === 3 ? 'OWNER' : i === 4 ? 'OTHER' : null,
  }));
  for (const p of persons) {
    await app.query(`update subject set kind = 'NATURAL_PERSON', id_number = ?, contact_phone = ?, registered_by_code = ? where credit_code = ?`, [
      p.idNumber,
      p.phone,
      p.registeredBy && { OWNER: owner, OTHER: other }[p.registeredBy],
      p.creditCode,
    ]);
  }

  tokens.OWNER = await app.tokenFor(Role.PUBLISHER, owner);
  tokens.OTHER = await app.tokenFor(Role.PUBLISHER, other);
  tokens.SUPERVISOR = await app.tokenFor(Role.SUPERVISOR);
  tokens.ADMIN = await app.tokenFor(Role.ADMIN);
}, 180_000);

afterAll(async () => {
  await app?.close();
});

/** Every response a viewer got, serialised, to search for what it must not contain. */
const seen: Record<Viewer, string[]> = { PUBLIC: [], OWNER: [], OTHER: [], SUPERVISOR: [], ADMIN: [] };

async function ask(viewer: Viewer, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse['body']> {
  const { status, body } = await app.graphql(query, variables, { token: tokens[viewer] });
  expect(status, JSON.stringify(body.errors)).toBe(200);
  seen[viewer].push(JSON.stringify(body));
  return body;
}

async function ok(viewer: Viewer, query: string, variables?: Record<string, unknown>): Promise<Record<string, unknown>> {
  const body = await ask(viewer, query, variables);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data!;
}

const count = async (where: string, params: unknown[] = []) =>
  (await app.query<{ n: number }>(`select count(*)::int as n from disclosure d where ${where}`, params))[0]!.n;

const idOf = (globalId: string) => Number(Buffer.from(globalId, 'base64url').toString().split(':')[1]);

/** Every typed subject field of every category, as fragments. */
function partyFragments(): string {
  return registeredCategories()
    .filter((c) => Object.keys(c.partyFields).length > 0)
    .map((c) => `... on ${(c.details as { name: string }).name} { ${Object.keys(c.partyFields).map((f) => `${f} { creditCode idNumber contactPhone }`).join(' ')} }`)
    .join('\n');
}

const RECORD = `id title publishedOn exemption exemptionBasis publisher { code }
  parties { role subject { creditCode name kind idNumber contactPhone } }
  revisions { version title snapshot }`;

describe.each(VIEWERS)('as %s', (viewer) => {
  it('lists exactly the records it may see, over every page, with their parties, typed subjects and revisions', async () => {
    const query = `query ($after: String) { disclosures(first: 100, after: $after) {
      totalCount edges { node { ${RECORD} ${partyFragments()} } } pageInfo { hasNextPage endCursor } } }`;
    const ids: number[] = [];
    let after: string | null = null;
    let totalCount = -1;
    for (;;) {
      const data = await ok(viewer, query, { after });
      const page = data.disclosures as { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      totalCount = page.totalCount;
      ids.push(...page.edges.map((e) => idOf(e.node.id)));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const expected = (await app.query<{ id: number }>(`select id from disclosure d where ${visibleSql(viewer)} order by formed_on desc, id desc`)).map((r) => r.id);
    expect(ids).toEqual(expected);
    expect(totalCount).toBe(expected.length);
  });

  it('counts every filter, and the title search, over only what it may see', async () => {
    const [someDomain] = await app.query<{ domain: string; category: string }>(`select domain, category from disclosure where title like '非公开测试%' limit 1`);
    const cases: [Record<string, unknown>, string, unknown[]][] = [
      [{ domains: [someDomain!.domain] }, 'd.domain = ?', [someDomain!.domain]],
      [{ domains: [someDomain!.domain], categories: [someDomain!.category] }, 'd.domain = ? and d.category = ?', [someDomain!.domain, someDomain!.category]],
      [{ regionCode: '630100' }, `d.region_code between '630100' and '630199'`, []],
      [{ publisherCode: owner }, 'd.publisher_code = ?', [owner]],
      [{ creditCode: busiest }, 'exists (select 1 from disclosure_party p where p.disclosure_id = d.id and p.credit_code = ?)', [busiest]],
      [
        { creditCode: busiest, role: busiestRole },
        'exists (select 1 from disclosure_party p where p.disclosure_id = d.id and p.credit_code = ? and p.role = ?)',
        [busiest, busiestRole],
      ],
      [{ formedFrom: '2024-01-01', formedTo: '2026-12-31' }, `d.formed_on between '2024-01-01' and '2026-12-31'`, []],
      [{ publishedFrom: '2025-01-01' }, `d.published_on >= '2025-01-01'`, []],
      [{ amountMin: '100000' }, 'd.amount >= 100000', []],
      [{ text: '非公开测试' }, `d.title like '%非公开测试%'`, []],
      [{ text: '项目' }, `d.title like '%项目%'`, []],
      [{ overdue: true }, `d.exemption = 'NONE' and (d.published_on > d.deadline or (d.published_on is null and d.deadline < ${TODAY}))`, []],
      [{ overdue: false }, `not (d.exemption = 'NONE' and (d.published_on > d.deadline or (d.published_on is null and d.deadline < ${TODAY})))`, []],
      [{ status: 'PENDING' }, `d.status = 'PENDING'`, []],
    ];
    for (const [filter, where, params] of cases) {
      const data = await ok(viewer, `query ($filter: DisclosureFilter) { disclosures(filter: $filter, first: 100) { totalCount edges { node { id title } } } }`, { filter });
      const list = data.disclosures as { totalCount: number; edges: unknown[] };
      const expected = await count(`${where} and ${visibleSql(viewer)}`, params);
      expect(list.totalCount, JSON.stringify(filter)).toBe(expected);
      expect(list.edges.length, JSON.stringify(filter)).toBe(Math.min(expected, 100));
    }
  });

  it('answers node(id) for a record only where it may see it', async () => {
    const sample = [...marked, ...allNonPublic.filter((r) => !marked.some((m) => m.id === r.id)).slice(0, 20)];
    const query = `{ ${sample.map((r, i) => `n${i}: node(id: "${r.globalId}") { id ... on Disclosure { title } }`).join('\n')} }`;
    const data = await ok(viewer, query);
    const visible = new Set(
      (await app.query<{ id: number }>(`select id from disclosure d where d.id in (${sample.map((r) => r.id).join(',')}) and ${visibleSql(viewer)}`)).map((r) => r.id),
    );
    sample.forEach((r, i) => {
      const node = data[`n${i}`] as { id: string } | null;
      expect(node?.id ?? null, `record ${r.id}`).toBe(visible.has(r.id) ? r.globalId : null);
    });
  });

  it("nests a subject's, department's and region's records and counts over only what it may see", async () => {
    const data = await ok(
      viewer,
      `query ($code: CreditCode!, $role: PartyRole) {
        subject(creditCode: $code) {
          domainCounts { domain role count }
          byDate: disclosures(first: 100) { totalCount edges { node { id title } } }
          byAmount: disclosures(first: 100, orderBy: { field: AMOUNT }) { totalCount edges { node { id title } } }
          inRole: disclosures(first: 100, filter: { role: $role }) { totalCount edges { node { id title } } }
          searched: disclosures(first: 100, filter: { text: "非公开测试" }) { totalCount edges { node { id title } } }
        }
        departments { code disclosures(first: 100) { totalCount edges { node { id title } } } }
        regions { code disclosures(first: 100, filter: { text: "非公开测试" }) { totalCount edges { node { id title } } } }
      }`,
      { code: busiest, role: busiestRole },
    );
    const subject = data.subject as Record<string, { totalCount: number; edges: { node: { id: string } }[] }> & { domainCounts: unknown[] };
    const naming = `exists (select 1 from disclosure_party p where p.disclosure_id = d.id and p.credit_code = '${busiest}')`;
    const ordered = async (order: string, extra = 'true') =>
      (await app.query<{ id: number }>(`select id from disclosure d where ${naming} and ${extra} and ${visibleSql(viewer)} order by ${order} limit 100`)).map((r) => r.id);
    expect(subject.byDate!.edges.map((e) => idOf(e.node.id))).toEqual(await ordered('formed_on desc, id desc'));
    expect(subject.byDate!.totalCount).toBe(await count(`${naming} and ${visibleSql(viewer)}`));
    expect(subject.byAmount!.edges.map((e) => idOf(e.node.id))).toEqual(await ordered('amount desc nulls last, id desc'));
    expect(subject.byAmount!.totalCount).toBe(subject.byDate!.totalCount);
    const inRole = `exists (select 1 from disclosure_party p where p.disclosure_id = d.id and p.credit_code = '${busiest}' and p.role = '${busiestRole}')`;
    expect(subject.inRole!.edges.map((e) => idOf(e.node.id))).toEqual(await ordered('formed_on desc, id desc', inRole));
    expect(subject.inRole!.totalCount).toBe(await count(`${inRole} and ${visibleSql(viewer)}`));
    expect(subject.searched!.totalCount).toBe(await count(`${naming} and d.title like '%非公开测试%' and ${visibleSql(viewer)}`));
    expect(subject.domainCounts).toEqual(
      await app.query(
        `select p.domain::text as domain, p.role::text as role, count(*)::int as count from disclosure_party p join disclosure d on d.id = p.disclosure_id
          where p.credit_code = ? and ${visibleSql(viewer)} group by p.domain, p.role order by p.domain, p.role`,
        [busiest],
      ),
    );
    const byDepartment = new Map(
      (await app.query<{ code: string; n: number }>(`select publisher_code as code, count(*)::int as n from disclosure d where ${visibleSql(viewer)} group by publisher_code`)).map((r) => [r.code, r.n]),
    );
    for (const d of data.departments as { code: string; disclosures: { totalCount: number } }[]) {
      expect(d.disclosures.totalCount, d.code).toBe(byDepartment.get(d.code) ?? 0);
    }
    for (const r of data.regions as { code: string; disclosures: { totalCount: number } }[]) {
      const [lo, hi] = r.code.endsWith('0000') ? [r.code, `${r.code.slice(0, 2)}9999`] : r.code.endsWith('00') ? [r.code, `${r.code.slice(0, 4)}99`] : [r.code, r.code];
      expect(r.disclosures.totalCount, r.code).toBe(await count(`d.region_code between ? and ? and d.title like '%非公开测试%' and ${visibleSql(viewer)}`, [lo, hi]));
    }
  });

  it("gives a natural person's identity number and phone only to SUPERVISOR and to the department that registered the person", async () => {
    const data = await ok(
      viewer,
      `{
        subjects(filter: { kind: NATURAL_PERSON }, first: 100) { edges { node { creditCode kind idNumber contactPhone } } }
        ${persons.map((p, i) => `p${i}: subject(creditCode: "${p.creditCode}") { creditCode idNumber contactPhone disclosures(first: 20) { edges { node { id ${partyFragments()} parties { subject { idNumber contactPhone } } } } } }`).join('\n')}
      }`,
    );
    for (const [i, p] of persons.entries()) {
      const s = data[`p${i}`] as { idNumber: string | null; contactPhone: string | null };
      const may = viewer === 'SUPERVISOR' || viewer === p.registeredBy;
      expect(s.idNumber, `${viewer} ${p.creditCode}`).toBe(may ? p.idNumber : null);
      expect(s.contactPhone).toBe(may ? p.phone : null);
    }
  });

  it('reads complianceReport only as SUPERVISOR or as the department itself; the ranking and the yearly report are public', async () => {
    const report = `query ($code: String!) { complianceReport(scope: { departmentCode: $code }, period: { year: 2025 }) { totals { formed exempt } byCategory { name formed exempt } } }`;
    const own = await ask(viewer, report, { code: owner });
    const expectedCode = { PUBLIC: 'UNAUTHENTICATED', OWNER: null, OTHER: 'FORBIDDEN', SUPERVISOR: null, ADMIN: 'FORBIDDEN' }[viewer];
    expect(own.errors?.[0]?.extensions?.code ?? null).toBe(expectedCode);
    if (!expectedCode) expect((own.data!.complianceReport as { totals: { formed: number } }).totals.formed).toBeGreaterThan(0);
    const region = await ask(viewer, `{ complianceReport(scope: { regionCode: "630000" }, period: { year: 2025 }) { totals { formed } } }`);
    expect(region.errors?.[0]?.extensions?.code ?? null).toBe(viewer === 'SUPERVISOR' ? null : expectedCode ?? 'FORBIDDEN');
    await ok(viewer, `{ complianceRanking(period: { year: 2025 }, level: PROVINCIAL_DEPARTMENT) { entries { rank department { code } } } }`);
    const page = await fetch(new URL(`/reports/${owner}/2025`, app.url), { headers: tokens[viewer] ? { authorization: `Bearer ${tokens[viewer]}` } : {} });
    expect(page.status).toBe(200);
  });

  it('never gets an id, title or personal value it may not see, anywhere in any response', () => {
    // Ids are searched with their quotes: base64 of `Type:3` is a prefix of `Type:30`'s.
    const text = seen[viewer].join('\n');
    expect(text.length).toBeGreaterThan(100_000);
    const mayRecord = (publisher: string) =>
      viewer === 'SUPERVISOR' || (viewer === 'OWNER' && publisher === owner) || (viewer === 'OTHER' && publisher === other);
    for (const r of marked) {
      // Every marked record is in some list this viewer asked for, if it may see it.
      expect(text.includes(r.title), `${viewer}: title of ${r.id}`).toBe(mayRecord(r.publisher));
      expect(text.includes(`"${r.globalId}"`), `${viewer}: id of ${r.id}`).toBe(mayRecord(r.publisher));
    }
    for (const r of allNonPublic) {
      if (!mayRecord(r.publisher)) expect(text.includes(`"${r.globalId}"`), `${viewer}: id of non-public ${r.id}`).toBe(false);
    }
    for (const p of persons) {
      const may = viewer === 'SUPERVISOR' || viewer === p.registeredBy;
      expect(text.includes(p.idNumber), `${viewer}: id number of ${p.creditCode}`).toBe(may);
      expect(text.includes(p.phone), `${viewer}: phone of ${p.creditCode}`).toBe(may);
    }
  });
});
