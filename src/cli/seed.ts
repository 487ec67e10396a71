import { SingleBar, Presets } from 'cli-progress';
import { ConfigError } from '../config.js';
import { openDatabase } from '../db/database.js';
import { pendingMigrations } from '../db/migrate.js';
import { todayInChina } from '../kernel/time/china-date.js';
import { seedDatabase, type ProgressReporter, type SeedSummary } from '../generator/seed.js';
import { HISTORY_START } from '../generator/records.js';
import { isCalendarDate } from '../kernel/scalars/date.js';
import { loadReferenceData } from '../seeders/reference-data.js';
import type { CommandContext } from './run.js';

export interface SeedOptions {
  scale?: string;
  seed?: string;
  until?: string;
}

const MAX_SCALE = 20_000_000;

/** Checks the options before anything touches the database: bad input changes nothing. */
export function parseSeedOptions(opts: SeedOptions): { scale: number; seed: string; until: string } | undefined {
  if (opts.scale === undefined) {
    if (opts.seed !== undefined || opts.until !== undefined) throw new ConfigError('--seed and --until need --scale');
    return undefined;
  }
  if (!/^\d+$/.test(opts.scale) || Number(opts.scale) < 1 || Number(opts.scale) > MAX_SCALE) {
    throw new ConfigError(`--scale must be a whole number from 1 to ${MAX_SCALE}, got "${opts.scale}"`);
  }
  const until = opts.until ?? todayInChina();
  if (!isCalendarDate(until) || until < '2018-04-01' || until > todayInChina()) {
    throw new ConfigError(`--until must be a date (YYYY-MM-DD) from 2018-04-01 to today, got "${opts.until}"`);
  }
  const seed = opts.seed ?? '1';
  if (seed.length === 0 || seed.length > 100) throw new ConfigError('--seed must be 1 to 100 characters');
  return { scale: Number(opts.scale), seed, until };
}

export async function seedCommand({ config, logger }: CommandContext, opts: SeedOptions): Promise<void> {
  const plan = parseSeedOptions(opts);
  const db = await openDatabase(config, logger);
  try {
    const pending = await pendingMigrations(db.orm);
    if (pending.length) throw new ConfigError(`${pending.length} migration(s) pending: run \`gongkai migrate\` first`);
    const reference = await loadReferenceData(db.orm.em.fork());
    console.log(`reference data: ${Object.entries(reference).map(([t, n]) => `${t} ${n}`).join(', ')}`);
    if (!plan) return;
    console.log(`generating ${plan.scale} disclosures (seed ${plan.seed}, ${HISTORY_START} to ${plan.until}) into ${db.description}`);
    const summary = await withProgress((progress) => seedDatabase(db.orm, plan, progress));
    printSummary(summary);
  } finally {
    await db.close();
  }
}

/** A bar on a terminal; plain lines every tenth otherwise, so logs stay readable. */
async function withProgress<T>(work: (progress: ProgressReporter) => Promise<T>): Promise<T> {
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      { format: ' {bar} {percentage}% | {value}/{total} disclosures | {eta_formatted} left', hideCursor: true },
      Presets.shades_classic,
    );
    let started = false;
    try {
      return await work((done, total) => {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      });
    } finally {
      bar.stop();
    }
  }
  let lastTenth = -1;
  return work((done, total) => {
    const tenth = Math.floor((done / total) * 10);
    if (tenth !== lastTenth) {
      lastTenth = tenth;
      console.log(`  ${done}/${total} disclosures`);
    }
  });
}

function printSummary(summary: SeedSummary): void {
  const width = Math.max(...Object.keys(summary.rows).map((t) => t.length));
  console.log(`\ndisclosures ${summary.firstId}–${summary.lastId}, seed ${summary.seed}, until ${summary.until}`);
  for (const [table, rows] of Object.entries(summary.rows).filter(([, n]) => n > 0)) {
    console.log(`  ${table.padEnd(width)}  ${String(rows).padStart(9)}`);
  }
  const total = Object.values(summary.rows).reduce((a, b) => a + b, 0);
  console.log(`  ${'total'.padEnd(width)}  ${String(total).padStart(9)} rows in ${summary.seconds.toFixed(1)} s (${Math.round(summary.rowsPerSecond)} rows/s)`);
  console.log(`  peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
}
