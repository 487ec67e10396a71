// npm run bench:abuse [-- --workers N]
//
// Issue 19: "bench/abuse runs 32 well-behaved clients and 4 attackers for 2
// minutes: 0 errors for the well-behaved clients, their p99 reported beside a
// run without attackers, and worker restarts counted." Against a real
// `gongkai serve --workers N` (default 2) with the shipped operation and rate
// limits, it runs the well-behaved clients alone, then beside the attackers
// (attacks.mjs), and reports their errors and latency in both phases, each
// attack's answers and refusal latency, the largest resident memory of the
// primary and each worker (from /proc, every second), CPU per process, and
// worker restarts; RESULTS.md. Exits 1 if a well-behaved client saw an error or
// a worker restarted, so it can serve as a check.
//
// Environment:
//   ABUSE_SECONDS   each phase, default 120
//   ABUSE_CLIENTS   well-behaved clients, default 32
//   ABUSE_RATE      requests a second per client, default 2. Each example
//                   question costs the server and PostgreSQL about 12 ms of CPU
//                   together, so 32 clients at 10 a second would need about 4
//                   cores: on the 2-core machine this runs on, the run without
//                   attackers would already be a queue, and its p99 meaningless.
//                   2 a second (64 in all) keeps that run near half the machine.
//   ABUSE_SCALE     disclosures seeded, default 50,000
//   GONGKAI_WORKERS or --workers N: default 2
//   ABUSE_ATTACKS   some of hostile,expensive,flood,bodies,rotating, to find
//                   which attack does what: printed, RESULTS.md left as it is
//   ABUSE_SERVER_NODE_OPTIONS  NODE_OPTIONS for the server (say
//                   --max-old-space-size=160), to investigate memory: printed only
//   DATABASE_URL    the PostgreSQL server to create gongkai_bench_abuse on
//                   (default postgres://postgres@127.0.0.1:5432/postgres)
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { checkVariants, KINDS } from './attacks.mjs';
import { runClients } from './clients.mjs';
import { clientContext, prepareDatabase, serverVersion } from './database.mjs';
import { report } from './report.mjs';
import { Sampler, startServer } from './server.mjs';

const env = process.env;
const flag = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const positive = (name, value, fallback) => {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0) throw new Error(`${name} must be a positive number, got "${value}"`);
  return Number(value);
};

const options = {
  seconds: positive('ABUSE_SECONDS', env.ABUSE_SECONDS, 120),
  clients: positive('ABUSE_CLIENTS', env.ABUSE_CLIENTS, 32),
  rate: positive('ABUSE_RATE', env.ABUSE_RATE, 2),
  scale: positive('ABUSE_SCALE', env.ABUSE_SCALE, 50_000),
  workers: positive('--workers', flag('workers') ?? env.GONGKAI_WORKERS, 2),
  attacks: env.ABUSE_ATTACKS ? env.ABUSE_ATTACKS.split(',').map((k) => k.trim()) : Object.keys(KINDS),
};
for (const kind of options.attacks) if (!KINDS[kind]) throw new Error(`ABUSE_ATTACKS: no attack "${kind}" (${Object.keys(KINDS).join(', ')})`);
// Only a run of every attack is the benchmark's result; a partial one is for investigating.
const complete = !env.ABUSE_ATTACKS && !env.ABUSE_SERVER_NODE_OPTIONS;
const adminUrl = env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const WARM_UP_SECONDS = 5;
const log = (text) => process.stderr.write(`${text}\n`);

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs clients.mjs or attacks.mjs as a child process (its own event loop and CPU account); resolves to what it sends back. */
function runChild(file, job) {
  const child = fork(new URL(file, import.meta.url), [], { env: { ...env, BENCH_ABUSE_JOB: JSON.stringify(job) }, stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    let result;
    child.on('message', (message) => (result = message));
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`${file} exited ${code} without a result`))));
  });
}

log(`bench/abuse: ${options.workers} workers, ${options.clients} clients at ${options.rate}/s each, attacks ${options.attacks.join(', ')}, ${options.seconds} s a phase`);
const databaseUrl = await prepareDatabase(adminUrl, options.scale, log);
const context = await clientContext(databaseUrl);
const port = await freePort();
const logPath = path.join(os.tmpdir(), `gongkai-bench-abuse-${Date.now()}.log`);
const server = startServer({ databaseUrl, port, workers: options.workers, logPath });
const url = `http://127.0.0.1:${port}/graphql`;
let sampler;
let results;
try {
  await server.serving;
  log(`serving at ${url} (primary pid ${server.pid}, workers ${server.log.workers.map((w) => w.pid).join(', ')}); notable log lines go to ${logPath}`);
  sampler = new Sampler({ server, url });
  const loadBefore = os.loadavg();

  sampler.setPhase('warm-up');
  // Every attack's answer is what it is meant to be (refused, admitted), and every question compiled on both workers.
  const mismatches = await checkVariants(url);
  for (const m of mismatches) log(`warning: ${m}`);
  await runClients({ url, seconds: WARM_UP_SECONDS, clients: options.clients, rate: options.rate, context });

  const job = { url, seconds: options.seconds, clients: options.clients, rate: options.rate, context };
  log(`phase 1: ${options.clients} well-behaved clients alone, ${options.seconds} s…`);
  sampler.setPhase('no attack');
  const calm = await runChild('./clients.mjs', job);
  sampler.setPhase('pause');
  await sleep(3000);

  log(`phase 2: the same clients and ${options.attacks.length} attack kinds, ${options.seconds} s…`);
  sampler.setPhase('attack');
  const [attacked, attackers] = await Promise.all([
    runChild('./clients.mjs', job),
    runChild('./attacks.mjs', { url, seconds: options.seconds, only: options.attacks }),
  ]);
  sampler.setPhase('end');
  sampler.stop();
  results = { options, calm, attacked, attackers, mismatches, loadBefore, loadAfter: os.loadavg(), sampler, log: server.log, logPath, postgres: await serverVersion(adminUrl) };
} finally {
  sampler?.stop();
  const stopped = await server.stop();
  if (stopped.code !== 0) log(`the server exited ${stopped.signal ?? stopped.code} when stopped`);
}

const { text, failed } = report(results);
console.log(text);
if (complete) writeFileSync(new URL('./RESULTS.md', import.meta.url), text);
else log('a partial run (ABUSE_ATTACKS): RESULTS.md left as it is');
process.exitCode = failed ? 1 : 0;
