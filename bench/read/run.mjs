// npm run bench:read [-- --scales 10000,1000000 --duration 10 --questions "Chinese text search,node by id" --sequential-only]
// Five questions at each scale, asked of Gongkai and of the plain-SQL floor,
// each checked to give the same answer, then timed with autocannon at
// concurrency 1 and 16. Prints a table with the machine; writes RESULTS.md (a full run only).
import { deepStrictEqual } from 'node:assert';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import autocannon from 'autocannon';
import pg from 'pg';
import { printMachine } from '../machine.mjs';
import { questions } from './questions.mjs';
import { typeNameLookup } from './type-names.mjs';

const args = Object.fromEntries(process.argv.slice(2).flatMap((a, i, all) => (a.startsWith('--') ? [[a.slice(2), all[i + 1]]] : [])));
const scales = (args.scales ?? '10000,1000000').split(',').map(Number);
const duration = Number(args.duration ?? 10);
// --questions 'Chinese text search,node by id': only those (the table is printed, RESULTS.md left as it is).
const only = args.questions?.split(',').map((q) => q.trim());
// --sequential-only: the microsecond-timed rounds alone, without autocannon.
const sequentialOnly = process.argv.includes('--sequential-only');
const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const typeName = await typeNameLookup();
// Names checked before any database is seeded or server started (the answers do not matter here).
const names = Object.keys(questions({ busiest: '', nodeRecord: { id: 1, domain: 'GOVERNMENT_PROCUREMENT', category: 'RESULT' }, typeName }));
for (const name of only ?? []) if (!names.includes(name)) throw new Error(`--questions: no question "${name}" (${names.join(', ')})`);

function dbUrl(name) {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(sql, url = server) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function run(cmd, argv, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${argv.join(' ')} exited ${code}`))));
  });
}

function startProcess(argv, env, readyText) {
  const child = spawn(process.execPath, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    if (!readyText) return resolve(child);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes(readyText)) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

async function waitReady(url) {
  for (let i = 0; i < 240; i++) {
    const res = await fetch(url).catch(() => undefined);
    if (res?.status === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} not ready`);
}

/** Seeds a database once per scale and seed; later runs reuse it. */
async function database(scale) {
  const name = `gongkai_bench_read_${scale}`;
  const exists = (await adminQuery(`select 1 from pg_database where datname = '${name}'`)).length > 0;
  if (exists) {
    const [{ n }] = await adminQuery('select count(*)::int as n from disclosure', dbUrl(name)).catch(() => [{ n: -1 }]);
    if (n === scale) {
      // Reused data, current schema: later migrations apply to it as to any database.
      await run(process.execPath, ['bin/gongkai.js', 'migrate'], { DATABASE_URL: dbUrl(name), LOG_LEVEL: 'warn' });
      await adminQuery('vacuum analyze', dbUrl(name));
      return dbUrl(name);
    }
    await adminQuery(`drop database ${name} with (force)`);
  }
  await adminQuery(`create database ${name}`);
  process.stderr.write(`seeding ${scale} disclosures into ${name}…\n`);
  await run(process.execPath, ['bin/gongkai.js', 'migrate'], { DATABASE_URL: dbUrl(name), LOG_LEVEL: 'warn' });
  await run(process.execPath, ['bin/gongkai.js', 'seed', '--scale', String(scale), '--seed', 'bench', '--until', '2026-11-20'], {
    DATABASE_URL: dbUrl(name),
    LOG_LEVEL: 'warn',
  });
  return dbUrl(name);
}

async function countStatements(url, qs) {
  const { startApp } = await import('../../dist/app.js');
  const { createLogger } = await import('../../dist/logger.js');
  let statements = 0;
  const app = await startApp(
    { databaseUrl: url, dataDir: 'memory://', host: '127.0.0.1', port: 0, logLevel: 'silent', corsOrigins: '*', poolIdleMs: 30_000, statementTimeoutMs: 10_000, poolWaitMs: 5_000, rateLimits: null },
    createLogger('silent', { pretty: false }),
    { onQuery: () => statements++ },
  );
  const counts = {};
  for (const [name, q] of Object.entries(qs)) {
    await post(app.url, q);
    statements = 0;
    await post(app.url, q);
    counts[name] = statements;
  }
  await app.close();
  return counts;
}

async function post(url, q) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q.query, variables: q.variables }) });
  return res.json();
}

