import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';
import { portFree } from '../app.js';
import { ConfigError, type Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import type { Logger } from '../logger.js';
import { loadDemoIfEmpty } from '../seeders/demo.js';
import { LinkServer } from '../server/cluster-link.js';

/**
 * `gongkai serve --workers N`: a primary process that opens neither the database
 * nor a server, and N workers that each serve as one `gongkai serve` would,
 * sharing the port (node:cluster hands each connection to a worker in turn).
 * A worker that dies is replaced while the others go on serving.
 */

/** What a worker tells the primary (over the cluster's IPC channel). */
export type WorkerMessage =
  | { gongkai: 'serving'; url: string; database: string }
  | { gongkai: 'failed'; reason: string };
/** What the primary tells a worker. */
export const STOP = { gongkai: 'stop' } as const;

const MAX_WORKERS = 256;

/**
 * How many workers: --workers (or GONGKAI_WORKERS), else the number of cores on
 * PostgreSQL. The embedded database is one process's (PGlite cannot be opened
 * twice, and runs one statement at a time, so more workers would add no
 * throughput): there it is one, and more is refused.
 */
export function workerCount(config: Pick<Config, 'databaseUrl'>, given: string | undefined): number {
  const value = given?.trim();
  if (value === undefined || value === '') return config.databaseUrl ? os.availableParallelism() : 1;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_WORKERS) {
    throw new ConfigError(`--workers (or GONGKAI_WORKERS) must be a whole number from 1 to ${MAX_WORKERS}, got "${value}"`);
  }
  const count = Number(value);
  if (count > 1 && !config.databaseUrl) {
    throw new ConfigError(`--workers ${count} needs DATABASE_URL: the embedded database belongs to one process (serve it with --workers 1)`);
  }
  return count;
}

/** Each worker's heap, unless the user set one: N workers of V8's default (up to 4 GiB each) could swap the machine. */
const WORKER_HEAP_MB = 512;

function workerExecArgv(execArgv: readonly string[], nodeOptions: string | undefined): string[] {
  const set = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].some((arg) => arg.startsWith('--max-old-space-size'));
  return set ? [...execArgv] : [...execArgv, `--max-old-space-size=${WORKER_HEAP_MB}`];
}

/** A worker that dies this soon after it started serving (or before) died "at start". */
const EARLY_MS = 5_000;
/** Deaths at start are counted over this window; as many as there are workers, and the primary gives up. */
const GIVE_UP_WINDOW_MS = 60_000;
/** Stopping workers get their drain (10 s in app.close) and this much more, then are killed. */
const STOP_GRACE_MS = 15_000;

interface Tracked {
  worker: Worker;
  forkedAt: number;
  servingSince?: number;
  reason?: string;
}

export async function runPrimary(
  config: Config,
  logger: Logger,
  opts: { workers: number; migrate?: boolean; demo?: boolean; onServing(url: string): void },
): Promise<void> {
  // A taken port is known before migrating, which can take minutes.
  if (config.port !== 0) await portFree(config.port, config.host);
  if (opts.migrate || opts.demo) {
    // Once, here, before any worker serves: N workers migrating at once would race.
    const database = await openDatabase(config, logger);
    try {
      if (opts.migrate) {
        const applied = await migrate(database.orm);
        if (applied.length) logger.info({ applied }, 'applied migrations');
      }
      if (opts.demo) await loadDemoIfEmpty(database.orm, logger);
    } finally {
      await database.close();
    }
  }

  cluster.setupPrimary({ execArgv: workerExecArgv(process.execArgv, process.env.NODE_OPTIONS) });
  const tracked = new Map<number, Tracked>();
  // Rate limits and metrics across the workers (server/cluster-link.ts).
  const link = new LinkServer(config, () => tracked.size);
  const earlyDeaths: number[] = [];
  let announced = false;
  let stopping = false;
  let giveUpReason: string | undefined;

  const fork = () => {
    const worker = cluster.fork();
    tracked.set(worker.id, { worker, forkedAt: Date.now() });
    logger.info({ worker: worker.id, pid: worker.process.pid }, 'worker started');
    worker.on('message', (message: WorkerMessage) => {
      if (link.handle(worker, message)) return;
      const entry = tracked.get(worker.id);
      if (!entry || typeof message !== 'object' || message === null) return;
      if (message.gongkai === 'failed') entry.reason = message.reason;
      if (message.gongkai !== 'serving') return;
      entry.servingSince = Date.now();
      logger.info({ worker: worker.id, pid: worker.process.pid }, 'worker serving');
      const serving = [...tracked.values()].filter((t) => t.servingSince !== undefined).length;
      if (!announced && serving >= opts.workers) {
        announced = true;
        logger.info({ url: message.url, database: message.database, workers: opts.workers }, 'Gongkai is serving');
        opts.onServing(message.url);
      }
    });
  };

  const stopAll = () => {
    // A worker still starting has nothing in flight: SIGTERM ends it at once.
    for (const { worker, servingSince } of tracked.values()) {
      if (servingSince !== undefined && worker.isConnected()) worker.send(STOP);
      else worker.process.kill('SIGTERM');
    }
    setTimeout(() => {
      for (const { worker } of tracked.values()) worker.process.kill('SIGKILL');
    }, STOP_GRACE_MS).unref();
  };

  const done = new Promise<void>((resolve) => {
    cluster.on('exit', (worker, code, signal) => {
      const entry = tracked.get(worker.id);
      tracked.delete(worker.id);
      if (stopping) {
        logger.info({ worker: worker.id, pid: worker.process.pid, code }, 'worker stopped');
        if (tracked.size === 0) resolve();
        return;
      }
      const now = Date.now();
      const early = !entry?.servingSince || now - entry.servingSince < EARLY_MS;
      logger.warn({ worker: worker.id, pid: worker.process.pid, code, signal, reason: entry?.reason, early }, 'worker exited');
      if (early) earlyDeaths.push(now);
      while (earlyDeaths.length && now - earlyDeaths[0]! > GIVE_UP_WINDOW_MS) earlyDeaths.shift();
      if (earlyDeaths.length >= opts.workers) {
        const last = entry?.reason ?? (signal ? `killed by ${signal}` : `exit code ${code}`);
        giveUpReason = `workers keep dying at start (${earlyDeaths.length} within a minute), so gave up; the last: ${last}`;
        logger.error({ reason: giveUpReason }, 'giving up');
        stopping = true;
        if (tracked.size === 0) resolve();
        else stopAll();
        return;
      }
      // Back-off: a worker that keeps dying at start is forked ever more slowly.
      const delay = early ? Math.min(500 * 2 ** (earlyDeaths.length - 1), 10_000) : 0;
      logger.info({ after: worker.id, delayMs: delay }, 'replacing worker');
      link.workerReplaced();
      setTimeout(() => {
        if (!stopping) fork();
      }, delay);
    });
  });

  let signalled = false;
  const stop = (signal: NodeJS.Signals) => {
    if (signalled) {
      logger.warn({ signal }, 'second signal: exiting at once');
      for (const { worker } of tracked.values()) worker.process.kill('SIGKILL');
      process.exit(1);
    }
    signalled = true;
    logger.info({ signal, workers: tracked.size }, 'shutting down: workers finish their in-flight requests');
    if (stopping) return;
    stopping = true;
    if (tracked.size === 0) return;
    stopAll();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  for (let i = 0; i < opts.workers; i++) fork();
  await done;
  process.off('SIGTERM', stop);
  process.off('SIGINT', stop);
  if (giveUpReason) throw new ConfigError(giveUpReason);
  logger.info('stopped');
}

