import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../../src/cli/report.js';
import { ConfigError } from '../../src/config.js';
import { todayInChina } from '../../src/kernel/time/china-date.js';
import { seedDatabase } from '../../src/generator/seed.js';
import { loadReferenceData } from '../../src/seeders/reference-data.js';
import { startTestApp, testLogger, type TestApp } from '../helpers/database.js';

/**
 * The yearly report (年度报告) as a reader gets it: served by the real app,
 * rendered by Debian's Chromium (no browser download), its figures read back
 * from the DOM and compared with plain SQL written here from the definitions
 * (docs/model.md, "Compliance figures").
 */
const CHROMIUM = '/usr/bin/chromium';
const asOf = todayInChina();
const year = Number(asOf.slice(0, 4)) - 1;
const from = `${year}-01-01`;
const to = `${year}-12-31`;

let app: TestApp;
let origin: string;
let department: string;
let context: BrowserContext;
let userDataDir: string;

beforeAll(async () => {
  app = await startTestApp({ demo: false });
  origin = new URL(app.url).origin;
  await loadReferenceData(app.database.orm.em.fork());
  await seedDatabase(app.database.orm, { scale: 6000, seed: 'yearly-report', until: asOf });
  // The department with the most records that year: a report with something in it.
  [{ department }] = await app.query<{ department: string }>(
    `select publisher_code as department from disclosure where formed_on between ? and ?
      group by publisher_code order by count(*) desc, publisher_code limit 1`,
    [from, to],
  );
  userDataDir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    // The page's own CSP would block (and so hide) an outside load; the test must see any attempt.
    bypassCSP: true,
    viewport: { width: 1100, height: 900 },
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  await app?.close();
});

const reportUrl = () => `${origin}/reports/${department}/${year}`;

async function openReport(): Promise<{ page: Page; requested: string[]; consoleErrors: string[] }> {
  const page = await context.newPage();
  const requested: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  const response = await page.goto(reportUrl(), { waitUntil: 'load' });
  expect(response!.status()).toBe(200);
  expect(response!.headers()['content-type']).toBe('text/html; charset=utf-8');
  return { page, requested, consoleErrors };
}

/** Figures as the totals row shows them, by `data-figure`. */
async function rowFigures(page: Page, selector: string): Promise<Record<string, string>> {
  return page.$$eval(`${selector} td[data-figure]`, (cells) =>
    Object.fromEntries(cells.map((c) => [c.getAttribute('data-figure')!, c.textContent!.trim()])),
  );
}

interface Counts {
  formed: number;
  on_time: number;
  late: number;
  within: number;
  overdue: number;
  retracted: number;
  exempt: number;
}

/** Records formed in [from, end] by the department, judged on asOf; plain SQL, one row per group. */
async function expectedCounts(end: string, groupBy?: 'domain, category'): Promise<(Counts & { key?: string })[]> {
  const key = groupBy ? `domain || '.' || category as key,` : '';
  return app.query(
    `select ${key}
            count(*)::int as formed,
            count(*) filter (where exemption = 'NONE' and published_on <= ? and published_on <= deadline)::int as on_time,
            count(*) filter (where exemption = 'NONE' and published_on <= ? and published_on > deadline)::int as late,
            count(*) filter (where exemption = 'NONE' and (published_on is null or published_on > ?) and deadline >= ?)::int as within,
            count(*) filter (where exemption = 'NONE' and (published_on is null or published_on > ?) and deadline < ?)::int as overdue,
            count(*) filter (where retracted_on <= ?)::int as retracted,
            count(*) filter (where exemption <> 'NONE')::int as exempt
       from disclosure
      where publisher_code = ? and formed_on between ? and ?
      ${groupBy ? `group by ${groupBy} order by 1` : ''}`,
    [asOf, asOf, asOf, asOf, asOf, asOf, asOf, department, from, end],
  );
}

const rateOf = (c: Counts) => (c.on_time + c.late + c.overdue === 0 ? null : c.on_time / (c.on_time + c.late + c.overdue));
const shown = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (m: number) => new Date(Date.UTC(year, m, 0)).getUTCDate();

