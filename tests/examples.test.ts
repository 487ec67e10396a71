import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src/kernel/viewer.js';
import { todayInChina } from '../src/kernel/time/china-date.js';
import { loadExamples, type Example } from '../src/server/examples.js';
import { EXAMPLE_QUERY } from '../src/server/explorer.js';
import { startTestApp, type TestApp } from './helpers/database.js';

// Every file in examples/ runs as it is (its variables' defaults) against the demo
// data `npm start` loads, as anyone without a token, unless its header names a token.
const root = new URL('..', import.meta.url).pathname;
const examples = loadExamples();
/** An example by its operation's name. */
const example = (name: string): Example => {
  const found = examples.find((e) => e.name === name);
  if (!found) throw new Error(`no example named ${name}`);
  return found;
};

let app: TestApp;
let today: string;
beforeAll(async () => {
  app = await startTestApp();
  today = todayInChina();
}, 300_000);
afterAll(async () => {
  await app?.close();
});

interface Header {
  forWhom?: string;
  answers?: string;
  token?: string;
  text: string;
}

/** The comment lines before the operation. */
function headerOf(e: Example): Header {
  const lines = e.query.split('\n');
  const text = lines.slice(0, lines.findIndex((l) => !l.startsWith('#'))).join('\n');
  return {
    forWhom: /^# For: (.+)$/m.exec(text)?.[1],
    answers: /^# Answers: (.+)$/m.exec(text)?.[1],
    token: /^# Token: ([A-Z]+)/m.exec(text)?.[1],
    text,
  };
}

async function run(e: Example, variables?: Record<string, unknown>) {
  const role = headerOf(e).token as Role | undefined;
  const token = role ? await app.tokenFor(role) : undefined;
  const res = await app.graphql(e.query, variables, token ? { token } : undefined);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  expect(res.status).toBe(200);
  return res.body.data as Record<string, unknown>;
}

/** Somewhere in the answer: a non-empty list, or a positive count. */
function hasRows(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, v]) => (key === 'totalCount' ? (v as number) > 0 : hasRows(v)));
}

/** A record's global id to its database id ("ProcurementResult:62" → 62). */
const keyOf = (id: string) => Number(Buffer.from(id, 'base64url').toString('utf8').split(':')[1]);

/** What PUBLIC may read (README, Access): published by today, not exempt. */
const PUBLIC = `d.exemption = 'NONE' and d.published_on <= ?::date`;
/** The codes of a region and every region under it. */
const UNDER = `with recursive under(code) as (select ?::varchar union all select r.code from region r join under u on r.parent_code = u.code)`;

