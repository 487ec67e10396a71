import { createToken } from '../../src/resolvers/access/tokens.js';
import { Role } from '../../src/kernel/viewer.js';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src/app.js';
import { importHolidayFile } from '../../src/cli/calendar.js';
import { ConfigError, type Config } from '../../src/config.js';
import { seedDatabase } from '../../src/generator/seed.js';
import { loadReferenceData } from '../../src/seeders/reference-data.js';
import { freshDatabaseConfig, SqlCounter, testLogger, type GraphQLResponse } from '../helpers/database.js';

// The official schedules, read here straight from the files: the test's own copy of the truth.
interface FileDay {
  name: string;
  date: string;
  isOffDay: boolean;
}
const folder = new URL('../../data/holidays-cn/', import.meta.url);
const officialFiles = readdirSync(folder)
  .filter((f) => /^\d{4}\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(new URL(f, folder), 'utf8')) as { year: number; days: FileDay[] });

// A synthetic 2027 schedule (not published when this was written): 元旦 Fri 2027-01-01 off,
// 春节 with a make-up Saturday before and a make-up Sunday after.
const synthetic2027 = {
  year: 2027,
  papers: ['https://example.invalid/2027'],
  days: [
    { name: '元旦', date: '2027-01-01', isOffDay: true },
    { name: '春节', date: '2027-01-30', isOffDay: false },
    ...['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'].map((date) => ({
      name: '春节',
      date,
      isOffDay: true,
    })),
    { name: '春节', date: '2027-02-14', isOffDay: false },
  ],
};

let app: App;
let config: Config;
let drop: () => Promise<void>;
const sql = new SqlCounter();
let dir: string;

const query = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  app.database.orm.em.fork().getConnection().execute(text, params) as Promise<T[]>;

let supervisor: string;

