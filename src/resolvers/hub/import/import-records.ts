import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../../kernel/viewer.js';
import {
  contentHash,
  existingCreditCodes,
  loadValidationContext,
  serialiseAhead,
  sessionTiming,
  validateRecordInput,
  writeRecords,
  type Issue,
  type RecordInput,
  type ValidationContext,
  type WriteSession,
} from '../publishing/index.js';
import { tuneImportTransaction } from './import-transaction.js';
import type { ParsedRow } from './rows.js';

/** One problem in an import: the row (line of an NDJSON file, row of a CSV file, header = 1), the field path in it, a code and a message. */
export interface RowIssue extends Issue {
  row: number;
}

interface ImportCounts {
  /** Rows read (not counting a CSV header or blank lines). */
  rows: number;
  created: number;
  revised: number;
  unchanged: number;
}

export type ImportOutcome = { ok: true; counts: ImportCounts } | { ok: false; rows: number; issues: RowIssue[] };

/** Rows validated and written together: one statement per table, one subject lookup. */
const CHUNK = 5000;

/**
 * The first batches are smaller and grow: the database has nothing to do until the first batch is validated (with its
 * rows serialised, about 140 µs a row; writing one takes the database about 170 µs), so it starts after 1,000 rows
 * rather than 5,000, and each next batch is validated in about the time the one before takes to write.
 */
const RAMP = [1000, 2000, 3000, 4000];

/**
 * Rows validated between turns of the event loop. The batch being written needs the loop now and then: to send its
 * next statement, and to go on writing a statement's megabytes into the socket as the database reads them (at 250 rows
 * a turn the database waited some 50 ms a batch for the rest of a statement).
 */
const VALIDATE_SLICE = 20;

const REVISION_REASON = '按发布方数据更新（批量导入）';

class RollBack extends Error {}

/**
 * Stands in for the set of existing subjects while a batch is validated
 * before its subjects are looked up: every credit code counts as known, and
 * the codes asked about are noted. The lookup then needs no more than those,
 * and only rows naming a code that turns out unknown are validated again,
 * with the real set, so the issues are exactly those of a validation with it.
 */
class AssumedKnown extends Set<string> {
  readonly asked = new Set<string>();
  override has(code: string): boolean {
    this.asked.add(code);
    return true;
  }
}

/** One category per CSV file: which categories the file mixes, in which rows (the first 10 of each). */
function mixedMessage(categories: ReadonlyMap<string, number[]>): string {
  const parts = [...categories].map(([key, rows]) => `${key} in row${rows.length > 1 ? 's' : ''} ${rows.slice(0, 10).join(', ')}${rows.length > 10 ? ` and ${rows.length - 10} more` : ''}`);
  return `a CSV file holds one category; this one mixes ${categories.size}: ${parts.join('; ')} (split it into one file per category)`;
}

/** Whether a raw row names any of `codes` (a creditCode anywhere in it, as collectCreditCodes finds them). */
function namesAny(raw: unknown, codes: ReadonlySet<string>, key?: string): boolean {
  if (Array.isArray(raw)) return raw.some((v) => namesAny(v, codes));
  if (raw && typeof raw === 'object') return Object.entries(raw).some(([k, v]) => namesAny(v, codes, k));
  return key === 'creditCode' && typeof raw === 'string' && codes.has(raw.toUpperCase());
}

/**
 * Imports a file's rows as one transaction: every row is validated (all of
 * its problems, and every row's, are collected), and the file is written only
 * if none has any. Rows are written chunk by chunk as they arrive, so a large
 * file is never held whole; a problem found later rolls everything back.
 *
 * Rows name the publisher's own id (externalId): a row equal to the stored
 * record changes nothing, a changed one becomes a revision. A file naming the
 * same externalId twice is refused, as is one mixing categories in CSV (one
 * category per file).
 */
