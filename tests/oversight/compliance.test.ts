import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../src/generator/seed.js';
import { loadReferenceData } from '../../src/seeders/reference-data.js';
import { readEverythingAsSupervisor, startTestApp, type TestApp } from '../helpers/database.js';

/*
 * Compliance figures (监督检查) on generated data, each one checked against
 * plain SQL written here from the definitions in docs/model.md, not from the
 * code under test: a department, a region and a domain, for a month, a quarter
 * and a year.
 */

const SCALE = 8000;
const UNTIL = '2025-06-30';

let app: TestApp;

const SCOPES = {
  department: { input: { departmentCode: 'QH-FINANCE' }, sql: `d.publisher_code = 'QH-FINANCE'`, requests: `q.department_code = 'QH-FINANCE'` },
  // Xining and every county under it, found by walking the region table's parent links.
  region: {
    input: { regionCode: '630100' },
    sql: `d.region_code in (with recursive sub as (select code from region where code = '630100'
                              union all select r.code from region r join sub on r.parent_code = sub.code)
                            select code from sub)`,
    // A request's region is that of the department asked.
    requests: `q.department_code in (select p.code from department p where p.region_code in (with recursive sub as (
                 select code from region where code = '630100' union all select r.code from region r join sub on r.parent_code = sub.code)
               select code from sub))`,
  },
  domain: { input: { domain: 'CONSTRUCTION_BIDDING' }, sql: `d.domain = 'CONSTRUCTION_BIDDING'`, requests: `q.domain = 'CONSTRUCTION_BIDDING'` },
} as const;

/** The owed catalogue categories of each scope, as the plan's responsibility table and catalogue give them. */
const OWED = {
  department: `select c.domain, c.category from catalogue_item c
                where c.valid_until is null
                  and c.domain in (select domain from responsibility where department_code = 'QH-FINANCE')`,
  region: `select c.domain, c.category from catalogue_item c where c.valid_until is null`,
  domain: `select c.domain, c.category from catalogue_item c where c.valid_until is null and c.domain = 'CONSTRUCTION_BIDDING'`,
} as const;

// `end` is the period's last day, or asOf when that comes first (nothing later is known on asOf).
const PERIODS = {
  month: { input: { year: 2024, month: 5 }, from: '2024-05-01', to: '2024-05-31', asOf: '2024-06-05' },
  // Judged inside the quarter: the records formed after asOf are not counted yet.
  quarter: { input: { year: 2024, quarter: 2 }, from: '2024-04-01', to: '2024-06-30', asOf: '2024-06-20' },
  year: { input: { year: 2024 }, from: '2024-01-01', to: '2024-12-31', asOf: '2025-01-15' },
} as const;

const COUNTS = 'formed publishedOnTime publishedLate pendingWithinLimit pendingOverdue retracted revised exempt onTimeRate';
const REPORT = `query ($scope: ComplianceScopeInput!, $period: PeriodInput!, $asOf: Date) {
  complianceReport(scope: $scope, period: $period, asOf: $asOf) {
    scope { departmentCode regionCode domain department { code } region { code } }
    period { year quarter month from to }
    asOf
    totals { ${COUNTS} }
    byCategory { domain category name ${COUNTS} }
    channels { channel records }
    gaps { domain category name }
    requests { received answeredOnTime answeredLate pendingWithinLimit pendingOverdue extended onTimeRate }
  }
}`;

interface Counts {
  formed: number;
  publishedOnTime: number;
  publishedLate: number;
  pendingWithinLimit: number;
  pendingOverdue: number;
  retracted: number;
  revised: number;
  exempt: number;
  onTimeRate: number | null;
}
type CategoryCounts = Counts & { domain: string; category: string; name?: string };