async function cannon(url, body, connections) {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    duration,
  });
  // Failures are reported in the table rather than stopping the run.
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average, failed: result.non2xx + result.errors + result.timeouts };
}

/**
 * Concurrency 1, timed to the microsecond: autocannon's histogram has whole
 * milliseconds, too coarse for answers that take one or two. Every endpoint
 * (Gongkai and the floor, at every scale) is asked in turn, one request each
 * round, so drift on a shared machine hits all alike, and the 1M ÷ 10k ratio
 * compares two servers measured in the same seconds, not minutes apart.
 */
async function interleaved(targets, n = 300) {
  const times = targets.map(() => []);
  const time = async (into, { url, body }) => {
    const t = performance.now();
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await res.arrayBuffer();
    into?.push(performance.now() - t);
  };
  for (let i = 0; i < 20; i++) for (const target of targets) await time(undefined, target);
  for (let i = 0; i < n; i++) for (const [k, target] of targets.entries()) await time(times[k], target);
  const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
  return times.map((xs) => ({ p50: pct(xs, 0.5), p99: pct(xs, 0.99) }));
}

const rows = [];
const precise = [];
// Every scale's two servers run at once (the sequential timing interleaves them all).
const setups = [];
try {
  for (const scale of scales) {
    const url = await database(scale);
    const [{ credit_code: busiest }] = await adminQuery(
      'select credit_code from disclosure_party group by credit_code order by count(*) desc, credit_code limit 1',
      url,
    );
    const [nodeRecord] = await adminQuery(`select id, domain, category from disclosure where id >= ${Math.ceil(scale / 2)} and exemption = 'NONE' and published_on <= (now() at time zone 'Asia/Shanghai')::date order by id limit 1`, url);
    const context = { busiest, nodeRecord };
    const all = questions({ ...context, typeName });
    const qs = only ? Object.fromEntries(Object.entries(all).filter(([name]) => only.includes(name))) : all;
    const statements = await countStatements(url, qs);
    const gPort = await freePort();
    // Readiness is polled on /readyz; its stdout (warnings only) is not waited on.
    const gongkai = await startProcess(['bin/gongkai.js', 'serve'], { DATABASE_URL: url, PORT: String(gPort), LOG_LEVEL: 'warn' }, '');
    const fPort = await freePort();
    const floor = await startProcess(['bench/read/floor-server.mjs', String(fPort)], { DATABASE_URL: url, BENCH_CONTEXT: JSON.stringify(context) }, 'ready');
    setups.push({ scale, url, qs, statements, gongkai, floor, gUrl: `http://127.0.0.1:${gPort}/graphql`, fUrl: (name) => `http://127.0.0.1:${fPort}/?q=${encodeURIComponent(name)}` });
    await waitReady(`http://127.0.0.1:${gPort}/readyz`);
  }
  for (const setup of setups) {
    const floorPool = new pg.Pool({ connectionString: setup.url, max: 4 });
    for (const [name, q] of Object.entries(setup.qs)) {
      const expected = JSON.parse(JSON.stringify(await q.floor(floorPool)));
      // Asked twice: Gongkai runs a document with graphql-js the first time and compiled
      // from the second (src/server/compiled-execution.ts), and the timed answers are those.
      for (const asking of ['first', 'second']) {
        const fromGongkai = await post(setup.gUrl, q);
        if (fromGongkai.errors) throw new Error(`${setup.scale} ${name}: ${JSON.stringify(fromGongkai.errors)}`);
        // A mismatch stops the run: timing two different answers means nothing.
        deepStrictEqual(JSON.parse(JSON.stringify(fromGongkai.data)), expected, `${setup.scale} ${name}, ${asking} asking, differs from the floor`);
      }
    }
    await floorPool.end();
  }
  for (const name of Object.keys(setups[0].qs)) {
    process.stderr.write(`${name} · sequential, every scale interleaved…\n`);
    const targets = setups.flatMap((s) => [
      { url: s.gUrl, body: JSON.stringify({ query: s.qs[name].query, variables: s.qs[name].variables }) },
      { url: s.fUrl(name), body: '{}' },
    ]);
    const timed = await interleaved(targets);
    setups.forEach((s, i) => precise.push({ scale: s.scale, name, g: timed[2 * i], f: timed[2 * i + 1] }));
  }
  for (const setup of sequentialOnly ? [] : setups) {
    for (const [name, q] of Object.entries(setup.qs)) {
      const body = JSON.stringify({ query: q.query, variables: q.variables });
      for (const c of [1, 16]) {
        process.stderr.write(`${setup.scale} · ${name} · concurrency ${c}…\n`);
        const g = await cannon(setup.gUrl, body, c);
        const f = await cannon(setup.fUrl(name), '{}', c);
        rows.push({ scale: setup.scale, name, c, statements: setup.statements[name], g, f });
      }
    }
  }
} finally {
  for (const s of setups) {
    s.gongkai.kill('SIGTERM');
    s.floor.kill('SIGTERM');
  }
}
precise.sort((a, b) => a.scale - b.scale);

