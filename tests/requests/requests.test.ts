import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerDeadline, extendedDeadline, requestDaysLate, requestOverdue } from '../../src/resolvers/requests/request-deadlines.js';
import { WorkingDayCalendar } from '../../src/kernel/time/working-days.js';
import { seedDatabase } from '../../src/generator/seed.js';
import { requestCompliance } from '../../src/resolvers/oversight/request-compliance.js';
import type { ComplianceScope, ResolvedPeriod } from '../../src/resolvers/oversight/compliance-types.js';
import { loadHolidaySchedules } from '../../src/reference-data/holidays.js';
import { toGlobalId } from '../../src/kernel/node.js';
import { loadReferenceData } from '../../src/seeders/reference-data.js';
import { startTestApp, type TestApp } from '../helpers/database.js';

const UNTIL = '2026-11-20';
const calendar = new WorkingDayCalendar(loadHolidaySchedules());

describe('request deadlines, hand-counted on the official schedule (data/holidays-cn)', () => {
  it('received just before Spring Festival 2024: both make-up Sundays count, the holiday week does not', () => {
    // Fri 02-02 → Sun 02-04 (调休) 1, 02-05..09 2–6, 春节 02-10..17, Sun 02-18 (调休) 7, 02-19..23 8–12,
    // 02-26..03-01 13–17, 03-04 18, 03-05 19, Wed 03-06 20.
    expect(answerDeadline(calendar, '2024-02-02')).toEqual({ date: '2024-03-06', provisional: false });
    // Extended: 03-07 1, 03-08 2, 03-11..15 3–7, 03-18..22 8–12, 03-25..29 13–17, 04-01 18, 04-02 19, Wed 04-03 20 (清明 starts 04-04).
    expect(extendedDeadline(calendar, '2024-03-06')).toEqual({ date: '2024-04-03', provisional: false });
  });

  it('received just before National Day 2025: Sun 09-28 and Sat 10-11 count, 10-01..08 do not', () => {
    // Thu 09-25 → 09-26 1, Sun 09-28 2, 09-29 3, 09-30 4, 国庆中秋 10-01..08, 10-09 5, 10-10 6, Sat 10-11 7,
    // 10-13..17 8–12, 10-20..24 13–17, 10-27 18, 10-28 19, Wed 10-29 20.
    expect(answerDeadline(calendar, '2025-09-25')).toEqual({ date: '2025-10-29', provisional: false });
    // 10-30 1, 10-31 2, 11-03..07 3–7, 11-10..14 8–12, 11-17..21 13–17, 11-24 18, 11-25 19, Wed 11-26 20.
    expect(extendedDeadline(calendar, '2025-10-29').date).toBe('2025-11-26');
  });

  it('an extension across New Year 2026 counts the make-up Sunday 2026-01-04', () => {
    // Thu 2025-11-20 → 11-21 1, 11-24..28 2–6, 12-01..05 7–11, 12-08..12 12–16, 12-15..18 17–20.
    expect(answerDeadline(calendar, '2025-11-20').date).toBe('2025-12-18');
    // 12-19 1, 12-22..26 2–6, 12-29..31 7–9, 元旦 01-01..03, Sun 01-04 (调休) 10, 01-05..09 11–15, 01-12..16 16–20.
    expect(extendedDeadline(calendar, '2025-12-18')).toEqual({ date: '2026-01-16', provisional: false });
  });

  it('a count into 2027 (no published schedule) is provisional, with the reason', () => {
    // Thu 2026-12-10 → 12-11 1, 12-14..18 2–6, 12-21..25 7–11, 12-28..31 12–15, Fri 2027-01-01 16 (weekends only), 01-04..07 17–20.
    const deadline = answerDeadline(calendar, '2026-12-10');
    expect(deadline.date).toBe('2027-01-07');
    expect(deadline.provisional).toBe(true);
    expect(deadline.reason).toMatch(/2027/);
    // Fri 2026-11-20 → 12-18, within 2026; the extension reaches 2027: 12-21..25 1–5, 12-28..31 6–9, 01-01 10, 01-04..08 11–15, 01-11..15 16–20.
    expect(answerDeadline(calendar, '2026-11-20')).toEqual({ date: '2026-12-18', provisional: false });
    expect(extendedDeadline(calendar, '2026-12-18')).toMatchObject({ date: '2027-01-15', provisional: true });
  });

  it('overdue and days late: against the deadline in force, in working days, to the answer or to today', () => {
    const request = { deadline: '2024-03-06', extendedDeadline: null, answeredOn: '2024-03-11' };
    // 03-07 1, 03-08 2, (weekend), Mon 03-11 3.
    expect(requestOverdue(request, '2024-12-31')).toBe(true);
    expect(requestDaysLate(calendar, request, '2024-12-31')).toBe(3);
    const extended = { ...request, extendedDeadline: '2024-04-03' };
    expect(requestOverdue(extended, '2024-12-31')).toBe(false);
    expect(requestDaysLate(calendar, extended, '2024-12-31')).toBe(0);
    const pending = { deadline: '2025-10-29', extendedDeadline: null, answeredOn: null };
    expect(requestOverdue(pending, '2025-10-29')).toBe(false); // the last day is still in time
    expect(requestOverdue(pending, '2025-10-30')).toBe(true);
    // 10-30 1, 10-31 2, Mon 11-03 3.
    expect(requestDaysLate(calendar, pending, '2025-11-03')).toBe(3);
  });
});

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ demo: false });
  await loadReferenceData(app.database.orm.em.fork());
  await seedDatabase(app.database.orm, { scale: 20_000, seed: 'requests', until: UNTIL });
  // The official schedule as a table, read straight from the files, for the SQL written here.
  await app.query('create table test_holiday_day (day date primary key, off boolean not null)');
  const folder = new URL('../../data/holidays-cn/', import.meta.url);
  const days = readdirSync(folder)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .flatMap((f) => (JSON.parse(readFileSync(new URL(f, folder), 'utf8')) as { days: { date: string; isOffDay: boolean }[] }).days);
  await app.query(
    `insert into test_holiday_day select (j->>'date')::date, (j->>'isOffDay')::boolean from jsonb_array_elements(?::jsonb) j on conflict do nothing`,
    [JSON.stringify(days)],
  );
}, 300_000);
afterAll(async () => {
  await app?.close();
});