beforeAll(async () => {
  app = await startTestApp({ demo: false });
  // These tests are about what each list, filter and figure means over every row: read it all.
  await readEverythingAsSupervisor(app);
  await loadReferenceData(app.database.orm.em.fork());
  await seedDatabase(app.database.orm, { scale: SCALE, seed: 'compliance', until: UNTIL });
  // The rare cases, made certain in May 2024 for every scope (plain SQL, statuses kept coherent):
  // a record found exempt, one retracted, and one formed earlier but changed in May (a revision only).
  for (const { sql } of Object.values(SCOPES)) {
    const pick = (extra: string) =>
      `(select d.id from disclosure d where ${sql} and ${extra} order by d.id limit 1)`;
    await app.query(
      `update disclosure set exemption = 'COMMERCIAL_SECRET', exemption_basis = '测试', published_on = null, status = 'PENDING'
        where id = ${pick(`d.formed_on between '2024-05-01' and '2024-05-31' and d.exemption = 'NONE' and d.retracted_on is null and d.published_on is not null`)}
        returning id`,
    ).then(([row]) => app.query('delete from disclosure_publication where disclosure_id = ?', [(row as { id: number }).id]));
    await app.query(
      `update disclosure set retracted_on = published_on + 2, retraction_reason = '测试', status = 'RETRACTED'
        where id = ${pick(`d.formed_on between '2024-05-02' and '2024-05-31' and d.exemption = 'NONE' and d.retracted_on is null and d.published_on <= '2024-06-01'`)}`,
    );
    // Changed twice: on 15 May, and again on its current formation day in June; May sees only the revision.
    const [target] = await app.query<{ id: number }>(
      `select id from disclosure where id = ${pick(`d.formed_on between '2024-06-03' and '2024-06-14' and d.version = 1`)}`,
    );
    await app.query(
      `insert into disclosure_revision (disclosure_id, version, changed_on, reason, title, amount, formed_on, snapshot)
       select d.id, v.version, coalesce(v.changed_on, d.formed_on), '测试', d.title, d.amount, v.formed_on, '{}'::jsonb
         from disclosure d, (values (1, '2024-05-15'::date, '2024-04-20'::date), (2, null, '2024-05-15'::date)) v(version, changed_on, formed_on)
        where d.id = ?`,
      [target!.id],
    );
    await app.query('update disclosure set version = 3 where id = ?', [target!.id]);
  }
}, 300_000);

afterAll(async () => {
  await app?.close();
});

/** The expected figures, grouped by category, from the definitions, in plain SQL. */
async function expectedByCategory(scopeSql: string, from: string, end: string, asOf: string): Promise<CategoryCounts[]> {
  const formed = await app.query<Record<string, string | number>>(
    `select d.domain::text as domain, d.category,
            count(*) as formed,
            sum(case when d.exemption = 'NONE' and d.published_on is not null and d.published_on <= $3 and d.published_on <= d.deadline then 1 else 0 end) as on_time,
            sum(case when d.exemption = 'NONE' and d.published_on is not null and d.published_on <= $3 and d.published_on > d.deadline then 1 else 0 end) as late,
            sum(case when d.exemption = 'NONE' and (d.published_on is null or d.published_on > $3) and d.deadline >= $3 then 1 else 0 end) as within,
            sum(case when d.exemption = 'NONE' and (d.published_on is null or d.published_on > $3) and d.deadline < $3 then 1 else 0 end) as overdue,
            sum(case when d.retracted_on is not null and d.retracted_on <= $3 then 1 else 0 end) as retracted,
            sum(case when d.exemption <> 'NONE' then 1 else 0 end) as exempt
       from disclosure d
      where ${scopeSql} and d.formed_on >= $1 and d.formed_on <= $2
      group by d.domain, d.category`.replaceAll('$1', `'${from}'::date`).replaceAll('$2', `'${end}'::date`).replaceAll('$3', `'${asOf}'::date`),
  );
  const revised = await app.query<{ domain: string; category: string; n: string }>(
    `select d.domain::text as domain, d.category, count(distinct r.disclosure_id) as n
       from disclosure_revision r join disclosure d on d.id = r.disclosure_id
      where ${scopeSql} and r.changed_on >= '${from}' and r.changed_on <= '${end}'
      group by d.domain, d.category`,
  );
  const out = new Map<string, CategoryCounts>();
  const zero = (domain: string, category: string): CategoryCounts => ({
    domain, category, formed: 0, publishedOnTime: 0, publishedLate: 0, pendingWithinLimit: 0, pendingOverdue: 0, retracted: 0, revised: 0, exempt: 0, onTimeRate: null,
  });
  for (const r of formed) {
    const c = zero(String(r.domain), String(r.category));
    c.formed = Number(r.formed);
    c.publishedOnTime = Number(r.on_time);
    c.publishedLate = Number(r.late);
    c.pendingWithinLimit = Number(r.within);
    c.pendingOverdue = Number(r.overdue);
    c.retracted = Number(r.retracted);
    c.exempt = Number(r.exempt);
    out.set(`${c.domain}.${c.category}`, c);
  }
  for (const r of revised) {
    const key = `${r.domain}.${r.category}`;
    if (!out.has(key)) out.set(key, zero(r.domain, r.category));
    out.get(key)!.revised = Number(r.n);
  }
  for (const c of out.values()) {
    const due = c.publishedOnTime + c.publishedLate + c.pendingOverdue;
    c.onTimeRate = due ? c.publishedOnTime / due : null;
  }
  return [...out.values()];
}

