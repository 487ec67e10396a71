// CPU per request, Gongkai beside the floor: each server is loaded in turn by
// autocannon and its process's CPU time (user + system, from /proc) divided by
// the requests it answered. On a shared machine this is steadier than latency,
// and it is what latency at concurrency becomes once a CPU is saturated.
//   DATABASE_URL=…/gongkai_bench_read_10000 node bench/read/cpu-per-request.mjs ['filtered listing'] [seconds] [connections] [rounds]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import autocannon from 'autocannon';
import pg from 'pg';
import { questions } from './questions.mjs';
import { typeNameLookup } from './type-names.mjs';

const [only, seconds = '5', conns = '16', rounds = '2'] = process.argv.slice(2);
const url = process.env.DATABASE_URL;
const c = new pg.Client({ connectionString: url });
await c.connect();
const [{ credit_code: busiest }] = (await c.query('select credit_code from disclosure_party group by credit_code order by count(*) desc, credit_code limit 1')).rows;
const [{ n }] = (await c.query('select count(*)::int as n from disclosure')).rows;
const [nodeRecord] = (
  await c.query(`select id, domain, category from disclosure where id >= ${Math.ceil(n / 2)} and exemption = 'NONE' and published_on <= (now() at time zone 'Asia/Shanghai')::date order by id limit 1`)
).rows;
await c.end();
const context = { busiest, nodeRecord };
const qs = questions({ ...context, typeName: await typeNameLookup() });

const ticks = 100; // USER_HZ
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
}
function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}
async function ready(u) {
  for (let i = 0; i < 120; i++) {
    if (await fetch(u).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${u} not ready`);
}
const gPort = await freePort();
const fPort = await freePort();
const g = spawn(process.execPath, ['bin/gongkai.js', 'serve'], { env: { ...process.env, PORT: String(gPort), LOG_LEVEL: 'warn', GONGKAI_WORKERS: '1', GONGKAI_RATE_LIMIT: 'off' }, stdio: 'inherit' });
const f = spawn(process.execPath, ['bench/read/floor-server.mjs', String(fPort)], { env: { ...process.env, BENCH_CONTEXT: JSON.stringify(context) }, stdio: ['ignore', 'ignore', 'inherit'] });

async function load(pid, target, body) {
  const before = cpuMs(pid);
  const r = await autocannon({ url: target, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: Number(conns), duration: Number(seconds) });
  const total = r.requests.total;
  return { rps: r.requests.average, p50: r.latency.p50, cpu: (cpuMs(pid) - before) / total, failed: r.non2xx + r.errors };
}
console.log(`| question | round | Gongkai req/s | p50 | CPU ms/req | floor req/s | p50 | CPU ms/req | CPU ÷ floor |`);
console.log(`|---|---:|---:|---:|---:|---:|---:|---:|---:|`);
try {
  await ready(`http://127.0.0.1:${gPort}/readyz`);
  await ready(`http://127.0.0.1:${fPort}/?q=${encodeURIComponent('node by id')}`);
  for (const [name, q] of Object.entries(qs)) {
    if (only && only !== name) continue;
    const body = JSON.stringify({ query: q.query, variables: q.variables });
    const gUrl = `http://127.0.0.1:${gPort}/graphql`;
    const fUrl = `http://127.0.0.1:${fPort}/?q=${encodeURIComponent(name)}`;
    await autocannon({ url: gUrl, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: 4, duration: 1 });
    await autocannon({ url: fUrl, method: 'POST', body: '{}', connections: 4, duration: 1 });
    for (let i = 1; i <= Number(rounds); i++) {
      const a = await load(g.pid, gUrl, body);
      const b = await load(f.pid, fUrl, '{}');
      if (a.failed || b.failed) console.error(`failures: Gongkai ${a.failed}, floor ${b.failed}`);
      console.log(`| ${name} | ${i} | ${Math.round(a.rps)} | ${a.p50} | ${a.cpu.toFixed(2)} | ${Math.round(b.rps)} | ${b.p50} | ${b.cpu.toFixed(2)} | ${(a.cpu / b.cpu).toFixed(2)} |`);
    }
  }
} finally {
  g.kill('SIGTERM');
  f.kill('SIGTERM');
}