describe('yearly report page', () => {
  it('renders in Chromium and loads nothing but the page itself', async () => {
    expect(existsSync(CHROMIUM)).toBe(true);
    const { page, requested, consoleErrors } = await openReport();
    await page.waitForLoadState('networkidle');
    expect(requested).toEqual([reportUrl()]);
    expect(consoleErrors).toEqual([]);
    // Nothing that could load later either: no element points anywhere, no script, no CSS url().
    // The one link is the empty data: icon that keeps the browser from asking for /favicon.ico.
    expect(await page.$$eval('[src], [href], [srcset], [poster], [data], script, link, iframe, object, embed', (els) => els.map((el) => el.outerHTML))).toEqual([
      '<link rel="icon" href="data:,">',
    ]);
    expect(await page.$eval('style', (s) => /url\(|@import/i.test(s.textContent ?? ''))).toBe(false);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    const [{ name }] = await app.query<{ name: string }>('select name from department where code = ?', [department]);
    expect(await page.title()).toBe(`${name} ${year}年公共资源配置领域政府信息公开工作年度报告`);
    expect(await page.textContent('h1')).toBe(await page.title());
    // For a look by eye: YEARLY_REPORT_SCREENSHOT=/tmp/yearly-report.png keeps the picture and the page (.html).
    const shot = process.env.YEARLY_REPORT_SCREENSHOT;
    if (shot) {
      await page.screenshot({ path: shot, fullPage: true });
      writeFileSync(shot.replace(/\.png$/, '') + '.html', await page.content());
    }
    await page.close();
  });

  it('shows the totals, the months, the categories, the channels and the gaps as plain SQL counts them', async () => {
    const { page } = await openReport();
    const end = to < asOf ? to : asOf;

    const [total] = await expectedCounts(end);
    const [{ revised }] = await app.query<{ revised: number }>(
      `select count(distinct d.id)::int as revised from disclosure d join disclosure_revision r on r.disclosure_id = d.id
        where d.publisher_code = ? and r.changed_on between ? and ?`,
      [department, from, end],
    );
    expect(total!.formed).toBeGreaterThan(20);
    expect(await rowFigures(page, 'tr[data-row="totals"]')).toEqual({
      formed: String(total!.formed),
      publishedOnTime: String(total!.on_time),
      publishedLate: String(total!.late),
      pendingWithinLimit: String(total!.within),
      pendingOverdue: String(total!.overdue),
      retracted: String(total!.retracted),
      revised: String(revised),
      exempt: String(total!.exempt),
      onTimeRate: shown(rateOf(total!)),
    });

    // The chart's scale, read from its own 0% and 100% grid lines.
    const y0 = Number(await page.getAttribute('svg line.grid[data-tick="0"]', 'y1'));
    const y100 = Number(await page.getAttribute('svg line.grid[data-tick="1"]', 'y1'));
    expect(y0).toBeGreaterThan(y100);
    const points = await page.$$eval('svg circle.point', (cs) =>
      cs.map((c) => ({ month: Number(c.getAttribute('data-month')), cy: Number(c.getAttribute('cy')) })),
    );
    const gaps = await page.$$eval('svg .no-data', (ts) => ts.map((t) => Number(t.getAttribute('data-month'))));
    let drawn = 0;
    for (let month = 1; month <= 12; month++) {
      const [m] = await app.query<Counts>(
        `select count(*) filter (where exemption = 'NONE' and published_on <= ? and published_on <= deadline)::int as on_time,
                count(*) filter (where exemption = 'NONE' and published_on <= ? and published_on > deadline)::int as late,
                count(*) filter (where exemption = 'NONE' and (published_on is null or published_on > ?) and deadline < ?)::int as overdue,
                count(*)::int as formed
           from disclosure where publisher_code = ? and formed_on between ? and ?`,
        [asOf, asOf, asOf, asOf, department, `${year}-${pad(month)}-01`, `${year}-${pad(month)}-${pad(lastDay(month))}`],
      );
      const rate = rateOf(m!);
      const cells = await rowFigures(page, `tr[data-month="${month}"]`);
      expect({ month, formed: cells.formed, rate: cells.onTimeRate }).toEqual({ month, formed: String(m!.formed), rate: shown(rate) });
      const point = points.find((p) => p.month === month);
      if (rate === null) {
        expect(point, `month ${month} has nothing due: a gap, not a point`).toBeUndefined();
        expect(gaps).toContain(month);
      } else {
        drawn++;
        expect(point, `month ${month}`).toBeDefined();
        expect(point!.cy).toBeCloseTo(y0 - rate * (y0 - y100), 1);
      }
    }
    expect(drawn).toBeGreaterThan(6);
    // The line joins the drawn points and only them.
    expect(await page.$$eval('svg path.line', (ps) => ps.length)).toBe(1);

    const categories = await expectedCounts(end, 'domain, category');
    const shownCategories = await page.$$eval('#categories tr[data-category]', (rows) =>
      rows.map((r) => ({
        key: r.getAttribute('data-category'),
        formed: r.querySelector('td[data-figure="formed"]')!.textContent,
        onTime: r.querySelector('td[data-figure="publishedOnTime"]')!.textContent,
        overdue: r.querySelector('td[data-figure="pendingOverdue"]')!.textContent,
      })),
    );
    expect(shownCategories.sort((a, b) => a.key!.localeCompare(b.key!))).toEqual(
      categories.map((c) => ({ key: c.key, formed: String(c.formed), onTime: String(c.on_time), overdue: String(c.overdue) })),
    );

    const channels = await app.query<{ channel: string; records: number }>(
      `select cp.channel, count(distinct d.id)::int as records
         from disclosure d join disclosure_publication cp on cp.disclosure_id = d.id
        where d.publisher_code = ? and d.formed_on between ? and ? and cp.published_on <= ?
        group by cp.channel`,
      [department, from, end, asOf],
    );
    const shownChannels = await page.$$eval('#channels tr[data-channel]', (rows) =>
      rows.map((r) => ({ channel: r.getAttribute('data-channel')!, records: Number(r.querySelector('td')!.textContent) })),
    );
    const byChannel = (a: { channel: string }, b: { channel: string }) => (a.channel < b.channel ? -1 : 1);
    expect(shownChannels.sort(byChannel)).toEqual(channels.sort(byChannel));

    // 查漏补缺: categories of the domains the department answers for, in the catalogue that year, with no record.
    const gapsExpected = await app.query<{ key: string }>(
      `select distinct c.domain || '.' || c.category as key
         from catalogue_item c
        where c.domain in (select domain from responsibility where department_code = ?)
          and c.valid_from <= ? and (c.valid_until is null or c.valid_until >= ?)
          and not exists (select 1 from disclosure d where d.publisher_code = ? and d.domain = c.domain
                             and d.category = c.category and d.formed_on between ? and ?)
        order by 1`,
      [department, to, from, department, from, end],
    );
    const shownGaps = await page.$$eval('#gaps li[data-gap]', (items) => items.map((li) => li.getAttribute('data-gap')!));
    expect(shownGaps.sort()).toEqual(gapsExpected.map((g) => g.key));

    // 依申请公开: received requests as the requests table counts them, where this build has one.
    const [{ table }] = await app.query<{ table: string | null }>(`select to_regclass('disclosure_request')::text as "table"`);
    const requests = await rowFigures(page, 'tr[data-row="requests"]');
    if (table === null) expect(requests.received).toBe('0');
    else {
      const [{ received }] = await app.query<{ received: number }>(
        `select count(*)::int as received from disclosure_request where department_code = ? and received_on between ? and ?`,
        [department, from, end],
      );
      expect(requests.received).toBe(String(received));
    }
    await page.close();
  });

  it('answers 404 for an unknown department and 400 for a bad year, in one line', async () => {
    const cases: [string, number, RegExp][] = [
      [`/reports/QH-NOWHERE/${year}`, 404, /unknown department "QH-NOWHERE"/],
      [`/reports/${department}/20x5`, 400, /year must be from 2018 to \d{4}, got "20x5"/],
      [`/reports/${department}/2017`, 400, /year must be/],
      [`/reports/${department}/${Number(asOf.slice(0, 4)) + 1}`, 400, /year must be/],
    ];
    for (const [url, status, message] of cases) {
      const res = await fetch(`${origin}${url}`);
      expect({ url, status: res.status }).toEqual({ url, status });
      expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      const text = await res.text();
      expect(text).toMatch(message);
      expect(text.trim().split('\n')).toHaveLength(1);
    }
    expect((await fetch(reportUrl(), { method: 'POST' })).status).toBe(405);
  });

  // The command opens the database by URL; the embedded in-memory one is private to the app.
  it.skipIf(!process.env.DATABASE_URL)('`gongkai report` writes the same page the server serves', async () => {
    const [{ name }] = await app.query<{ name: string }>('select current_database() as name');
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    const ctx = { config: { databaseUrl: url.toString(), dataDir: '', host: '127.0.0.1', port: 0, logLevel: 'silent' as const, corsOrigins: '*' as const, poolIdleMs: 30_000, statementTimeoutMs: 10_000, poolWaitMs: 5_000 }, logger: testLogger };
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-report-'));
    try {
      const out = path.join(dir, 'report.html');
      expect(await reportCommand(ctx, { department, year: String(year), out })).toBe(out);
      expect(readFileSync(out, 'utf8')).toBe(await (await fetch(reportUrl())).text());

      await expect(reportCommand(ctx, { department: 'QH-NOWHERE', year: String(year) })).rejects.toThrow(ConfigError);
      await expect(reportCommand(ctx, { department, year: 'last' })).rejects.toThrow(/year must be from 2018/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