function sum(rows: CategoryCounts[]): Counts {
  const t = { formed: 0, publishedOnTime: 0, publishedLate: 0, pendingWithinLimit: 0, pendingOverdue: 0, retracted: 0, revised: 0, exempt: 0 };
  for (const r of rows) for (const k of Object.keys(t) as (keyof typeof t)[]) t[k] += r[k];
  const due = t.publishedOnTime + t.publishedLate + t.pendingOverdue;
  return { ...t, onTimeRate: due ? t.publishedOnTime / due : null };
}

const byKey = (a: { domain: string; category: string }, b: { domain: string; category: string }) =>
  `${a.domain}.${a.category}`.localeCompare(`${b.domain}.${b.category}`);
const withoutName = ({ name: _name, ...rest }: CategoryCounts) => rest;

/** Every figure seen across the nine combinations, so a figure that is always zero cannot pass unnoticed. */
const seen = new Map<string, number>();

describe('complianceReport equals plain SQL', () => {
  for (const [scopeName, scope] of Object.entries(SCOPES) as [keyof typeof SCOPES, (typeof SCOPES)[keyof typeof SCOPES]][]) {
    for (const [periodName, period] of Object.entries(PERIODS)) {
      it(`${scopeName} × ${periodName}`, async () => {
        const res = await app.graphql(REPORT, { scope: scope.input, period: period.input, asOf: period.asOf });
        expect(res.body.errors).toBeUndefined();
        const report = res.body.data!.complianceReport as {
          scope: Record<string, unknown>;
          period: Record<string, unknown>;
          asOf: string;
          totals: Counts;
          byCategory: CategoryCounts[];
          channels: { channel: string; records: number }[];
          gaps: { domain: string; category: string; name: string }[];
          requests: Record<string, unknown>;
        };
        const end = period.to < period.asOf ? period.to : period.asOf;

        expect(report.asOf).toBe(period.asOf);
        expect(report.period).toEqual({ quarter: null, month: null, ...period.input, from: period.from, to: period.to });
        const { department, region, ...keys } = report.scope as { department: { code: string } | null; region: { code: string } | null };
        expect(Object.fromEntries(Object.entries(keys).filter(([, v]) => v != null))).toEqual(scope.input);
        expect(department?.code ?? null).toBe('departmentCode' in scope.input ? scope.input.departmentCode : null);
        expect(region?.code ?? null).toBe('regionCode' in scope.input ? scope.input.regionCode : null);

        // Every figure, by category and in total.
        const expected = await expectedByCategory(scope.sql, period.from, end, period.asOf);
        expect([...report.byCategory].sort(byKey).map(withoutName)).toEqual(expected.sort(byKey));
        expect(report.totals).toEqual(sum(expected));
        for (const [k, v] of Object.entries(report.totals)) if (typeof v === 'number') seen.set(k, (seen.get(k) ?? 0) + v);
        // Each record formed is in exactly one of: on time, late, pending within the limit, overdue, exempt.
        const t = report.totals;
        expect(t.publishedOnTime + t.publishedLate + t.pendingWithinLimit + t.pendingOverdue + t.exempt).toBe(t.formed);

        // Names from the catalogue.
        const names = await app.query<{ domain: string; category: string; item: string }>(
          `select domain::text as domain, category, item from catalogue_item where valid_until is null`,
        );
        const nameOf = new Map(names.map((n) => [`${n.domain}.${n.category}`, n.item]));
        for (const c of report.byCategory) expect(c.name).toBe(nameOf.get(`${c.domain}.${c.category}`));

        // Channels: records of the period published on each by asOf, most used first.
        const channels = await app.query<{ channel: string; records: string }>(
          `select pub.channel::text as channel, count(distinct pub.disclosure_id) as records
             from disclosure_publication pub join disclosure d on d.id = pub.disclosure_id
            where ${scope.sql} and d.formed_on between '${period.from}' and '${end}' and pub.published_on <= '${period.asOf}'
            group by pub.channel
            order by count(distinct pub.disclosure_id) desc, pub.channel`,
        );
        expect(report.channels).toEqual(channels.map((c) => ({ channel: c.channel, records: Number(c.records) })));
        expect(report.channels.length).toBeGreaterThan(0);

        // 查漏补缺: owed categories with no record formed in the period.
        const gaps = await app.query<{ domain: string; category: string; item: string }>(
          `select o.domain::text as domain, o.category, c.item
             from (${OWED[scopeName]}) o join catalogue_item c on c.domain = o.domain and c.category = o.category and c.valid_until is null
            where not exists (select 1 from disclosure d
                               where ${scope.sql} and d.domain = o.domain and d.category = o.category
                                 and d.formed_on between '${period.from}' and '${end}')
            order by o.domain, o.category`,
        );
        expect(report.gaps).toEqual(gaps.map((g) => ({ domain: g.domain, category: g.category, name: g.item })));

        // 依申请公开 (each figure is checked against SQL in requests.test.ts): the requests received
        // in scope and period, each in exactly one timing figure, and the extensions decided by asOf.
        const [want] = await app.query<{ received: number; extended: number }>(
          `select count(*)::int as received, count(*) filter (where q.extended_on <= '${period.asOf}')::int as extended
             from disclosure_request q where ${scope.requests} and q.received_on between '${period.from}' and '${end}'`,
        );
        const r = report.requests as Record<string, number | null>;
        expect({ received: r.received, extended: r.extended }).toEqual(want);
        expect(r.answeredOnTime! + r.answeredLate! + r.pendingWithinLimit! + r.pendingOverdue!).toBe(want!.received);
        const due = r.answeredOnTime! + r.answeredLate! + r.pendingOverdue!;
        expect(r.onTimeRate).toBe(due === 0 ? null : r.answeredOnTime! / due);
        if (want!.received > 0) seen.set('requests', (seen.get('requests') ?? 0) + 1);
      });
    }
  }

  it('saw every figure at least once across the combinations, and some gaps', async () => {
    for (const k of ['formed', 'publishedOnTime', 'publishedLate', 'pendingWithinLimit', 'pendingOverdue', 'retracted', 'revised', 'exempt', 'requests']) {
      expect(seen.get(k), k).toBeGreaterThan(0);
    }
  });
});