/** China's calendar date now, by the database (independent of the code's todayInChina). */
const TODAY = `(now() at time zone 'Asia/Shanghai')::date`;
const DUE = 'coalesce(extended_deadline, deadline)';

describe('generated requests', () => {
  it('about one per ten records, over many departments, months and outcomes; some extended, late or pending', async () => {
    const [c] = await app.query<Record<string, string>>(`
      select count(*) as n, count(distinct department_code) as departments, count(distinct date_trunc('month', received_on)) as months,
             count(distinct outcome) as outcomes, count(*) filter (where extended_on is not null) as extended,
             count(*) filter (where answered_on > ${DUE}) as late, count(*) filter (where answered_on is null) as pending,
             count(*) filter (where domain is null) as general, count(distinct requester_kind) as kinds,
             max(received_on)::text as last
        from disclosure_request`);
    expect(Number(c!.n)).toBe(2000);
    expect(Number(c!.departments)).toBeGreaterThan(20);
    expect(Number(c!.months)).toBeGreaterThan(90);
    expect(Number(c!.outcomes)).toBe(11);
    expect(Number(c!.kinds)).toBe(3);
    for (const key of ['extended', 'late', 'pending', 'general']) expect(Number(c![key]), key).toBeGreaterThan(10);
    expect(c!.last <= UNTIL).toBe(true);
  });

  it('every deadline is the 20th working day after receipt, and every extension 20 more, by the holiday files in SQL', async () => {
    // A working day: not an official day off, and either a weekday or an official make-up day.
    const working = (d: string) =>
      `(select count(*) from generate_series(${d}) g(day) left join test_holiday_day h on h.day = g.day::date
         where coalesce(not h.off, extract(isodow from g.day) < 6))`;
    const bad = await app.query(`
      select request_id from disclosure_request
       where received_on >= '2018-01-01' and ${DUE} < '2027-01-01'
         and (${working(`received_on + 1, deadline, '1 day'`)} <> 20
          or ${working('deadline, deadline, \'1 day\'')} <> 1
          or (extended_deadline is not null and ${working(`deadline + 1, extended_deadline, '1 day'`)} <> 20))`);
    expect(bad).toEqual([]);
  });
});