export async function importRows(
  em: EntityManager,
  viewer: Viewer,
  requestId: string | null,
  rows: AsyncIterable<ParsedRow>,
  options: { onRows?: (rowsRead: number) => void; oneCategory?: boolean; batchSize?: number } = {},
): Promise<ImportOutcome> {
  const issues: RowIssue[] = [];
  const counts: ImportCounts = { rows: 0, created: 0, revised: 0, unchanged: 0 };
  const externalIds = new Map<string, number>();
  // A CSV file's categories with their rows; a second category is one issue (kept up to date), not one per row.
  const categories = new Map<string, number[]>();
  let mixed: RowIssue | undefined;
  // Smaller batches let a test cross batch boundaries with a few rows.
  const batchSizes = options.batchSize ? [] : RAMP;
  const batchSize = options.batchSize ?? CHUNK;
  let batches = 0;
  try {
    await em.transactional(async (tx) => {
      await tuneImportTransaction(tx);
      // Regions and the publisher's rights do not change during the import: read once.
      const base = await loadValidationContext(tx, viewer, []);
      const publisherCode = viewer.departmentCode;
      // Whether to make each valid row's rows while the batch before is written (see serialiseAhead).
      let aheadOfWrite = true;
      const session: WriteSession = {};
      // The batch being written: the next one is read and validated meanwhile (CPU while the database works).
      let writing: Promise<void> = Promise.resolve();
      let writeInFlight = false;
      let batch: { row: number; input: Record<string, unknown> }[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const chunk = batch;
        batch = [];
        const assumed = new AssumedKnown();
        const optimistic: ValidationContext = { ...base, knownCreditCodes: assumed };
        const results: ReturnType<typeof validateRecordInput>[] = [];
        const timing = await sessionTiming(tx, session);
        for (let i = 0; i < chunk.length; i++) {
          const result = validateRecordInput(chunk[i]!.input, optimistic);
          // The write needs every record's content hash and its rows as JSON; made here (and kept with the
          // record) while the batch before is being written, the connection does not wait for them after.
          if (result.value && result.issues.length === 0 && issues.length === 0) {
            if (publisherCode && aheadOfWrite) serialiseAhead(tx, result.value, publisherCode, timing);
            // The content hash is needed either way (unchanged?), and is part of serialising.
            else contentHash(result.value);
          }
          results.push(result);
          // Let the batch being written go on to its next statement now and then (no need when none is).
          if (writeInFlight && i % VALIDATE_SLICE === VALIDATE_SLICE - 1) await new Promise((resolve) => setImmediate(resolve));
        }
        // The connection runs one statement at a time: the batch being written finishes first.
        await writing;
        const known = await existingCreditCodes(tx, assumed.asked);
        const unknown = new Set([...assumed.asked].filter((code) => !known.has(code)));
        const valid: RecordInput[] = [];
        chunk.forEach((r, i) => {
          const { value, issues: found } = unknown.size && namesAny(r.input, unknown) ? validateRecordInput(r.input, { ...base, knownCreditCodes: known }) : results[i]!;
          for (const issue of found) issues.push({ row: r.row, ...issue });
          for (const issue of fileIssues(r, value)) issues.push({ row: r.row, ...issue });
          if (value && found.length === 0) valid.push(value);
        });
        const rowsRead = counts.rows;
        // Once anything is wrong nothing will be kept: validate the rest, write no more.
        if (issues.length === 0) {
          writeInFlight = true;
          writing = writeRecords(tx, viewer, requestId, valid, { revisionReason: REVISION_REASON, session }).then((result) => {
            writeInFlight = false;
            // A file whose rows are mostly stored already (imported again) leaves most rows unwritten: making
            // their rows ahead would be work thrown away, so it is done while batches are mostly written.
            aheadOfWrite = (result.created + result.revised) * 2 >= valid.length;
            counts.created += result.created;
            counts.revised += result.revised;
            counts.unchanged += result.unchanged;
            options.onRows?.(rowsRead);
          });
          // Awaited later; meanwhile a failure must not count as unhandled.
          writing.catch(() => undefined);
        } else {
          options.onRows?.(rowsRead);
        }
      };
      /** What the file as a whole requires of a row: an externalId not used by an earlier row, and the file's category. */
      const fileIssues = (r: { row: number; input: Record<string, unknown> }, value: RecordInput | undefined): Issue[] => {
        const out: Issue[] = [];
        const id = r.input.externalId;
        if (id === undefined || id === null || id === '') {
          out.push({ path: 'externalId', code: 'REQUIRED', message: "an imported row needs the publisher's own id (externalId), so importing it again changes nothing" });
        } else if (typeof id === 'string') {
          const earlier = externalIds.get(id);
          if (earlier !== undefined) {
            out.push({ path: 'externalId', code: 'DUPLICATE_EXTERNAL_ID', message: `externalId "${id}" is also in row ${earlier}` });
          } else {
            externalIds.set(id, r.row);
          }
        }
        if (options.oneCategory && value) {
          const key = `${value.domain}.${value.category}`;
          const rowsOf = categories.get(key);
          if (rowsOf) rowsOf.push(r.row);
          else categories.set(key, [r.row]);
          if (categories.size > 1 && !mixed) {
            mixed = { row: r.row, path: 'category', code: 'MIXED_CATEGORIES', message: '' };
            issues.push(mixed);
          }
          if (mixed) mixed.message = mixedMessage(categories);
        }
        return out;
      };
      for await (const parsed of rows) {
        for (const issue of parsed.issues) issues.push({ row: parsed.row, ...issue });
        if (!parsed.header) counts.rows++;
        // A row with a cell that could not be read is still validated, so all its problems are reported.
        if (!parsed.input) continue;
        batch.push({ row: parsed.row, input: parsed.input });
        if (batch.length >= (batchSizes[batches] ?? batchSize)) {
          batches++;
          await flush();
        }
      }
      await flush();
      await writing;
      if (issues.length) throw new RollBack();
    });
  } catch (err) {
    if (!(err instanceof RollBack)) throw err;
  }
  if (issues.length) {
    issues.sort((a, b) => a.row - b.row);
    return { ok: false, rows: counts.rows, issues };
  }
  return { ok: true, counts };
}