const RANKING = `query ($period: PeriodInput!, $level: RankingLevel!, $praise: Float, $criticise: Float, $asOf: Date) {
  complianceRanking(period: $period, level: $level, praiseAtLeast: $praise, criticiseBelow: $criticise, asOf: $asOf) {
    level asOf praiseAtLeast criticiseBelow period { from to }
    entries { rank department { code kind } totals { ${COUNTS} } }
    praised { rank department { code } }
    criticised { rank department { code } }
  }
}`;

interface Ranking {
  level: string;
  praiseAtLeast: number;
  criticiseBelow: number;
  entries: { rank: number; department: { code: string; kind: string }; totals: Counts }[];
  praised: { rank: number; department: { code: string } }[];
  criticised: { rank: number; department: { code: string } }[];
}

/**
 * The ranking in plain SQL: every department of the kind, as publisher; higher
 * on-time rate first, then more records due, then code; nothing due last.
 */
async function expectedRanking(kind: string, from: string, end: string, asOf: string, praise: number, criticise: number) {
  const rows = await app.query<{ code: string; on_time: string; late: string; overdue: string; formed: string; praised: boolean; criticised: boolean }>(
    `with t as (
       select dep.code,
              count(d.id) as formed,
              count(d.id) filter (where d.exemption = 'NONE' and d.published_on <= '${asOf}' and d.published_on <= d.deadline) as on_time,
              count(d.id) filter (where d.exemption = 'NONE' and d.published_on <= '${asOf}' and d.published_on > d.deadline) as late,
              count(d.id) filter (where d.exemption = 'NONE' and (d.published_on is null or d.published_on > '${asOf}') and d.deadline < '${asOf}') as overdue
         from department dep
         left join disclosure d on d.publisher_code = dep.code and d.formed_on between '${from}' and '${end}'
        where dep.kind = '${kind}'
        group by dep.code)
     select t.*, t.on_time + t.late + t.overdue > 0 and t.on_time::numeric / (t.on_time + t.late + t.overdue) >= ${praise} as praised,
                 t.on_time + t.late + t.overdue > 0 and t.on_time::numeric / (t.on_time + t.late + t.overdue) < ${criticise} as criticised
       from t
      order by (t.on_time + t.late + t.overdue = 0), t.on_time::numeric / nullif(t.on_time + t.late + t.overdue, 0) desc,
               t.on_time + t.late + t.overdue desc, t.code`,
  );
  return rows.map((r) => ({ ...r, on_time: Number(r.on_time), late: Number(r.late), overdue: Number(r.overdue), formed: Number(r.formed) }));
}