const fmt = (n) => (n < 10 ? n.toFixed(1) : Math.round(n).toString());
// autocannon's histogram is in whole milliseconds: a 0 ms denominator makes no ratio (the sequential table has them).
const ratio = (a, b) => (b < 1 ? '<1 ms' : (a / b).toFixed(2));
const table = [
  '| disclosures | question | conc. | SQL/req | Gongkai p50 ms | p99 ms | req/s | floor p50 ms | p99 ms | req/s | p50 ÷ floor | failed (G/F) |',
  '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.scale.toLocaleString('en')} | ${r.name} | ${r.c} | ${r.statements} | ${fmt(r.g.p50)} | ${fmt(r.g.p99)} | ${fmt(r.g.rps)} | ${fmt(r.f.p50)} | ${fmt(r.f.p99)} | ${fmt(r.f.rps)} | ${ratio(r.g.p50, r.f.p50)} | ${r.g.failed}/${r.f.failed} |`,
  ),
].join('\n');
let scaling = '';
if (scales.length > 1) {
  const [lo, hi] = [Math.min(...scales), Math.max(...scales)];
  scaling =
    `\n\nGongkai p50 at ${hi.toLocaleString('en')} ÷ p50 at ${lo.toLocaleString('en')} (concurrency 1):\n\n` +
    rows
      .filter((r) => r.scale === hi && r.c === 1)
      .map((r) => {
        const base = rows.find((b) => b.scale === lo && b.name === r.name && b.c === 1);
        return `- ${r.name}: ${ratio(r.g.p50, base.g.p50)}`;
      })
      .join('\n');
}
const fmt2 = (n) => n.toFixed(2);
const preciseTable = [
  '| disclosures | question | Gongkai p50 ms | p99 ms | floor p50 ms | p99 ms | p50 ÷ floor |',
  '|---:|---|---:|---:|---:|---:|---:|',
  ...precise.map((r) => `| ${r.scale.toLocaleString('en')} | ${r.name} | ${fmt2(r.g.p50)} | ${fmt2(r.g.p99)} | ${fmt2(r.f.p50)} | ${fmt2(r.f.p99)} | ${(r.g.p50 / r.f.p50).toFixed(2)} |`),
].join('\n');
let preciseScaling = '';
if (scales.length > 1) {
  const [lo, hi] = [Math.min(...scales), Math.max(...scales)];
  preciseScaling =
    `\n\nGongkai p50 at ${hi.toLocaleString('en')} ÷ p50 at ${lo.toLocaleString('en')} (sequential):\n\n` +
    precise
      .filter((r) => r.scale === hi)
      .map((r) => {
        const base = precise.find((b) => b.scale === lo && b.name === r.name);
        return `- ${r.name}: ${(r.g.p50 / base.g.p50).toFixed(2)} (the floor's own: ${(r.f.p50 / base.f.p50).toFixed(2)})`;
      })
      .join('\n');
}
const load = (await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(', ');
const version = (await adminQuery('show server_version'))[0].server_version;
const report =
  `# bench/read\n\n## Concurrency 1, sequential\n\n300 requests each, timed with performance.now() (microseconds); in each round every endpoint (Gongkai and the floor at every scale) is asked once, in turn.\n\n${preciseTable}${preciseScaling}\n\n` +
  `## autocannon\n\n${duration} s per cell; latencies in whole ms (autocannon's histogram).\n\n${table}${scaling}\n\nLoad average at the end: ${load}.\n\n${printMachine({ postgres: version })}\n`;
console.log(report);
if (!only && !sequentialOnly) writeFileSync(new URL('./RESULTS.md', import.meta.url), report);