interface Page {
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount?: number;
}

const LIST = `query ($filter: DisclosureRequestFilter, $first: Int, $after: String) {
  disclosureRequests(filter: $filter, first: $first, after: $after) {
    totalCount edges { cursor node { id receivedOn } } pageInfo { hasNextPage endCursor }
  }
}`;

const idOf = (globalId: string) => Number(Buffer.from(globalId, 'base64url').toString().split(':')[1]);

async function walk(filter: Record<string, unknown>, pageSize: number): Promise<{ ids: number[]; totalCount: number }> {
  const ids: number[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 200; pages++) {
    const { body } = await app.graphql(LIST, { filter, first: pageSize, after });
    expect(body.errors).toBeUndefined();
    const page = body.data!.disclosureRequests as Page;
    ids.push(...page.edges.map((e) => idOf(e.node.id)));
    if (!page.pageInfo.hasNextPage) return { ids, totalCount: page.totalCount! };
    after = page.pageInfo.endCursor;
  }
  throw new Error('too many pages');
}

/** What each filter means, in plain SQL written here. */
function expectedSql(f: Record<string, unknown>): { where: string; params: unknown[] } {
  const where = ['true'];
  const params: unknown[] = [];
  const add = (condition: string, ...values: unknown[]) => {
    where.push(condition);
    params.push(...values);
  };
  if (f.departmentCode) add('department_code = ?', f.departmentCode);
  if (f.regionCode) {
    add(
      `department_code in (select code from department where region_code in
         (select code from region where code = ? or parent_code = ? or parent_code in (select code from region where parent_code = ?)))`,
      f.regionCode,
      f.regionCode,
      f.regionCode,
    );
  }
  if (f.domain) add('domain = ?', f.domain);
  if (f.receivedFrom) add('received_on >= ?', f.receivedFrom);
  if (f.receivedTo) add('received_on <= ?', f.receivedTo);
  if (f.outcome) add('outcome = ?', f.outcome);
  if (f.answered !== undefined) where.push(f.answered ? 'answered_on is not null' : 'answered_on is null');
  if (f.overdue !== undefined) {
    const overdue = `case when answered_on is null then ${DUE} < ${TODAY} else answered_on > ${DUE} end`;
    where.push(f.overdue ? overdue : `not (${overdue})`);
  }
  return { where: where.join(' and '), params };
}

