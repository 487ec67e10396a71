import { randomUUID } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { SingleBar, Presets } from 'cli-progress';
import { isInputObjectType, type GraphQLInputObjectType } from 'graphql';
import { authenticate } from '../resolvers/access/tokens.js';
import { Role } from '../kernel/viewer.js';
import { ConfigError } from '../config.js';
import { openDatabase, type Database } from '../db/database.js';
import { pendingMigrations } from '../db/migrate.js';
import { importRows, type RowIssue } from '../resolvers/hub/import/import-records.js';
import { formatOfFileName, ImportFormat, readRows, RECORD_INPUT_TYPE } from '../resolvers/hub/import/rows.js';
import { composeRecordInputSchema } from '../schema/record-input-schema.js';
import type { CommandContext } from './run.js';

export interface ImportOptions {
  format?: string;
  token?: string;
}

/** Problems printed; the rest are counted, so a file with a systematic mistake does not flood the terminal. */
const PRINTED_ISSUES = 100;

/** Checks the options and the file before the database is touched. */
function parseImportOptions(path: string, opts: ImportOptions, env = process.env): { format: ImportFormat; token: string; size: number } {
  const named = opts.format?.toUpperCase();
  if (named !== undefined && named !== ImportFormat.CSV && named !== ImportFormat.NDJSON) {
    throw new ConfigError(`--format must be ndjson or csv, got "${opts.format}"`);
  }
  const format = (named as ImportFormat | undefined) ?? formatOfFileName(path);
  if (!format) throw new ConfigError(`${path}: cannot tell the format from the name (.ndjson, .jsonl or .csv); give --format ndjson|csv`);
  const token = opts.token ?? env.GONGKAI_TOKEN;
  if (!token) throw new ConfigError("a PUBLISHER token is needed: --token SECRET or GONGKAI_TOKEN (the department's token, `gongkai token create`)");
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new ConfigError(`${path}: not a file`);
    size = stat.size;
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(`${path}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  return { format, token, size };
}

export async function importCommand({ config, logger }: CommandContext, path: string, opts: ImportOptions): Promise<void> {
  const file = parseImportOptions(path, opts);
  const db = await openDatabase(config, logger);
  try {
    const pending = await pendingMigrations(db.orm);
    if (pending.length) throw new ConfigError(`${pending.length} migration(s) pending: run \`gongkai migrate\` first`);
    const ok = await importFile(db, path, file, { out: process.stdout, err: process.stderr });
    if (!ok) process.exitCode = 1;
  } finally {
    await db.close();
  }
}

interface ImportStreams {
  out: NodeJS.WritableStream & { isTTY?: boolean };
  err: NodeJS.WritableStream;
}

/**
 * Imports one checked file into an open database as the token's department:
 * prints the summary (true), or every problem (false; nothing written).
 */
export async function importFile(
  db: Database,
  path: string,
  { format, token, size }: { format: ImportFormat; token: string; size: number },
  streams: ImportStreams,
): Promise<boolean> {
  const started = process.hrtime.bigint();
  const em = db.orm.em.fork();
  let viewer;
  try {
    viewer = await authenticate(em, `Bearer ${token}`);
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  if (viewer.role !== Role.PUBLISHER) throw new ConfigError(`a ${viewer.role} token cannot import: records are published by a department's PUBLISHER token`);
  const recordType = await recordInputType();
  const progress = progressFor(streams.out, size);
  const bytes = { read: 0 };
  let outcome;
  try {
    outcome = await importRows(em, viewer, `import-${randomUUID()}`, readRows(format, readText(path, bytes), recordType), {
      oneCategory: format === ImportFormat.CSV,
      onRows: (rows) => progress.update(bytes.read, rows),
    });
  } finally {
    progress.stop();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (!outcome.ok) {
    printIssues(streams.err, outcome.issues, outcome.rows, path);
    return false;
  }
  const { rows, created, revised, unchanged } = outcome.counts;
  streams.out.write(
    `${path}: ${rows} row(s) imported for ${viewer.departmentCode}: ${created} created, ${revised} revised, ${unchanged} unchanged ` +
      `(${seconds.toFixed(1)} s, ${Math.round(rows / seconds)} rows/s)\n`,
  );
  return true;
}

/** The record input type, built from the classes the served schema builds it from, so the CLI converts CSV cells exactly as the mutation does. */
async function recordInputType(): Promise<GraphQLInputObjectType> {
  // Validation coerces rows against the same schema (built once).
  const schema = await composeRecordInputSchema();
  const type = schema.getType(RECORD_INPUT_TYPE);
  if (!isInputObjectType(type)) throw new Error(`the schema has no input type ${RECORD_INPUT_TYPE}`);
  return type;
}

/** The file as text, decoded as it streams (a character split across chunks stays whole), counting bytes for the progress bar. */
async function* readText(path: string, bytes: { read: number }): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes.read += chunk.length;
      yield decoder.decode(chunk, { stream: true });
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch (err) {
    if (err instanceof TypeError) throw new ConfigError(`${path}: not UTF-8 text (near byte ${bytes.read}); save the file as UTF-8`);
    throw err;
  }
}

interface Progress {
  update(bytes: number, rows: number): void;
  stop(): void;
}

/** A bar on a terminal only: a redirected or piped run prints nothing until its summary. */
function progressFor(out: ImportStreams['out'], totalBytes: number): Progress {
  if (!out.isTTY) return { update() {}, stop() {} };
  const bar = new SingleBar(
    { format: ' {bar} {percentage}% | {rows} rows | {eta_formatted} left', hideCursor: true, stream: out as NodeJS.WriteStream },
    Presets.shades_classic,
  );
  bar.start(Math.max(totalBytes, 1), 0, { rows: 0 });
  return {
    update: (bytes, rows) => bar.update(bytes, { rows }),
    stop: () => bar.stop(),
  };
}

/** Every problem, one a line (row, field path, code, message), up to PRINTED_ISSUES, and how many more. */
export function printIssues(out: NodeJS.WritableStream, issues: readonly RowIssue[], rows: number, path: string): void {
  const badRows = new Set(issues.map((i) => i.row)).size;
  out.write(`${path}: ${issues.length} problem(s) in ${badRows} of ${rows} row(s); nothing was written\n`);
  for (const issue of issues.slice(0, PRINTED_ISSUES)) {
    out.write(`  row ${issue.row}  ${issue.path || '-'}  ${issue.code}  ${issue.message}\n`);
  }
  if (issues.length > PRINTED_ISSUES) out.write(`  … and ${issues.length - PRINTED_ISSUES} more problem(s)\n`);
}