/** As SUPERVISOR: these tests judge the deadlines of every record, pending and exempt ones included. */
async function graphql(text: string, variables?: Record<string, unknown>): Promise<GraphQLResponse['body']> {
  const res = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${supervisor}` },
    body: JSON.stringify({ query: text, variables }),
  });
  return (await res.json()) as GraphQLResponse['body'];
}

interface Expected {
  id: number;
  deadline: string;
  provisional: boolean;
}

/**
 * Every record's deadline computed in plain SQL from the given schedule files: a day is
 * a working day if a file says so (调休上班) or, not named off (放假), it is Monday to
 * Friday; the deadline is the first working day whose running count of working days
 * reaches the clock start's plus the limit (the start day not counted); for a limit in
 * calendar days, the start plus the days, or the next working day if that is a rest day. The clock starts at formation or the latest
 * change; the limit is the province catalogue item's version in force then. Provisional:
 * the count entered a year with no file.
 */
async function expectedDeadlines(files: { year: number; days: FileDay[] }[]): Promise<Expected[]> {
  const days = files.flatMap((f) => f.days);
  const years = files.map((f) => f.year);
  return query<Expected>(
    `with named as (select * from jsonb_to_recordset(?::jsonb) as v(date date, "isOffDay" boolean)),
     cal as (
       select g::date as day,
              coalesce(not n."isOffDay", extract(isodow from g) < 6) as working
         from generate_series('2016-12-01'::date, '2028-12-31'::date, interval '1 day') g
         left join named n on n.date = g::date),
     ord as materialized (select day, working, sum(working::int) over (order by day) as n from cal),
     rec as (
       select d.id, greatest(d.formed_on, coalesce(max(r.changed_on), d.formed_on)) as start, d.domain, d.category
         from disclosure d left join disclosure_revision r on r.disclosure_id = d.id
        group by d.id),
     lim as (
       select distinct on (rec.id) rec.id, rec.start, c.time_limit_amount as amount, c.time_limit_unit::text as unit
         from rec join catalogue_item c
           on c.domain = rec.domain and c.category = rec.category and c.region_code = '630000' and c.valid_from <= rec.start
        order by rec.id, c.valid_from desc),
     due as (
       select lim.id, lim.start,
              -- A limit in days ending on a rest day ends on the next working day (民法典 第二百零三条).
              case when lim.unit = 'CALENDAR_DAYS' then (select min(o.day) from ord o where o.working and o.day >= lim.start + lim.amount)
                   else w.day end as deadline
         from lim join ord s on s.day = lim.start
         left join ord w on w.working and w.n = s.n + lim.amount)
     select id, deadline::text as deadline,
            exists (select 1 from generate_series(extract(year from start + 1)::int, extract(year from deadline)::int) y
                     where y <> all (?::int[])) as provisional
       from due order by id`,
    [JSON.stringify(days), `{${years.join(',')}}`],
  );
}

const storedRequests = () =>
  query<{ id: number; deadline: string; provisional: boolean; extended: string | null; extended_provisional: boolean }>(
    `select request_id as id, deadline::text as deadline, deadline_provisional as provisional,
            extended_deadline::text as extended, extended_deadline_provisional as extended_provisional
       from disclosure_request order by request_id`,
  );

const stored = () =>
  query<Expected>(`select id, deadline::text as deadline, deadline_provisional as provisional from disclosure order by id`);

beforeAll(async () => {
  const fresh = await freshDatabaseConfig({ from: 'migrated' });
  config = fresh.config;
  drop = fresh.drop;
  app = await startApp(config, testLogger, { migrate: true, demo: false, onQuery: sql.onQuery });
  await loadReferenceData(app.database.orm.em.fork());
  supervisor = (await createToken(app.database.orm.em.fork(), { name: 'calendar test', role: Role.SUPERVISOR })).secret;
  // History to the end of 2026, so records formed in December count into 2027, which has no schedule yet.
  await seedDatabase(app.database.orm, { scale: 3000, seed: 'calendar', until: '2026-12-31' });
  dir = mkdtempSync(join(tmpdir(), 'gongkai-calendar-'));
}, 120_000);

afterAll(async () => {
  await app?.close();
  await drop?.();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the working-day calendar in the database', () => {
  it('holds exactly the official files', async () => {
    const table = await query<{ date: string; year: number; name: string; kind: string }>(
      `select date::text as date, schedule_year as year, name, kind::text as kind from holiday_day order by date`,
    );
    const files = officialFiles
      .flatMap((f) => f.days.map((d) => ({ date: d.date, year: f.year, name: d.name, kind: d.isOffDay ? 'OFF_DAY' : 'MAKE_UP_WORKDAY' })))
      .sort((a, b) => a.date.localeCompare(b.date));
    expect(table.map((r) => ({ ...r, year: Number(r.year) }))).toEqual(files);
    const years = await query<{ year: number }>(`select year from holiday_year order by year`);
    expect(years.map((r) => Number(r.year))).toEqual(officialFiles.map((f) => f.year).sort());
  });

  it('stores every generated deadline as plain SQL computes it on the official files', async () => {
    const expected = await expectedDeadlines(officialFiles);
    expect(await stored()).toEqual(expected);
    // The data reach the unpublished 2027: some deadlines are provisional.
    expect(expected.filter((r) => r.provisional).length).toBeGreaterThan(5);
  });
});

describe('timing fields on every disclosure', () => {
  const page = (first: number) => `{
    disclosures(first: ${first}, orderBy: { field: FORMED_ON, direction: DESC }, filter: { formedFrom: "2026-10-01" }) {
      edges { node { id deadline overdue daysLate provisional provisionalReason timeLimit { amount unit basis } } }
    }
  }`;

  it('equal an independent computation, for late, pending, exempt and provisional records', async () => {
    const today = (await query<{ d: string }>(`select ((now() at time zone 'Asia/Shanghai')::date)::text as d`))[0]!.d;
    const body = await graphql(`{
      late: disclosures(first: 100, filter: { overdue: true }) { edges { node { ...T } } }
      recent: disclosures(first: 100, filter: { formedFrom: "2026-11-25" }) { edges { node { ...T } } }
    }
    fragment T on Disclosure { id deadline overdue daysLate provisional provisionalReason timeLimit { amount unit basis } }`);
    expect(body.errors).toBeUndefined();
    type Node = { id: string; deadline: string; overdue: boolean; daysLate: number; provisional: boolean; provisionalReason: string | null; timeLimit: { amount: number; unit: string; basis: string } };
    const nodes = [...(body.data!.late as { edges: { node: Node }[] }).edges, ...(body.data!.recent as { edges: { node: Node }[] }).edges].map((e) => e.node);
    const ids = nodes.map((n) => Number(Buffer.from(n.id, 'base64url').toString().split(':')[1]));
    const days = officialFiles.flatMap((f) => f.days);
    const want = await query<{ id: number; deadline: string; overdue: boolean; days_late: number; provisional: boolean; amount: number; unit: string; basis: string }>(
      `with named as (select * from jsonb_to_recordset(?::jsonb) as v(date date, "isOffDay" boolean)),
       cal as (select g::date as day, coalesce(not n."isOffDay", extract(isodow from g) < 6) as working
                 from generate_series('2016-12-01'::date, '2028-12-31'::date, interval '1 day') g left join named n on n.date = g::date)
       select d.id, d.deadline::text as deadline, d.deadline_provisional as provisional,
              (d.exemption = 'NONE' and coalesce(d.published_on, ?::date) > d.deadline) as overdue,
              case when d.exemption = 'NONE' and coalesce(d.published_on, ?::date) > d.deadline
                   then (select count(*) from cal where cal.working and cal.day > d.deadline and cal.day <= coalesce(d.published_on, ?::date))
                   else 0 end::int as days_late,
              c.time_limit_amount as amount, c.time_limit_unit::text as unit, c.time_limit_basis as basis
         from disclosure d join catalogue_item c on c.domain = d.domain and c.category = d.category and c.region_code = '630000'
        where d.id = any(?::int[])`,
      [JSON.stringify(days), today, today, today, `{${ids.join(',')}}`],
    );
    const byId = new Map(want.map((w) => [Number(w.id), w]));
    nodes.forEach((n, i) => {
      const w = byId.get(ids[i]!)!;
      expect({ deadline: n.deadline, overdue: n.overdue, daysLate: n.daysLate, provisional: n.provisional, ...n.timeLimit }).toEqual({
        deadline: w.deadline,
        overdue: w.overdue,
        daysLate: w.days_late,
        provisional: w.provisional,
        amount: w.amount,
        unit: w.unit,
        basis: w.basis,
      });
      if (n.provisional) expect(n.provisionalReason).toMatch(/2027/);
      else expect(n.provisionalReason).toBeNull();
    });
    expect(nodes.some((n) => n.daysLate > 0)).toBe(true);
    expect(nodes.some((n) => n.provisional)).toBe(true);
  });

  it('cost a constant number of statements, whatever the page size', async () => {
    const small = await sql.count(() => graphql(page(5)));
    const large = await sql.count(() => graphql(page(50)));
    expect(large.result.errors).toBeUndefined();
    expect((large.result.data!.disclosures as { edges: unknown[] }).edges).toHaveLength(50);
    expect(large.statements.length).toBe(small.statements.length);
    expect(large.statements.length).toBeLessThanOrEqual(4);
  });
});

describe('gongkai calendar import', () => {
  const write = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  // The command's work on the app's own database (an in-memory embedded one cannot be
  // opened a second time); the command adds only opening and closing it.
  const run = (path: string) => importHolidayFile(app.database.orm, path);
  const calendarRows = () =>
    query(`select y.year, y.papers, y.loaded_at, d.date::text, d.name, d.kind from holiday_year y left join holiday_day d on d.schedule_year = y.year order by y.year, d.date`);

  it('refuses a bad file with a one-line reason and changes nothing', async () => {
    const before = { calendar: await calendarRows(), deadlines: await stored() };
    const bad: [string, string, RegExp][] = [
      ['not-json.json', '{ "year": 2027, ', /not valid JSON/],
      ['no-year.json', JSON.stringify({ days: [] }), /"year" must be a whole number/],
      ['bad-date.json', JSON.stringify({ year: 2027, days: [{ name: '元旦', date: '2027-02-30', isOffDay: true }] }), /days\[0\]\.date must be a date/],
      ['far.json', JSON.stringify({ year: 2027, days: [{ name: '元旦', date: '2029-01-01', isOffDay: true }] }), /outside 2026-12-01 to 2028-01-31/],
      ['twice.json', JSON.stringify({ ...synthetic2027, days: [...synthetic2027.days, synthetic2027.days[0]] }), /appears twice/],
      ['flag.json', JSON.stringify({ year: 2027, days: [{ name: '元旦', date: '2027-01-01', isOffDay: 'yes' }] }), /isOffDay must be true or false/],
    ];
    for (const [name, content, reason] of bad) {
      const failure = await run(write(name, content)).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(failure, name).toBeInstanceOf(ConfigError);
      expect((failure as Error).message).toMatch(reason);
      expect((failure as Error).message).not.toContain('\n');
    }
    await expect(run(join(dir, 'missing.json'))).rejects.toThrow(/cannot read the file/);
    expect(await calendarRows()).toEqual(before.calendar);
    expect(await stored()).toEqual(before.deadlines);
  });

  it('loads a new year and recomputes exactly the deadlines it changes', async () => {
    const before = await stored();
    const expected = await expectedDeadlines([...officialFiles, synthetic2027]);
    const beforeById = new Map(before.map((r) => [r.id, r]));
    const shouldChange = expected.filter((r) => {
      const b = beforeById.get(r.id)!;
      return b.deadline !== r.deadline || b.provisional !== r.provisional;
    });
    // Every provisional deadline turns final; some also move (元旦 2027 is a Friday).
    expect(shouldChange.map((r) => r.id)).toEqual(expect.arrayContaining(before.filter((r) => r.provisional).map((r) => r.id)));
    expect(shouldChange.some((r) => beforeById.get(r.id)!.deadline !== r.deadline)).toBe(true);

    const requestsBefore = await storedRequests();
    expect(requestsBefore.filter((r) => r.provisional).length).toBeGreaterThan(0);
    const output = await run(write('2027.json', JSON.stringify(synthetic2027)));
    const requestsAfter = await storedRequests();
    const requestsMoved = requestsAfter.filter((r, i) => JSON.stringify(r) !== JSON.stringify(requestsBefore[i]));
    expect(output).toBe(
      `2027: added (9 off days, 2 make-up working days); ${shouldChange.length} deadline(s) recomputed, ${requestsMoved.length} request deadline(s)`,
    );
    // Requests answer on the same calendar: every provisional request deadline turns final,
    // and each equals the 20th working day after receipt as the SQL calendar counts it.
    expect(requestsAfter.filter((r) => r.provisional)).toEqual([]);
    expect(requestsMoved.length).toBeGreaterThan(0);
    const requestDue = await query<{ id: number; deadline: string }>(
      `with named as (select * from jsonb_to_recordset(?::jsonb) as v(date date, "isOffDay" boolean)),
       ord as materialized (
         select g::date as day, coalesce(not n."isOffDay", extract(isodow from g) < 6) as working,
                sum(coalesce(not n."isOffDay", extract(isodow from g) < 6)::int) over (order by g) as n
           from generate_series('2016-12-01'::date, '2028-12-31'::date, interval '1 day') g
           left join named n on n.date = g::date)
       select q.request_id as id, w.day::text as deadline
         from disclosure_request q join ord s on s.day = q.received_on join ord w on w.working and w.n = s.n + 20
        order by q.request_id`,
      [JSON.stringify([...officialFiles, synthetic2027].flatMap((f) => f.days))],
    );
    expect(requestsAfter.map((r) => ({ id: r.id, deadline: r.deadline }))).toEqual(requestDue);

    const after = await stored();
    expect(after).toEqual(expected);
    const changed = after.filter((r) => {
      const b = beforeById.get(r.id)!;
      return b.deadline !== r.deadline || b.provisional !== r.provisional;
    });
    expect(changed.map((r) => r.id)).toEqual(shouldChange.map((r) => r.id));
    expect(after.filter((r) => r.provisional)).toEqual([]);

    // The server sees the new year: nothing is provisional any more, and the schedule is listed.
    const body = await graphql(`{ holidaySchedules(year: 2027) { year days { date kind } } disclosures(filter: { formedFrom: "2026-12-01" }, first: 100) { edges { node { provisional provisionalReason } } } }`);
    expect((body.data!.holidaySchedules as { days: unknown[] }[])[0]!.days).toHaveLength(11);
    for (const { node } of (body.data!.disclosures as { edges: { node: { provisional: boolean; provisionalReason: string | null } }[] }).edges) {
      expect(node).toEqual({ provisional: false, provisionalReason: null });
    }
  });

  it('importing the same year again changes nothing; a corrected year moves only what it touches', async () => {
    expect(await run(join(dir, '2027.json'))).toBe('2027: unchanged (9 off days, 2 make-up working days); 0 deadline(s) recomputed, 0 request deadline(s)');
    // Correction: 2027-01-01 is no longer off. Only counts that passed it can move.
    const corrected = { ...synthetic2027, days: synthetic2027.days.slice(1) };
    const before = await stored();
    const expected = await expectedDeadlines([...officialFiles, corrected]);
    const moved = expected.filter((r, i) => r.deadline !== before[i]!.deadline || r.provisional !== before[i]!.provisional);
    const output = await run(write('2027-corrected.json', JSON.stringify(corrected)));
    expect(output).toMatch(new RegExp(`^2027: replaced \\(8 off days, 2 make-up working days\\); ${moved.length} deadline\\(s\\) recomputed, \\d+ request deadline\\(s\\)$`));
    expect(moved.length).toBeGreaterThan(0);
    expect(await stored()).toEqual(expected);
  });
});