type Connection<T> = { totalCount: number; edges: { cursor: string; node: T }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

describe('examples/', () => {
  it('has examples for analysts, push services and dashboards, each one named operation, names unique', () => {
    const audiences = new Set(examples.map((e) => e.audience));
    expect([...audiences]).toEqual(['analyst', 'push-service', 'dashboard']);
    for (const audience of audiences) expect(examples.filter((e) => e.audience === audience).length).toBeGreaterThanOrEqual(3);
    expect(new Set(examples.map((e) => e.name)).size).toBe(examples.length);
  });

  describe.each(examples.map((e) => [e.file, e] as const))('%s', (_file, e) => {
    it('says who it is for and what it answers, with the Chinese term', () => {
      const header = headerOf(e);
      expect(header.forWhom).toBeTruthy();
      expect(header.answers).toBeTruthy();
      expect(header.text).toMatch(/[\u4e00-\u9fff]/);
    });

    it('runs as it is on the demo data, with rows in the answer', async () => {
      const data = await run(e);
      for (const [field, value] of Object.entries(data)) expect(value, field).not.toBeNull();
      expect(hasRows(data)).toBe(true);
    });
  });

  it('a token-only example is refused without its token, with the reason', async () => {
    const guarded = examples.filter((e) => headerOf(e).token);
    expect(guarded.map((e) => e.name)).toEqual(['ComplianceReport']);
    for (const e of guarded) {
      const res = await app.graphql(e.query);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('the analysts’ figures agree with plain SQL', () => {
  it('every record naming one enterprise, in every domain, and its credit standing', async () => {
    const e = example('SubjectAcrossDomains');
    const code = e.defaults.creditCode as string;
    const first = e.defaults.first as number;
    type Node = { __typename: string; id: string; domain: string };
    type Subject = {
      creditCode: string;
      creditStatus: string;
      creditEntries: { list: string; status: string }[];
      domainCounts: { domain: string; role: string; count: number }[];
      disclosures: Connection<Node>;
    };
    const subject = (await run(e)).subject as Subject;
    expect(subject.creditCode).toBe(code);

    const parties = await app.query<{ id: number; domain: string; role: string }>(
      `select d.id, p.domain::text as domain, p.role::text as role
         from disclosure_party p join disclosure d on d.id = p.disclosure_id
        where p.credit_code = ? and ${PUBLIC}
        order by d.formed_on desc, d.id desc`,
      [code, today],
    );
    const ids = [...new Set(parties.map((p) => p.id))];
    expect(new Set(parties.map((p) => p.domain)).size).toBeGreaterThanOrEqual(2);
    expect(subject.disclosures.totalCount).toBe(ids.length);
    expect(subject.disclosures.edges.map((edge) => keyOf(edge.node.id))).toEqual(ids.slice(0, first));

    const counts = new Map<string, number>();
    for (const p of parties) counts.set(`${p.domain} ${p.role}`, (counts.get(`${p.domain} ${p.role}`) ?? 0) + 1);
    const answered = new Map(subject.domainCounts.map((c) => [`${c.domain} ${c.role}`, c.count]));
    expect(answered).toEqual(counts);

    // The next page, from the first page's cursor.
    const next = (await run(e, { after: subject.disclosures.pageInfo.endCursor })).subject as Subject;
    expect(next.disclosures.edges.map((edge) => keyOf(edge.node.id))).toEqual(ids.slice(first, 2 * first));

    const entries = await app.query<{ list: string; in_force: boolean }>(
      `select list::text as list,
              valid_from <= ?::date and (valid_until is null or valid_until >= ?::date) and (revoked_on is null or revoked_on > ?::date) as in_force
         from credit_entry where credit_code = ?`,
      [today, today, today, code],
    );
    expect(subject.creditEntries).toHaveLength(entries.length);
    const red = entries.some((x) => x.list === 'RED' && x.in_force);
    const black = entries.some((x) => x.list === 'BLACK' && x.in_force);
    expect(subject.creditStatus).toBe(red && black ? 'BOTH' : red ? 'RED' : black ? 'BLACK' : 'NONE');
  });

  it("a region's records in a domain, and how many were late", async () => {
    const e = example('RegionDomainRecords');
    const { regionCode, domain, formedFrom, first } = e.defaults as { regionCode: string; domain: string; formedFrom: string; first: number };
    const data = await run(e);
    const rows = await app.query<{ id: number; late: boolean }>(
      `${UNDER} select d.id, d.published_on > d.deadline as late from disclosure d
        where d.region_code in (select code from under) and d.domain = ?::domain and d.formed_on >= ?::date and ${PUBLIC}
        order by d.formed_on desc, d.id desc`,
      [regionCode, domain, formedFrom, today],
    );
    const list = data.disclosures as Connection<{ id: string }>;
    expect(list.totalCount).toBe(rows.length);
    expect(list.edges.map((edge) => keyOf(edge.node.id))).toEqual(rows.slice(0, first).map((r) => r.id));
    expect((data.late as { totalCount: number }).totalCount).toBe(rows.filter((r) => r.late).length);
  });

  it('a record by its id, with its category’s own fields', async () => {
    const e = example('NodeById');
    const node = (await run(e)).node as { __typename: string; id: string; title: string; projectName: string; awardAmount: string };
    expect(node.__typename).toBe('ProcurementResult');
    const [row] = await app.query<{ title: string; project_name: string; award_amount: string }>(
      `select d.title, r.project_name, r.award_amount::text as award_amount
         from disclosure d join procurement_result r on r.disclosure_id = d.id where d.id = ?`,
      [keyOf(e.defaults.id as string)],
    );
    expect({ title: node.title, projectName: node.projectName, awardAmount: node.awardAmount }).toEqual({
      title: row!.title,
      projectName: row!.project_name,
      awardAmount: row!.award_amount,
    });
  });
});

describe('the dashboards’ counts agree with plain SQL', () => {
  const camel = (domain: string) => domain.toLowerCase().replace(/_(.)/g, (_m, c: string) => c.toUpperCase());

  it('by domain, with the late ones', async () => {
    const e = example('CountsByDomain');
    const { from, to, regionCode } = e.defaults as { from: string; to: string; regionCode: string };
    const data = await run(e);
    const rows = await app.query<{ domain: string; n: number; late: number }>(
      `${UNDER} select d.domain::text as domain, count(*)::int as n, count(*) filter (where d.published_on > d.deadline)::int as late
         from disclosure d where d.region_code in (select code from under) and d.formed_on between ?::date and ?::date and ${PUBLIC}
        group by d.domain`,
      [regionCode, from, to, today],
    );
    const expected: Record<string, { totalCount: number }> = {
      all: { totalCount: rows.reduce((s, r) => s + r.n, 0) },
      allLate: { totalCount: rows.reduce((s, r) => s + r.late, 0) },
    };
    for (const r of rows) {
      expected[camel(r.domain)] = { totalCount: r.n };
      expected[`${camel(r.domain)}Late`] = { totalCount: r.late };
    }
    expect(rows).toHaveLength(8);
    expect(data).toEqual(expected);
  });

  it('by region: the province and each prefecture, each with everything under it', async () => {
    const e = example('CountsByRegion');
    const { from, to } = e.defaults as { from: string; to: string };
    type Counted = { code: string; records: { totalCount: number }; late: { totalCount: number } };
    const [province] = (await run(e)).regions as (Counted & { children: Counted[] })[];
    const rows = await app.query<{ root: string; n: number; late: number }>(
      `with recursive tree(root, code) as (
         select code, code from region union all select t.root, r.code from tree t join region r on r.parent_code = t.code)
       select t.root, count(d.id)::int as n, count(d.id) filter (where d.published_on > d.deadline)::int as late
         from tree t left join disclosure d on d.region_code = t.code and d.formed_on between ?::date and ?::date and ${PUBLIC}
        group by t.root`,
      [from, to, today],
    );
    const sql = new Map(rows.map((r) => [r.root, { records: { totalCount: r.n }, late: { totalCount: r.late } }]));
    expect(province!.children.length).toBe(8);
    for (const region of [province!, ...province!.children]) {
      expect({ records: region.records, late: region.late }, region.code).toEqual(sql.get(region.code));
    }
  });

  it('by month of publication', async () => {
    const e = example('CountsByMonth');
    const data = (await run(e)) as Record<string, { totalCount: number }>;
    const rows = await app.query<{ month: number; n: number }>(
      `${UNDER} select extract(month from d.published_on)::int as month, count(*)::int as n from disclosure d
        where d.region_code in (select code from under) and d.published_on between '2025-01-01' and '2025-12-31' and ${PUBLIC}
        group by 1`,
      [e.defaults.regionCode, today],
    );
    const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
    expect(Object.keys(data)).toEqual(months);
    expect(months.map((m) => data[m]!.totalCount)).toEqual(months.map((_m, i) => rows.find((r) => r.month === i + 1)?.n ?? 0));
  });
});

describe('a push service polls with a cursor', () => {
  it('pages through what was published since a day, then gets a record published after its last cursor, and only that', async () => {
    const e = example('NewRecords');
    const { since, domains, categories, regionCode } = e.defaults as { since: string; domains: string[]; categories: string[]; regionCode: string };
    const poll = async (after: string | null, first?: number) =>
      (await run(e, { after, ...(first ? { first } : {}) })).disclosures as Connection<{ id: string; publishedOn: string }>;

    // Pages of 40, so the walk crosses pages.
    const seen: number[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await poll(after, 40);
      seen.push(...page.edges.map((edge) => keyOf(edge.node.id)));
      if (page.edges.length) after = page.pageInfo.endCursor;
      if (!page.pageInfo.hasNextPage) break;
    }
    const rows = await app.query<{ id: number }>(
      `${UNDER} select d.id from disclosure d
        where d.region_code in (select code from under) and d.domain::text in (?) and d.category in (?) and d.published_on >= ?::date and ${PUBLIC}
        order by d.published_on, d.id`,
      [regionCode, domains, categories, since, today],
    );
    expect(seen.length).toBeGreaterThan(40);
    expect(seen).toEqual(rows.map((r) => r.id));

    expect((await poll(after)).edges).toEqual([]);
    const published = await app.graphql(
      'mutation ($input: PublishDisclosureInput!) { publishDisclosure(input: $input) { id } }',
      {
        input: {
          externalId: 'EXAMPLES-PUSH-1',
          domain: 'GOVERNMENT_PROCUREMENT',
          category: 'RESULT',
          title: '西宁市第一中学教学设备采购项目中标结果公告',
          regionCode: '630100',
          formedOn: today,
          publishedOn: today,
          amount: '1280000.00',
          exemption: 'NONE',
          parties: [{ role: 'WINNER', creditCode: example('FollowedSubject').defaults.creditCode }],
          publications: [{ channel: 'GOVERNMENT_WEBSITE', publishedOn: today }],
          details: { procurementResult: { projectName: '教学设备采购', awardAmount: '1280000.00', reviewExperts: [{ name: '王磊', role: 'LEADER' }] } },
        },
      },
      { token: await app.tokenFor(Role.PUBLISHER, 'GOV-630100') },
    );
    expect(published.body.errors).toBeUndefined();
    const id = (published.body.data!.publishDisclosure as { id: string }).id;

    const fresh = await poll(after);
    expect(fresh.edges.map((edge) => edge.node.id)).toEqual([id]);
    expect(fresh.pageInfo.hasNextPage).toBe(false);
    expect((await poll(fresh.pageInfo.endCursor)).edges).toEqual([]);
  });
});

/** The `defaultTabs` array of the GraphiQL options a page embeds. */
function defaultTabsOf(html: string): { query: string; variables?: string }[] {
  const start = html.lastIndexOf('"defaultTabs":[') + '"defaultTabs":'.length;
  let depth = 0;
  let inString = false;
  for (let i = start; i < html.length; i++) {
    const c = html[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && --depth === 0) return JSON.parse(html.slice(start, i + 1)) as never;
  }
  throw new Error('no defaultTabs in the page');
}

describe('the explorer', () => {
  it('opens EXAMPLE_QUERY, then every example as a tab with its variables filled in', async () => {
    const res = await fetch(app.url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const tabs = defaultTabsOf(await res.text());
    expect(tabs[0]).toEqual({ query: EXAMPLE_QUERY });
    expect(tabs.slice(1).map((t) => t.query)).toEqual(examples.map((e) => e.query));
    for (const [i, e] of examples.entries()) {
      expect(tabs[i + 1]!.variables ? JSON.parse(tabs[i + 1]!.variables!) : {}, e.file).toEqual(e.defaults);
    }
  });

  it('finds the examples from the compiled code too (dist/server/, as `npm run build` lays it out)', () => {
    // Compiled into a copy of the layout (dist/ beside examples/ and node_modules/), so the
    // repository's own dist/ is left to the build the other suites run.
    const copy = mkdtempSync(path.join(os.tmpdir(), 'gongkai-examples-'));
    try {
      for (const dir of ['examples', 'node_modules']) symlinkSync(path.join(root, dir), path.join(copy, dir));
      writeFileSync(path.join(copy, 'package.json'), JSON.stringify({ type: 'module' }));
      execFileSync(
        process.execPath,
        [
          path.join(root, 'node_modules/typescript/bin/tsc'),
          ...['--rootDir', path.join(root, 'src'), '--outDir', path.join(copy, 'dist')],
          ...['--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', '--skipLibCheck'],
          path.join(root, 'src/server/explorer.ts'),
        ],
        { cwd: root, stdio: 'pipe' },
      );
      const out = execFileSync(
        process.execPath,
        ['--input-type=module', '-e', `const m = await import(${JSON.stringify(path.join(copy, 'dist/server/explorer.js'))}); console.log(JSON.stringify(m.explorerTabs()))`],
        { cwd: copy, encoding: 'utf8' },
      );
      const tabs = JSON.parse(out) as { query: string }[];
      expect(tabs.map((t) => t.query)).toEqual([EXAMPLE_QUERY, ...examples.map((e) => e.query)]);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 60_000);
});
