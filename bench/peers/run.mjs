// npm run bench:peers [-- --scales 10000,100000,1000000 --duration 10 --concurrency 1,8,32]
// Four questions at each scale, asked of Gongkai, of PostGraphile v5 (amber
// preset) over the same database, and of the plain-SQL floor. The three
// answers are normalised to one shape and must be equal before anything is
// timed; then autocannon times each engine at each concurrency. Prints a
// table with the machine and versions; writes bench/RESULTS.md.
import { deepStrictEqual } from 'node:assert';
import { createHash, randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import net from 'node:net';
import autocannon from 'autocannon';
import pg from 'pg';
import { printMachine } from '../machine.mjs';
import { typeNameLookup } from '../read/type-names.mjs';
import { questions } from './questions.mjs';

const args = Object.fromEntries(process.argv.slice(2).flatMap((a, i, all) => (a.startsWith('--') ? [[a.slice(2), all[i + 1]]] : [])));
const scales = (args.scales ?? '10000,100000,1000000').split(',').map(Number);
const duration = Number(args.duration ?? 10);
const concurrencies = (args.concurrency ?? '1,8,32').split(',').map(Number);
const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const typeName = await typeNameLookup();
const ENGINES = ['gongkai', 'postgraphile', 'floor'];

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

function run(argv, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${argv.join(' ')} exited ${code}`))));
  });
}

function startProcess(argv, env, readyText) {
  const child = spawn(process.execPath, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (readyText && out.includes(readyText)) resolve(child);
    });
    if (!readyText) resolve(child);
    child.on('exit', (code) => reject(new Error(`${argv.join(' ')} exited ${code}: ${out}`)));
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

/** Peak resident set of a process, from the kernel's high-water mark. */
function peakRss(pid) {
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
  return Math.round(kb / 1024);
}

/** The databases bench/read seeds (same name, seed and cut-off), reused when present. */
async function database(scale) {
  const name = `gongkai_bench_read_${scale}`;
  const exists = (await adminQuery(`select 1 from pg_database where datname = '${name}'`)).length > 0;
  if (exists) {
    const [{ n }] = await adminQuery('select count(*)::int as n from disclosure', dbUrl(name)).catch(() => [{ n: -1 }]);
    if (n === scale) {
      await run(['bin/gongkai.js', 'migrate'], { DATABASE_URL: dbUrl(name), LOG_LEVEL: 'warn' });
      await adminQuery('vacuum analyze', dbUrl(name));
      return dbUrl(name);
    }
    await adminQuery(`drop database ${name} with (force)`);
  }
  await adminQuery(`create database ${name}`);
  process.stderr.write(`seeding ${scale} disclosures into ${name}…\n`);
  await run(['bin/gongkai.js', 'migrate'], { DATABASE_URL: dbUrl(name), LOG_LEVEL: 'warn' });
  await run(['bin/gongkai.js', 'seed', '--scale', String(scale), '--seed', 'bench', '--until', '2026-11-20'], { DATABASE_URL: dbUrl(name), LOG_LEVEL: 'warn' });
  await adminQuery('vacuum analyze', dbUrl(name));
  return dbUrl(name);
}

/**
 * PostGraphile and the floor read every row; Gongkai hides unpublished and exempt
 * records from the public, so it is asked as SUPERVISOR (who reads everything) to
 * answer the same question. That costs it one statement more (the token lookup).
 */
async function supervisorToken(url) {
  const secret = `gk_bench_${randomBytes(24).toString('base64url')}`;
  const hash = createHash('sha256').update(secret, 'utf8').digest('hex');
  await adminQuery(`insert into api_token (name, role, secret_hash) values ('bench/peers', 'SUPERVISOR', '${hash}')`, url);
  return { authorization: `Bearer ${secret}` };
}

/** Gongkai's statements per request, counted as bench/read counts them (the app's query hook, second asking). */
async function gongkaiStatements(url, qs, auth) {
  const { startApp } = await import('../../dist/app.js');
  const { createLogger } = await import('../../dist/logger.js');
  let statements = 0;
  const app = await startApp({ databaseUrl: url, dataDir: 'memory://', host: '127.0.0.1', port: 0, logLevel: 'silent', corsOrigins: '*', poolIdleMs: 30_000, statementTimeoutMs: 10_000, poolWaitMs: 5_000, rateLimits: null }, createLogger('silent', { pretty: false }), {
    onQuery: () => statements++,
  });
  const counts = {};
  for (const [name, q] of Object.entries(qs)) {
    await post(app.url, q.gongkai, auth);
    statements = 0;
    await post(app.url, q.gongkai, auth);
    counts[name] = statements;
  }
  await app.close();
  return counts;
}

async function post(url, { query, variables }, headers = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return res.json();
}

async function cannon(url, body, connections, headers = {}) {
  const result = await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, connections, duration });
  // Failures are reported in the table rather than stopping the run.
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average, failed: result.non2xx + result.errors + result.timeouts };
}

const rows = [];
const rss = [];
const loads = [];
for (const scale of scales) {
  const url = await database(scale);
  const [{ credit_code: busiest }] = await adminQuery(
    'select credit_code from disclosure_party group by credit_code order by count(*) desc, credit_code limit 1',
    url,
  );
  const [record] = await adminQuery(`select id, domain, category from disclosure where id = ${Math.ceil(scale / 2)}`, url);
  const gongkaiId = Buffer.from(`${typeName(record.domain, record.category)}:${record.id}`, 'utf8').toString('base64url');
  const context = { busiest, nodeRecord: { id: record.id, gongkaiId } };
  const qs = questions(context);
  const auth = await supervisorToken(url);
  const statements = { gongkai: await gongkaiStatements(url, qs, auth), postgraphile: {} };

  const [gPort, pPort, pStats, fPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const gongkai = await startProcess(['bin/gongkai.js', 'serve'], { DATABASE_URL: url, PORT: String(gPort), LOG_LEVEL: 'warn', GONGKAI_WORKERS: '1', GONGKAI_RATE_LIMIT: 'off' }, '');
  const postgraphile = await startProcess(['--import', './bench/peers/polyfill.mjs', 'bench/peers/postgraphile-server.mjs', String(pPort), String(pStats)], { DATABASE_URL: url }, 'ready');
  const floor = await startProcess(['bench/peers/floor-server.mjs', String(fPort)], { DATABASE_URL: url, BENCH_CONTEXT: JSON.stringify(context) }, 'ready');
  await waitReady(`http://127.0.0.1:${gPort}/readyz`);
  const endpoint = {
    gongkai: () => ({ url: `http://127.0.0.1:${gPort}/graphql`, body: (q) => JSON.stringify({ query: q.gongkai.query, variables: q.gongkai.variables }) }),
    postgraphile: () => ({ url: `http://127.0.0.1:${pPort}/graphql`, body: (q) => JSON.stringify({ query: q.postgraphile.query, variables: q.postgraphile.variables }) }),
  };
  try {
    for (const [name, q] of Object.entries(qs)) {
      const answers = {};
      for (const engine of ['gongkai', 'postgraphile']) {
        const res = await post(endpoint[engine]().url, q[engine], engine === 'gongkai' ? auth : {});
        if (res.errors) throw new Error(`${engine} · ${name}: ${JSON.stringify(res.errors)}`);
        answers[engine] = q[engine].normalise(res.data);
      }
      // Gongkai runs a document with graphql-js the first time and compiled from the
      // second (src/server/compiled-execution.ts): the timed answers are the compiled ones.
      const again = await post(endpoint.gongkai().url, q.gongkai, auth);
      if (again.errors) throw new Error(`gongkai · ${name}, asked again: ${JSON.stringify(again.errors)}`);
      answers.gongkaiCompiled = q.gongkai.normalise(again.data);
      const f = await (await fetch(`http://127.0.0.1:${fPort}/?q=${encodeURIComponent(name)}`, { method: 'POST', body: '{}' })).json();
      answers.floor = f.data;
      // A mismatch stops the run: timing different answers means nothing.
      const plain = (v) => JSON.parse(JSON.stringify(v));
      deepStrictEqual(plain(answers.gongkai), plain(answers.floor), `${scale} · ${name}: Gongkai differs from the floor`);
      deepStrictEqual(plain(answers.gongkaiCompiled), plain(answers.floor), `${scale} · ${name}: Gongkai, compiled, differs from the floor`);
      deepStrictEqual(plain(answers.postgraphile), plain(answers.floor), `${scale} · ${name}: PostGraphile differs from the floor`);
      // PostGraphile's statements: the second asking, counted by its wrapped pool.
      await fetch(`http://127.0.0.1:${pStats}/`);
      await post(endpoint.postgraphile().url, q.postgraphile);
      statements.postgraphile[name] = (await (await fetch(`http://127.0.0.1:${pStats}/`)).json()).statements;

      for (const c of concurrencies) {
        process.stderr.write(`${scale} · ${name} · concurrency ${c}…\n`);
        const r = { scale, name, c, statements: { gongkai: statements.gongkai[name], postgraphile: statements.postgraphile[name] } };
        r.gongkai = await cannon(endpoint.gongkai().url, endpoint.gongkai().body(q), c, auth);
        r.postgraphile = await cannon(endpoint.postgraphile().url, endpoint.postgraphile().body(q), c);
        r.floor = await cannon(`http://127.0.0.1:${fPort}/?q=${encodeURIComponent(name)}`, '{}', c);
        rows.push(r);
      }
    }
    rss.push({ scale, gongkai: peakRss(gongkai.pid), postgraphile: peakRss(postgraphile.pid), floor: peakRss(floor.pid) });
    loads.push({ scale, load: loadavg().map((l) => l.toFixed(1)).join(' ') });
  } finally {
    for (const child of [gongkai, postgraphile, floor]) {
      child.removeAllListeners('exit');
      child.kill('SIGTERM');
    }
  }
}

const fmt = (n) => (n < 10 ? n.toFixed(1) : Math.round(n).toString());
const ratio = (a, b) => (a / Math.max(b, 0.1)).toFixed(2);
// autocannon's latencies are whole milliseconds: below 1 ms a p50 ratio means nothing.
const p50Ratio = (a, b) => (a < 1 || b < 1 ? '<1 ms' : ratio(a, b));
const table = [
  '| disclosures | question | conc. | SQL/req G · P | Gongkai req/s | p50 | p99 | PostGraphile req/s | p50 | p99 | floor req/s | p50 | p99 | req/s G ÷ P | p50 G ÷ floor | failed G/P/F |',
  '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.scale.toLocaleString('en')} | ${r.name} | ${r.c} | ${r.statements.gongkai} · ${r.statements.postgraphile} | ` +
      ENGINES.map((e) => `${fmt(r[e].rps)} | ${fmt(r[e].p50)} | ${fmt(r[e].p99)}`).join(' | ') +
      ` | ${ratio(r.gongkai.rps, r.postgraphile.rps)} | ${p50Ratio(r.gongkai.p50, r.floor.p50)} | ${ENGINES.map((e) => r[e].failed).join('/')} |`,
  ),
].join('\n');
const rssTable = [
  '| disclosures | Gongkai peak RSS | PostGraphile peak RSS | floor peak RSS | load average (1/5/15 min) after the scale |',
  '|---:|---:|---:|---:|---|',
  ...rss.map((m) => `| ${m.scale.toLocaleString('en')} | ${m.gongkai} MiB | ${m.postgraphile} MiB | ${m.floor} MiB | ${loads.find((l) => l.scale === m.scale).load} |`),
].join('\n');
const pkg = (p) => JSON.parse(readFileSync(new URL(p, import.meta.url), 'utf8')).version;
const postgres = (await adminQuery('show server_version'))[0].server_version;
const report = `# bench/peers

Gongkai, PostGraphile ${pkg('../../node_modules/postgraphile/package.json')} (amber preset) and the plain-SQL floor (pg) over the same
PostgreSQL database, generated by \`gongkai seed --seed bench --until 2026-11-20\`.
Each answer is normalised to one shape and checked equal across the three before timing.
autocannon, ${duration} s per cell; latencies in ms; all three servers are single Node processes on this machine,
sharing its CPUs with PostgreSQL and autocannon. Written by \`npm run bench:peers\`; what each question asks of
each engine, and what the common shape leaves out, is in bench/peers/questions.mjs.

${table}

SQL/req: statements per request on the second asking — Gongkai through its query hook (as bench/read counts),
PostGraphile through its wrapped \`pg\` pool (transaction control excluded).

${rssTable}

${printMachine({ gongkai: pkg('../../package.json'), postgraphile: pkg('../../node_modules/postgraphile/package.json'), postgres })}
`;
console.log(report);
writeFileSync(new URL('../RESULTS.md', import.meta.url), report);
