import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../config.js';
import { openDatabase } from '../db/database.js';
import { pendingMigrations } from '../db/migrate.js';
import { parseReportYear, YearlyReportRequestError } from '../resolvers/oversight/yearly-report/gather.js';
import { yearlyReportPage } from '../resolvers/oversight/yearly-report/page.js';
import type { CommandContext } from './run.js';

export interface ReportOptions {
  department: string;
  year: string;
  out?: string;
}

/**
 * `gongkai report --department CODE --year Y [--out FILE]`: writes the yearly
 * report page (default report-CODE-Y.html) and returns its path. An unknown
 * department or a bad year is a ConfigError: one line, exit 1.
 */
export async function reportCommand(ctx: CommandContext, opts: ReportOptions): Promise<string> {
  try {
    return await writeReport(ctx, opts);
  } catch (err) {
    throw err instanceof YearlyReportRequestError ? new ConfigError(err.message) : err;
  }
}

async function writeReport({ config, logger }: CommandContext, opts: ReportOptions): Promise<string> {
  // Checked before the database is opened: a typo in the year costs nothing.
  parseReportYear(opts.year);
  const out = path.resolve(opts.out ?? `report-${opts.department}-${opts.year}.html`);
  const db = await openDatabase(config, logger);
  try {
    const pending = await pendingMigrations(db.orm);
    if (pending.length) throw new ConfigError(`${pending.length} migration(s) pending: run \`gongkai migrate\` first`);
    const html = await yearlyReportPage(db.orm.em.fork(), opts.department, opts.year);
    await writeFile(out, html, 'utf8');
    console.log(`wrote ${out} (${Math.ceil(Buffer.byteLength(html) / 1024)} KiB)`);
    return out;
  } finally {
    await db.close();
  }
}