describe('complianceRanking equals plain SQL', () => {
  const cases = [
    { level: 'PROVINCIAL_DEPARTMENT', kind: 'PROVINCIAL_DEPARTMENT', period: PERIODS.year, praise: undefined, criticise: undefined },
    { level: 'PREFECTURE', kind: 'PREFECTURE_GOVERNMENT', period: PERIODS.quarter, praise: undefined, criticise: undefined },
    { level: 'PREFECTURE', kind: 'PREFECTURE_GOVERNMENT', period: PERIODS.year, praise: 0.85, criticise: 0.84 },
    { level: 'PROVINCIAL_DEPARTMENT', kind: 'PROVINCIAL_DEPARTMENT', period: PERIODS.month, praise: 1, criticise: 0.5 },
  ] as const;
  let praisedSeen = 0;
  let criticisedSeen = 0;
  for (const c of cases) {
    it(`${c.level} × ${JSON.stringify(c.period.input)}, thresholds ${c.praise ?? 'default'} / ${c.criticise ?? 'default'}`, async () => {
      const res = await app.graphql(RANKING, { period: c.period.input, level: c.level, praise: c.praise, criticise: c.criticise, asOf: c.period.asOf });
      expect(res.body.errors).toBeUndefined();
      const ranking = res.body.data!.complianceRanking as Ranking;
      const praise = c.praise ?? 0.95;
      const criticise = c.criticise ?? 0.8;
      expect([ranking.praiseAtLeast, ranking.criticiseBelow]).toEqual([praise, criticise]);
      const end = c.period.to < c.period.asOf ? c.period.to : c.period.asOf;
      const expected = await expectedRanking(c.kind, c.period.from, end, c.period.asOf, praise, criticise);
      expect(ranking.entries.map((e) => e.department.code)).toEqual(expected.map((e) => e.code));
      expect(ranking.entries.map((e) => e.rank)).toEqual(expected.map((_, i) => i + 1));
      expect(ranking.entries.map((e) => [e.totals.formed, e.totals.publishedOnTime, e.totals.publishedLate, e.totals.pendingOverdue])).toEqual(
        expected.map((e) => [e.formed, e.on_time, e.late, e.overdue]),
      );
      expect(ranking.praised.map((e) => e.department.code)).toEqual(expected.filter((e) => e.praised).map((e) => e.code));
      expect(ranking.criticised.map((e) => e.department.code)).toEqual(expected.filter((e) => e.criticised).map((e) => e.code));
      praisedSeen += ranking.praised.length;
      criticisedSeen += ranking.criticised.length;
    });
  }

  it('praised and criticised someone across the cases', () => {
    expect(praisedSeen).toBeGreaterThan(0);
    expect(criticisedSeen).toBeGreaterThan(0);
  });

  it("a department's ranking figures are its complianceReport totals", async () => {
    const period = PERIODS.year;
    const ranking = (await app.graphql(RANKING, { period: period.input, level: 'PREFECTURE', asOf: period.asOf })).body.data!
      .complianceRanking as Ranking;
    const entry = ranking.entries.find((e) => e.department.code === 'GOV-630100')!;
    const report = await app.graphql(REPORT, { scope: { departmentCode: 'GOV-630100' }, period: period.input, asOf: period.asOf });
    expect((report.body.data!.complianceReport as { totals: Counts }).totals).toEqual(entry.totals);
  });

  it('sends the same constant number of statements for 8 prefectures as for every provincial department', async () => {
    const period = PERIODS.year;
    // The ranking is public: asked without a token, so no token lookup is counted.
    const run = (level: string) => app.sql.count(() => app.graphql(RANKING, { period: period.input, level, asOf: period.asOf }, {}));
    const prefectures = await run('PREFECTURE');
    const departments = await run('PROVINCIAL_DEPARTMENT');
    expect((prefectures.result.body.data!.complianceRanking as Ranking).entries).toHaveLength(8);
    expect((departments.result.body.data!.complianceRanking as Ranking).entries.length).toBeGreaterThan(8);
    expect(prefectures.statements).toHaveLength(2);
    expect(departments.statements).toHaveLength(2);
  });

  it('the report takes a constant number of statements too', async () => {
    const period = PERIODS.year;
    const { statements } = await app.sql.count(() => app.graphql(REPORT, { scope: { regionCode: '630000' }, period: period.input, asOf: period.asOf }));
    // Scope check, figures, channels, catalogue; and one more for the scope's region object the query asks for. The
    // token is looked up at most once (a server remembers it: src/resolvers/access/token-cache.ts; the embedded database does not).
    const lookups = statements.filter((s) => /from api_token/.test(s));
    expect(lookups.length).toBeLessThanOrEqual(1);
    expect(statements.length - lookups.length).toBe(5);
  });
});

