// The server under test as a real `gongkai serve --workers N` process, what its
// log says (worker pids, restarts, warnings), and what /proc says about it
// (resident memory and CPU time of the primary and every worker, each second).
import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { createInterface } from 'node:readline';

/**
 * Starts the server with the defaults the benchmark measures: operation limits
 * and rate limits as shipped (any GONGKAI_LIMITS / GONGKAI_RATE_LIMIT in the
 * caller's environment is dropped), the client named by X-Forwarded-For so each
 * simulated client is an address of its own, and the default log level, so the
 * primary's 'worker started' and 'worker exited' lines are there to read.
 */
export function startServer({ databaseUrl, port, workers, logPath }) {
  const env = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', GONGKAI_TRUST_PROXY: 'on', LOG_LEVEL: 'info' };
  for (const name of ['GONGKAI_LIMITS', 'GONGKAI_RATE_LIMIT', 'GONGKAI_WORKERS', 'GONGKAI_METRICS', 'GONGKAI_TRUSTED_DOCUMENTS', 'NODE_OPTIONS']) delete env[name];
  // For investigating memory only (e.g. --max-old-space-size=200); a run that sets it is not the defaults.
  if (process.env.ABUSE_SERVER_NODE_OPTIONS) env.NODE_OPTIONS = process.env.ABUSE_SERVER_NODE_OPTIONS;
  const child = spawn(process.execPath, ['bin/gongkai.js', 'serve', '--workers', String(workers)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = new ServerLog(logPath);
  createInterface({ input: child.stdout }).on('line', (line) => log.line(line));
  createInterface({ input: child.stderr }).on('line', (line) => log.keep(`stderr: ${line}`));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const serving = Promise.race([
    log.serving,
    exited.then(({ code, signal }) => Promise.reject(new Error(`gongkai serve exited (${signal ?? code}) before serving; see ${logPath}`))),
  ]);
  return {
    pid: child.pid,
    log,
    serving,
    exited,
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const result = await exited;
      clearTimeout(timer);
      await log.close();
      return result;
    },
  };
}

/**
 * Reads the server's JSON log lines. Request lines (one per request, thousands a
 * second under attack) are only counted by status, found by substring so the
 * benchmark's parent spends little on them; every other line is parsed.
 * Warnings and errors, worker events, 5xx answers and requests slower than a
 * second are kept in a file for whoever investigates.
 */
class ServerLog {
  constructor(path) {
    this.file = createWriteStream(path);
    this.workers = []; // { id, pid, startedAt }
    this.restarts = []; // 'worker exited' lines while serving
    this.replacing = 0;
    this.phase = 'start';
    this.byPhase = {}; // phase → { statuses: { '200': n }, slow: n, notable: { 'warn: msg': n } }
    this.serving = new Promise((resolve) => (this.onServing = resolve));
  }

  counts() {
    return (this.byPhase[this.phase] ??= { statuses: {}, slow: 0, notable: {}, serverMs: {} });
  }

  keep(text) {
    this.file.write(`${text}\n`);
  }

  line(line) {
    if (line.includes('"msg":"request"')) {
      const status = /"status":(\d+)/.exec(line)?.[1] ?? '?';
      const ms = Number(/"ms":([\d.]+)/.exec(line)?.[1] ?? 0);
      const c = this.counts();
      c.statuses[status] = (c.statuses[status] ?? 0) + 1;
      // The time the server itself spent (from reading the request to the answer's end, not waiting to be read),
      // by who sent it: the benchmark's request ids start with the client's kind ('wellbehaved', 'hostile' …).
      const who = /"requestId":"([a-z]+)-\d+"/.exec(line)?.[1];
      if (who) (c.serverMs[`${who} ${status}`] ??= []).push(ms);
      if (ms >= 1000) c.slow++;
      if (Number(status) >= 500 || ms >= 1000) this.keep(line);
      return;
    }
    let entry;
    try {
      entry = JSON.parse(line);
    } catch {
      this.keep(`unparsed: ${line}`);
      return;
    }
    this.keep(line);
    if (entry.msg === 'worker started') this.workers.push({ id: entry.worker, pid: entry.pid, startedAt: entry.time });
    if (entry.msg === 'worker exited') this.restarts.push({ worker: entry.worker, pid: entry.pid, code: entry.code, signal: entry.signal, reason: entry.reason, at: entry.time, phase: this.phase });
    if (entry.msg === 'replacing worker') this.replacing++;
    if (entry.msg === 'Gongkai is serving') this.onServing(entry);
    if (entry.level >= 40) {
      const key = `${entry.level >= 50 ? 'error' : 'warn'}: ${entry.msg}`;
      const c = this.counts();
      c.notable[key] = (c.notable[key] ?? 0) + 1;
    }
  }

  close() {
    return new Promise((resolve) => this.file.end(resolve));
  }
}

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux the project runs on

/** Resident memory in MiB (VmRSS), undefined once the process is gone. */
function rssMiB(pid) {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

/** User + system CPU time in ticks, undefined once the process is gone. */
function cpuTicks(pid) {
  try {
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

function postgresPids() {
  const pids = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/comm`, 'utf8').trim() === 'postgres') pids.push(Number(name));
    } catch {
      // gone between the listing and the read
    }
  }
  return pids;
}

/** Busy and total ticks of the whole machine, from /proc/stat. */
function machineTicks() {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = values.map(Number);
  return { busy: user + nice + system + irq + softirq + steal, total: user + nice + system + idle + iowait + irq + softirq + steal };
}

/**
 * Samples every second, per phase: the largest VmRSS of the primary and each
 * worker (a replaced worker is a new row), CPU seconds of each of them, of
 * PostgreSQL's processes, of this process, and of the whole machine (the rest
 * is someone else's load on a shared machine). Every 5 s it reads /metrics on
 * fresh connections for the rate limiter's remembered clients, the database
 * pool, the longest event-loop stall and the major garbage collections.
 */
export class Sampler {
  constructor({ server, url }) {
    this.server = server;
    this.metricsUrl = new URL('/metrics', url);
    this.phase = 'start';
    this.phases = {};
    this.last = new Map(); // pid → ticks at the last sample
    this.machine = machineTicks();
    this.gc = { major: 0, over100ms: 0, over1s: 0 };
    this.timer = setInterval(() => this.sample(), 1000);
    this.metricsTimer = setInterval(() => this.scrape(), 5000);
  }

  data() {
    return (this.phases[this.phase] ??= { rss: {}, cpuByProcess: {}, cpu: { server: 0, postgres: 0, bench: 0, machine: 0, machineTotal: 0 }, metrics: { rateLimitClients: 0, poolPending: 0, poolUsed: 0, eventLoopLagMaxMs: 0 }, samples: 0 });
  }

  /** Starts a new phase: what follows is counted under `name`. */
  setPhase(name) {
    this.sample();
    this.phase = name;
    this.server.log.phase = name;
  }

  processes() {
    const list = [{ pid: this.server.pid, name: 'primary' }];
    for (const w of this.server.log.workers) list.push({ pid: w.pid, name: `worker ${w.id} (pid ${w.pid})` });
    return list;
  }

  /** CPU ticks of `pid` since its last sample (all of them the first time it is seen). */
  delta(pid) {
    const now = cpuTicks(pid);
    if (now === undefined) return 0;
    const before = this.last.get(pid) ?? 0;
    this.last.set(pid, now);
    return now - before;
  }

  sample() {
    const d = this.data();
    d.samples++;
    for (const { pid, name } of this.processes()) {
      const rss = rssMiB(pid);
      if (rss !== undefined) d.rss[name] = Math.max(d.rss[name] ?? 0, rss);
      const cpu = this.delta(pid) / TICKS_PER_SECOND;
      d.cpu.server += cpu;
      d.cpuByProcess[name] = (d.cpuByProcess[name] ?? 0) + cpu;
    }
    for (const pid of postgresPids()) d.cpu.postgres += this.delta(pid) / TICKS_PER_SECOND;
    // This process only: the clients' and attackers' children report their own CPU time when they end.
    d.cpu.bench += this.delta(process.pid) / TICKS_PER_SECOND;
    const machine = machineTicks();
    d.cpu.machine += (machine.busy - this.machine.busy) / TICKS_PER_SECOND;
    d.cpu.machineTotal += (machine.total - this.machine.total) / TICKS_PER_SECOND;
    this.machine = machine;
  }

  async scrape() {
    const d = this.data();
    for (let i = 0; i < 2; i++) {
      const text = await getText(this.metricsUrl).catch(() => '');
      const gauge = (name) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
      d.metrics.rateLimitClients = Math.max(d.metrics.rateLimitClients, gauge('gongkai_rate_limit_clients'));
      d.metrics.poolPending = Math.max(d.metrics.poolPending, gauge('gongkai_db_pool_pending_acquires'));
      d.metrics.poolUsed = Math.max(d.metrics.poolUsed, gauge('gongkai_db_pool_used'));
      // The longest the answering worker's event loop was held since its previous scrape (prom-client resets it).
      d.metrics.eventLoopLagMaxMs = Math.max(d.metrics.eventLoopLagMaxMs, gauge('nodejs_eventloop_lag_max_seconds') * 1000);
      // Major garbage collections so far (every worker's, where the server gathers its workers' metrics into one scrape).
      const bucket = (le) => Number(new RegExp(`^nodejs_gc_duration_seconds_bucket\\{le="${le}",kind="major"\\} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
      const all = bucket('\\+Inf');
      if (all >= this.gc.major) this.gc = { major: all, over100ms: all - bucket('0.1'), over1s: all - bucket('1') };
    }
  }

  stop() {
    this.sample();
    clearInterval(this.timer);
    clearInterval(this.metricsTimer);
  }
}

/** A GET on a connection of its own (cluster hands each new connection to the next worker). */
function getText(url) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, timeout: 5000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve(text));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}