describe('disclosureRequests(filter): each filter, walked page by page, equals plain SQL', () => {
  it.each([
    ['no filter', {}],
    ['departmentCode', { departmentCode: 'GOV-630100' }],
    ['regionCode (prefecture)', { regionCode: '632800' }],
    ['regionCode (province: everything)', { regionCode: '630000', receivedFrom: '2025-01-01' }],
    ['domain', { domain: 'LAND_TRANSFER' }],
    ['received range', { receivedFrom: '2024-02-01', receivedTo: '2024-06-30' }],
    ['outcome', { outcome: 'NOT_HELD' }],
    ['overdue', { overdue: true }],
    ['not overdue', { overdue: false, domain: 'HOUSING' }],
    ['unanswered', { answered: false }],
    ['answered', { answered: true, regionCode: '630100', receivedFrom: '2023-01-01' }],
  ] as const)('%s', async (_name, filter) => {
    const { where, params } = expectedSql(filter);
    const expected = await app.query<{ request_id: number }>(
      `select request_id from disclosure_request where ${where} order by received_on desc, request_id desc`,
      params,
    );
    expect(expected.length).toBeGreaterThan(0);
    const { ids, totalCount } = await walk(filter, expected.length > 400 ? 100 : 17);
    expect(ids).toEqual(expected.map((r) => r.request_id));
    expect(totalCount).toBe(expected.length);
  });

  it('defaults to 20 and counts only when asked', async () => {
    const { result, statements } = await app.sql.count(() => app.graphql('{ disclosureRequests { edges { node { id } } pageInfo { hasNextPage } } }'));
    expect((result.body.data!.disclosureRequests as Page).edges).toHaveLength(20);
    expect(statements).toHaveLength(1);
    expect(statements.filter((s) => /count\(\*\)/.test(s))).toEqual([]);
  });

  it.each([
    [{ first: 101 }, 'first'],
    [{ first: -1 }, 'first'],
    [{ after: 'not-a-cursor' }, 'after'],
    [{ filter: { regionCode: '63' } }, 'filter.regionCode'],
    [{ filter: { regionCode: '999999' } }, 'filter.regionCode'],
    [{ filter: { departmentCode: 'NOPE' } }, 'filter.departmentCode'],
    [{ filter: { receivedFrom: '2024-02-01', receivedTo: '2024-01-01' } }, 'filter.receivedFrom'],
  ])('refuses %j with BAD_USER_INPUT naming the argument', async (variables, field) => {
    const { body } = await app.graphql(LIST, variables);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses a disclosures cursor', async () => {
    const { body } = await app.graphql('{ disclosures(first: 1) { pageInfo { endCursor } } }');
    const cursor = (body.data!.disclosures as Page).pageInfo.endCursor;
    const other = await app.graphql(LIST, { after: cursor });
    expect(other.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('a request by its id', () => {
  it('node(id) resolves every field; overdue and days late agree with the holiday files', async () => {
    const [row] = await app.query<{ request_id: number; answered_on: string; due: string; department_code: string; region_code: string; days: number }>(`
      select r.request_id, r.answered_on::text, ${DUE}::text as due, r.department_code, d.region_code,
             (select count(*)::int from generate_series(${DUE} + 1, r.answered_on, '1 day') g(day)
                left join test_holiday_day h on h.day = g.day::date where coalesce(not h.off, extract(isodow from g.day) < 6)) as days
        from disclosure_request r join department d on d.code = r.department_code
       where r.extended_on is not null and r.answered_on > ${DUE} order by r.request_id limit 1`);
    const { body } = await app.graphql(
      `query ($id: ID!) { node(id: $id) { id ... on DisclosureRequest {
        receivedOn requesterKind content domain deadline deadlineProvisional dueOn answeredOn outcome overdue daysLate
        extension { extendedOn deadline provisional reason } department { code } region { code }
      } } }`,
      { id: toGlobalId('DisclosureRequest', String(row!.request_id)) },
    );
    expect(body.errors).toBeUndefined();
    const node = body.data!.node as Record<string, unknown>;
    expect(node).toMatchObject({
      dueOn: row!.due,
      answeredOn: row!.answered_on,
      overdue: true,
      daysLate: row!.days,
      department: { code: row!.department_code },
      region: { code: row!.region_code },
      extension: { deadline: row!.due },
    });
    expect(row!.days).toBeGreaterThan(0);
    expect(node.extension).toHaveProperty('reason', expect.stringMatching(/.+/));
  });

  it('a number with no request is null', async () => {
    const { body } = await app.graphql('query ($id: ID!) { node(id: $id) { id } }', { id: toGlobalId('DisclosureRequest', '999999') });
    expect(body.data!.node).toBeNull();
  });
});

describe('Department.requests is batched: one statement per page of departments, one for their counts', () => {
  const QUERY = `{ departments { code requests(first: 3, filter: { receivedFrom: "2025-01-01" }) {
    totalCount edges { node { id } } pageInfo { hasNextPage }
  } } }`;

  it('equals plain SQL per department, in two statements beside the department list', async () => {
    const { result, statements } = await app.sql.count(() => app.graphql(QUERY));
    expect(result.body.errors).toBeUndefined();
    const departments = result.body.data!.departments as { code: string; requests: Page }[];
    expect(departments.length).toBeGreaterThan(20);
    expect(statements.filter((s) => /disclosure_request/.test(s))).toHaveLength(2);
    const expected = await app.query<{ code: string; ids: number[] | null; n: number }>(`
      select d.code, (select array_agg(request_id order by received_on desc, request_id desc) from (
                select request_id, received_on from disclosure_request r where r.department_code = d.code and received_on >= '2025-01-01'
                 order by received_on desc, request_id desc limit 3) t) as ids,
             (select count(*)::int from disclosure_request r where r.department_code = d.code and received_on >= '2025-01-01') as n
        from department d order by d.code`);
    expect(
      departments.map((d) => ({ code: d.code, ids: d.requests.edges.map((e) => idOf(e.node.id)), n: d.requests.totalCount, more: d.requests.pageInfo.hasNextPage })),
    ).toEqual(expected.map((e) => ({ code: e.code, ids: e.ids ?? [], n: e.n, more: e.n > 3 })));
  });

  it('pages on under one department with its cursor', async () => {
    const [{ code }] = await app.query<{ code: string }>(
      'select department_code as code from disclosure_request group by 1 order by count(*) desc limit 1',
    );
    const ids: number[] = [];
    let after: string | null = null;
    for (;;) {
      const { body } = await app.graphql(
        `query ($id: ID!, $after: String) { node(id: $id) { ... on Department { requests(first: 50, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } } } }`,
        { id: toGlobalId('Department', code), after },
      );
      expect(body.errors).toBeUndefined();
      const page = (body.data!.node as { requests: Page }).requests;
      ids.push(...page.edges.map((e) => idOf(e.node.id)));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const expected = await app.query<{ request_id: number }>(
      'select request_id from disclosure_request where department_code = ? order by received_on desc, request_id desc',
      [code],
    );
    expect(ids).toEqual(expected.map((r) => r.request_id));
  });
});

describe('requestCompliance equals plain SQL', () => {
  const periods: ResolvedPeriod[] = [
    { year: 2025, month: 3, from: '2025-03-01', to: '2025-03-31' },
    { year: 2024, quarter: 4, from: '2024-10-01', to: '2024-12-31' },
    { year: 2025, from: '2025-01-01', to: '2025-12-31' },
  ];
  const scopes: [string, ComplianceScope][] = [
    ['department', { departmentCode: 'GOV-630100' }],
    ['region', { regionCode: '630200' }],
    ['domain', { domain: 'GOVERNMENT_PROCUREMENT' as ComplianceScope['domain'] }],
  ];

  /** Written here: a request judged on `asOf` knows only what had happened by then. */
  async function expected(scope: ComplianceScope, period: ResolvedPeriod, asOf: string) {
    const where: string[] = ['received_on >= ?', 'received_on <= ?', 'received_on <= ?'];
    const params: unknown[] = [period.from, period.to, asOf];
    if (scope.departmentCode) {
      where.push('department_code = ?');
      params.push(scope.departmentCode);
    }
    if (scope.regionCode) {
      where.push(`department_code in (select code from department where region_code = ? or region_code in (select code from region where parent_code = ?))`);
      params.push(scope.regionCode, scope.regionCode);
    }
    if (scope.domain) {
      where.push('domain = ?');
      params.push(scope.domain);
    }
    const [row] = await app.query<Record<string, number>>(
      `select count(*)::int as received,
              sum(case when answered_on <= ?::date and answered_on <= due then 1 else 0 end)::int as "answeredOnTime",
              sum(case when answered_on <= ?::date and answered_on > due then 1 else 0 end)::int as "answeredLate",
              sum(case when (answered_on is null or answered_on > ?::date) and due >= ?::date then 1 else 0 end)::int as "pendingWithinLimit",
              sum(case when (answered_on is null or answered_on > ?::date) and due < ?::date then 1 else 0 end)::int as "pendingOverdue",
              sum(case when extended_on <= ?::date then 1 else 0 end)::int as extended
         from (select *, case when extended_on <= ?::date then extended_deadline else deadline end as due
                 from disclosure_request where ${where.join(' and ')}) t`,
      [asOf, asOf, asOf, asOf, asOf, asOf, asOf, asOf, ...params],
    );
    const r = Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v ?? 0)])) as Record<string, number>;
    const due = r.answeredOnTime! + r.answeredLate! + r.pendingOverdue!;
    const figures: Record<string, number | null> = { ...r, onTimeRate: due ? r.answeredOnTime! / due : null };
    return figures;
  }

  it.each(scopes.flatMap(([name, scope]) => periods.map((period) => [name, period.month ? 'month' : period.quarter ? 'quarter' : 'year', scope, period] as const)))(
    '%s, %s',
    async (_scope, _kind, scope, period) => {
      for (const asOf of [UNTIL, period.to, '2025-04-10']) {
        const { result, statements } = await app.sql.count(() => requestCompliance(app.database.orm.em.fork(), scope, period, asOf));
        expect(statements).toHaveLength(1);
        expect(result).toEqual(await expected(scope, period, asOf));
      }
      const full = await expected(scope, period, UNTIL);
      expect(Number(full.received)).toBeGreaterThan(0);
    },
  );

  it('counts nothing due as a null rate', async () => {
    const result = await requestCompliance(app.database.orm.em.fork(), { departmentCode: 'NOPE' }, periods[0]!, UNTIL);
    expect(result).toEqual({ received: 0, answeredOnTime: 0, answeredLate: 0, pendingWithinLimit: 0, pendingOverdue: 0, extended: 0, onTimeRate: null });
  });
});

describe('the database refuses incoherent requests', () => {
  const base = {
    received_on: '2025-09-25',
    requester_kind: 'NATURAL_PERSON',
    content: '申请公开某项目评标报告',
    department_code: 'QH-FINANCE',
    deadline: '2025-10-29',
    extended_on: null as string | null,
    extended_deadline: null as string | null,
    extension_reason: null as string | null,
    answered_on: null as string | null,
    outcome: null as string | null,
  };
  const insert = (row: typeof base) =>
    app.query(
      `insert into disclosure_request (received_on, requester_kind, content, department_code, deadline, extended_on, extended_deadline, extension_reason, answered_on, outcome)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [row.received_on, row.requester_kind, row.content, row.department_code, row.deadline, row.extended_on, row.extended_deadline, row.extension_reason, row.answered_on, row.outcome],
    );

  it('accepts a coherent one, extended and answered', async () => {
    await expect(
      insert({ ...base, extended_on: '2025-10-20', extended_deadline: '2025-11-26', extension_reason: '需征求第三方意见', answered_on: '2025-11-20', outcome: 'DISCLOSED' }),
    ).resolves.toBeDefined();
  });

  it.each([
    ['an answer before receipt', { answered_on: '2025-09-24', outcome: 'DISCLOSED' }, 'disclosure_request_answer_not_before_receipt'],
    ['an answer without an outcome', { answered_on: '2025-10-10' }, 'disclosure_request_answer_has_outcome'],
    ['an outcome without an answer', { outcome: 'DISCLOSED' }, 'disclosure_request_answer_has_outcome'],
    ['an extension without a reason', { extended_on: '2025-10-20', extended_deadline: '2025-11-26' }, 'disclosure_request_extension_complete'],
    ['a reason without an extension', { extension_reason: '需要' }, 'disclosure_request_extension_complete'],
    ['a blank reason', { extended_on: '2025-10-20', extended_deadline: '2025-11-26', extension_reason: '  ' }, 'disclosure_request_extension_reason_given'],
    ['an extension after the limit ran out', { extended_on: '2025-10-30', extended_deadline: '2025-11-26', extension_reason: '需要' }, 'disclosure_request_extension_within_limit'],
    ['an extension that adds no time', { extended_on: '2025-10-20', extended_deadline: '2025-10-29', extension_reason: '需要' }, 'disclosure_request_extension_adds_time'],
    [
      'an extension after the answer',
      { extended_on: '2025-10-20', extended_deadline: '2025-11-26', extension_reason: '需要', answered_on: '2025-10-10', outcome: 'DISCLOSED' },
      'disclosure_request_extension_before_answer',
    ],
    ['a deadline not after receipt', { deadline: '2025-09-25' }, 'disclosure_request_deadline_after_receipt'],
    ['empty content', { content: ' ' }, 'disclosure_request_content_given'],
    ['an unknown department', { department_code: 'NOPE' }, 'disclosure_request_department_code_foreign'],
  ] as const)('%s', async (_name, change, constraint) => {
    await expect(insert({ ...base, ...change })).rejects.toThrow(constraint);
  });
});