describe('bad input is refused with the field named, and changes nothing', () => {
  const report = (scope: unknown, period: unknown, asOf?: string) => app.graphql(REPORT, { scope, period, asOf });
  const ranking = (variables: Record<string, unknown>) =>
    app.graphql(RANKING, { period: { year: 2024 }, level: 'PREFECTURE', ...variables });
  const cases: [string, () => ReturnType<typeof report>, string, string | undefined][] = [
    ['two scope keys', () => report({ departmentCode: 'QH-FINANCE', domain: 'HOUSING' }, { year: 2024 }), 'BAD_USER_INPUT', 'scope'],
    ['no scope key', () => report({}, { year: 2024 }), 'BAD_USER_INPUT', 'scope'],
    ['unknown department', () => report({ departmentCode: 'QH-NOPE' }, { year: 2024 }), 'NOT_FOUND', 'scope.departmentCode'],
    ['malformed region', () => report({ regionCode: '63' }, { year: 2024 }), 'BAD_USER_INPUT', 'scope.regionCode'],
    ['unknown region', () => report({ regionCode: '639999' }, { year: 2024 }), 'NOT_FOUND', 'scope.regionCode'],
    ['year before 2000', () => report({ domain: 'HOUSING' }, { year: 1999 }), 'BAD_USER_INPUT', 'period.year'],
    ['year after 2100', () => report({ domain: 'HOUSING' }, { year: 2101 }), 'BAD_USER_INPUT', 'period.year'],
    ['quarter 5', () => report({ domain: 'HOUSING' }, { year: 2024, quarter: 5 }), 'BAD_USER_INPUT', 'period.quarter'],
    ['quarter 0', () => report({ domain: 'HOUSING' }, { year: 2024, quarter: 0 }), 'BAD_USER_INPUT', 'period.quarter'],
    ['month 13', () => report({ domain: 'HOUSING' }, { year: 2024, month: 13 }), 'BAD_USER_INPUT', 'period.month'],
    ['quarter and month', () => report({ domain: 'HOUSING' }, { year: 2024, quarter: 1, month: 2 }), 'BAD_USER_INPUT', 'period.month'],
    ['not a date', () => report({ domain: 'HOUSING' }, { year: 2024 }, '2024-02-30'), 'BAD_USER_INPUT', undefined],
    ['ranking: month 0', () => ranking({ period: { year: 2024, month: 0 } }), 'BAD_USER_INPUT', 'period.month'],
    ['ranking: praise above 1', () => ranking({ praise: 1.5 }), 'BAD_USER_INPUT', 'praiseAtLeast'],
    ['ranking: negative criticise', () => ranking({ criticise: -0.1 }), 'BAD_USER_INPUT', 'criticiseBelow'],
    ['ranking: criticise above praise', () => ranking({ praise: 0.7, criticise: 0.9 }), 'BAD_USER_INPUT', 'criticiseBelow'],
  ];
  for (const [name, run, code, field] of cases) {
    it(name, async () => {
      const before = await app.query<{ n: string }>('select count(*) as n, max(updated_at)::text as u from disclosure');
      const res = await run();
      expect(res.body.errors?.[0]?.extensions?.code).toBe(code);
      if (field) expect(res.body.errors?.[0]?.extensions?.field).toBe(field);
      expect(res.body.data?.complianceReport ?? res.body.data?.complianceRanking ?? null).toBeNull();
      expect(await app.query('select count(*) as n, max(updated_at)::text as u from disclosure')).toEqual(before);
    });
  }
});
