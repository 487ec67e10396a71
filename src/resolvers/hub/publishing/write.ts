import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../../kernel/viewer.js';
import type { AuditWrite } from '../../audit/audit-log.js';
import { jsonArray, RawJson, withFirst } from '../../../kernel/sql/json-text.js';
import { findCategory } from '../../../entities/hub/category-registry.js';
import { run } from '../../../kernel/sql/run.js';
import { sql } from '../../../kernel/sql/sql.js';
import { BadUserInputError, ConflictError } from '../../../kernel/errors.js';
import type { RecordInput, WriteResult } from './contract.js';
import {
  contentHash,
  detailsTableOf,
  HUB_COLUMNS,
  hubRow,
  PARTY_COLUMNS,
  PUBLICATION_COLUMNS,
  serialised,
  timingOf,
  type DetailsTable,
  type Timing,
} from './record-rows.js';
import { Inserts, insertJson } from './inserts.js';

export { contentHash } from './record-rows.js';

export interface WriteOptions {
  /** The reason recorded for revisions found by externalId (变更理由). */
  revisionReason?: string;
  /**
   * Shared by the batches of one transaction (an import): the calendar, the time-limit rules and the deadlines already
   * worked out are read once, not per batch; none of them changes while records are written.
   */
  session?: WriteSession;
}

/** What several writeRecords calls in one transaction can share; start with `{}`. */
export interface WriteSession {
  timing?: Promise<Timing>;
}

/** The session's calendar and time-limit rules, read on first use. */
export function sessionTiming(tx: EntityManager, session: WriteSession): Promise<Timing> {
  return (session.timing ??= timingOf(tx));
}

/**
 * Makes a validated record's rows ahead of its write (see `serialised`): an import calls this while the batch before is
 * being written, so the write itself only puts the ids in front. Records that turn out to exist already are revised or
 * left alone, and what was made for them is not used.
 */
export function serialiseAhead(tx: EntityManager, record: RecordInput, publisherCode: string, timing: Timing): void {
  serialised(tx, record, publisherCode, timing);
}

/** One revision to write: the record, the version it revises, why. */
export interface RevisionWrite {
  id: number;
  expectedVersion: number;
  reason: string;
  record: RecordInput;
}

/**
 * Adds the details, parties and publications of records to `inserts` (their hub rows exist, or go in the same statement),
 * from their serialised rows with the ids put in front, when the statement is built.
 */
function addDependents(
  tx: EntityManager,
  inserts: Inserts,
  items: readonly { id: number; record: RecordInput }[],
  publisherCode: string,
  timing: Timing,
): Inserts {
  const rows = items.map(({ id, record }) => ({ id, rows: serialised(tx, record, publisherCode, timing) }));
  const byTable = new Map<DetailsTable, { id: number; tail: string }[]>();
  for (const { id, rows: r } of rows) {
    const list = byTable.get(r.details.table);
    if (list) list.push({ id, tail: r.details.tail });
    else byTable.set(r.details.table, [{ id, tail: r.details.tail }]);
  }
  for (const [table, list] of byTable) {
    inserts.json(table.table, [table.key, ...table.columns.map((c) => c.name)], () => jsonArray(list.map((d) => withFirst(table.key, d.id, d.tail))));
  }
  const parties = () => jsonArray(rows.flatMap(({ id, rows: r }) => r.parties.map((tail) => withFirst('disclosure_id', id, tail))));
  if (rows.some((r) => r.rows.parties.length)) inserts.json('disclosure_party', PARTY_COLUMNS, parties);
  const publications = () => jsonArray(rows.flatMap(({ id, rows: r }) => r.publications.map((tail) => withFirst('disclosure_id', id, tail))));
  if (rows.some((r) => r.rows.publications.length)) inserts.json('disclosure_publication', PUBLICATION_COLUMNS, publications);
  return inserts;
}

/** The whole current version of records (envelope, details, parties, publications), as the revision snapshot keeps it. */
export async function snapshotsOf(tx: EntityManager, ids: readonly number[]): Promise<Map<number, Record<string, unknown> & { envelope: Record<string, unknown> }>> {
  const out = new Map<number, Record<string, unknown> & { envelope: Record<string, unknown> }>();
  if (ids.length === 0) return out;
  // `= any(int[])` probes the primary key per id; `in (select jsonb_array_elements_text(…))` was planned as a hash join
  // over the whole table once the table had grown within the import's transaction (its statistics still said empty).
  const rows = await run<{ id: number; envelope: Record<string, unknown>; parties: unknown; publications: unknown }>(
    tx,
    sql`select d.id, to_jsonb(d) - 'title_bigrams' - 'created_at' - 'updated_at' as envelope,
            coalesce((select jsonb_agg(jsonb_build_object('role', p.role, 'creditCode', p.credit_code, 'rank', p.rank) order by p.role, p.credit_code)
                        from disclosure_party p where p.disclosure_id = d.id), '[]') as parties,
            coalesce((select jsonb_agg(jsonb_build_object('channel', c.channel, 'publishedOn', c.published_on, 'url', c.url) order by c.id)
                        from disclosure_publication c where c.disclosure_id = d.id), '[]') as publications
       from disclosure d where d.id = any(${ids}::int[])`,
    'generic',
  );
  const byTable = new Map<string, number[]>();
  for (const row of rows) {
    out.set(row.id, { envelope: row.envelope, parties: row.parties, publications: row.publications });
    const category = findCategory(String(row.envelope.domain), String(row.envelope.category));
    if (!category) continue;
    const table = tx.getMetadata().get((category.details as { name: string }).name).tableName;
    const list = byTable.get(table);
    if (list) list.push(row.id);
    else byTable.set(table, [row.id]);
  }
  if (byTable.size === 0) return out;
  // Every category's details in one statement (an import's batch names up to 25 categories: one round trip, not 25).
  const details = sql.join(
    [...byTable].map(([table, list]) => sql`select disclosure_id as id, to_jsonb(t) - 'disclosure_id' as details from ${sql.ident(table)} t where disclosure_id = any(${list}::int[])`),
    '\nunion all\n',
  );
  for (const d of await run<{ id: number; details: unknown }>(tx, details, 'generic')) out.get(d.id)!.details = d.details;
  return out;
}

/**
 * Creates records (hub ids drawn from the sequence first, so the order of `records` is the order of ids). With
 * `inserts`, the rows are added to it and written when the caller runs it (with the audit entries); otherwise now.
 */
async function createRecords(tx: EntityManager, publisherCode: string, records: readonly RecordInput[], timing?: Timing, inserts?: Inserts): Promise<number[]> {
  if (records.length === 0) return [];
  const t = timing ?? (await timingOf(tx));
  // The sequence looked up once (a subquery), not once per id: pg_get_serial_sequence reads the catalog each time it is
  // called, which made drawing 5,000 ids take ten times as long.
  const drawn = run<{ id: number }>(tx, sql`select nextval((select pg_get_serial_sequence('disclosure', 'id')::regclass))::int as id from generate_series(1, ${records.length})`, 'generic');
  // The rows as JSON (deadlines, hashes), unless made already (an import makes them ahead), while the ids are drawn.
  const rows = records.map((r) => serialised(tx, r, publisherCode, t));
  const ids = (await drawn).map((r) => r.id);
  const target = inserts ?? new Inserts();
  target.json('disclosure', HUB_COLUMNS, () => jsonArray(rows.map((r, i) => withFirst('id', ids[i]!, r.hub))));
  addDependents(tx, target, records.map((record, i) => ({ id: ids[i]!, record })), publisherCode, t);
  if (!inserts) await target.run(tx);
  return ids;
}

/**
 * Writes revisions: each hub row is updated only where it still has the version revised (`where id = ? and version = ?`),
 * so of two concurrent revisions of one version exactly one wins; the other gets CONFLICT and its transaction writes nothing.
 * The version replaced is kept whole in disclosure_revision; the change date (the new formedOn) restarts the clock.
 */
export async function reviseRecords(tx: EntityManager, publisherCode: string, revisions: readonly RevisionWrite[], timing?: Timing): Promise<Map<number, Record<string, unknown>>> {
  const before = await snapshotsOf(tx, revisions.map((r) => r.id));
  if (revisions.length === 0) return before;
  const t = timing ?? (await timingOf(tx));
  const rows = revisions.map((r) => {
    const old = before.get(r.id)?.envelope;
    if (!old) throw new BadUserInputError(`no record ${r.id}`, 'id');
    if (old.status === 'RETRACTED') throw new BadUserInputError(`record ${r.id} was retracted; a retracted record is not revised`, 'id');
    if (old.domain !== r.record.domain || old.category !== r.record.category) {
      throw new BadUserInputError(`a revision keeps the record's domain and category (${String(old.domain)}.${String(old.category)})`, 'input.category');
    }
    if (r.record.formedOn < String(old.formed_on)) {
      throw new BadUserInputError(`the change date (formedOn ${r.record.formedOn}) is before the current version's ${String(old.formed_on)}`, 'input.formedOn');
    }
    return hubRow({ ...r.record, externalId: r.record.externalId ?? (old.external_id as string | null) }, r.id, publisherCode, r.expectedVersion, t);
  });
  const ids = revisions.map((r) => r.id);
  const tables = new Set(revisions.map((r) => detailsTableOf(tx, r.record).table));
  // The replaced version's details, parties and publications go first, in one statement (data-modifying WITH clauses
  // all run): the hub update's triggers then find no party rows to bring in step only to be deleted.
  const idList = sql.param(ids);
  const deletes = [...tables, 'disclosure_party', 'disclosure_publication'].map(
    (table, i) => sql`${sql.raw(`d${i}`)} as (delete from ${sql.ident(table)} where disclosure_id = any(${idList}::int[]))`,
  );
  await run(tx, sql`with ${sql.join(deletes)} select 1`, 'generic');
  const updated = await run<{ id: number }>(
    tx,
    sql`update disclosure d set title = v.title, region_code = v.region_code, amount = v.amount, formed_on = v.formed_on,
            published_on = v.published_on, deadline = v.deadline, deadline_provisional = v.deadline_provisional,
            project_code = v.project_code, status = v.status, exemption = v.exemption, exemption_basis = v.exemption_basis,
            external_id = v.external_id, content_hash = v.content_hash, version = d.version + 1, updated_at = now()
       from jsonb_populate_recordset(null::disclosure, ${JSON.stringify(rows)}::jsonb) v
      where d.id = v.id and d.version = v.version and d.publisher_code = ${publisherCode} and d.status <> 'RETRACTED'
      returning d.id`,
    'generic',
  );
  if (updated.length !== rows.length) {
    const done = new Set(updated.map((u) => u.id));
    const lost = revisions.filter((r) => !done.has(r.id)).map((r) => `${r.id} (version ${r.expectedVersion})`);
    throw new ConflictError(`record ${lost.join(', ')} was changed by someone else meanwhile; read it again and revise the current version`);
  }
  await insertJson(tx, 'disclosure_revision', ['disclosure_id', 'version', 'changed_on', 'reason', 'title', 'amount', 'formed_on', 'snapshot'],
    revisions.map((r) => {
      const old = before.get(r.id)!;
      return { disclosure_id: r.id, version: r.expectedVersion, changed_on: r.record.formedOn, reason: r.reason, title: old.envelope.title, amount: old.envelope.amount, formed_on: old.envelope.formed_on, snapshot: old };
    }));
  await addDependents(tx, new Inserts(), revisions, publisherCode, t).run(tx);
  return before;
}

interface Stored {
  id: number;
  version: number;
  content_hash: string | null;
  external_id: string;
}

function auditAfter(id: number, record: RecordInput, version: number): Record<string, unknown> {
  return { id, version, ...record };
}

/** `auditAfter` of a new record (version 1), from its serialised text: the same JSON, not serialised again. */
function createdAfter(tx: EntityManager, id: number, record: RecordInput, publisherCode: string, timing: Timing): RawJson {
  return new RawJson(withFirst('id', id, `"version":1,${serialised(tx, record, publisherCode, timing).record}`));
}

/** How often a write that lost a race for an externalId is tried again (each try sees the winners committed). */
const RACE_RETRIES = 5;

/**
 * A concurrent write of the same externalId: the unique index on (publisher, externalId) made this insert wait for the
 * other transaction and, once it committed, refused it (23505); or two writes took the same keys in a different order
 * (a deadlock, 40P01, this one chosen to give way).
 */
function lostRace(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; previous?: { code?: string; constraint?: string } } | null;
  const code = e?.code ?? e?.previous?.code;
  const constraint = e?.constraint ?? e?.previous?.constraint;
  return (code === '23505' && constraint === EXTERNAL_ID_INDEX) || code === '40P01';
}

const EXTERNAL_ID_INDEX = 'disclosure_publisher_external_id_unique';

/**
 * Write validated records (new ones, and revisions where externalId already exists for that publisher with different
 * content; unchanged ones skipped), in the caller's transaction, with audit entries; bulk SQL (one statement per table,
 * not one per row).
 *
 * Concurrent writes of the same externalIds end as if they had come one after the other: the write runs under a
 * savepoint, and one that loses the race (see lostRace) is rolled back to it and done again, finding the winner's
 * records stored: equal ones unchanged, different ones revised. No lock is taken for records not yet stored (an
 * import's 50,000 new rows would need as many), and the unique index already makes the loser wait for the winner.
 */
export async function writeRecords(
  tx: EntityManager,
  viewer: Viewer,
  requestId: string | null,
  records: RecordInput[],
  options: WriteOptions = {},
): Promise<WriteResult> {
  if (!records.some((r) => r.externalId)) return writeRecordsOnce(tx, viewer, requestId, records, options);
  for (let attempt = 1; ; attempt++) {
    await run(tx, sql`savepoint write_records`, 'generic');
    try {
      const result = await writeRecordsOnce(tx, viewer, requestId, records, options);
      await run(tx, sql`release savepoint write_records`, 'generic');
      return result;
    } catch (error) {
      if (!lostRace(error)) throw error;
      await run(tx, sql`rollback to savepoint write_records`, 'generic');
      await run(tx, sql`release savepoint write_records`, 'generic');
      if (attempt >= RACE_RETRIES) throw new ConflictError('other writes of the same externalIds kept changing them meanwhile; try again');
    }
  }
}

async function writeRecordsOnce(
  tx: EntityManager,
  viewer: Viewer,
  requestId: string | null,
  records: RecordInput[],
  options: WriteOptions,
): Promise<WriteResult> {
  const publisherCode = viewer.departmentCode;
  if (!publisherCode) throw new Error('writeRecords needs a PUBLISHER viewer (checked by the caller)');
  const externalIds = records.map((r) => r.externalId).filter((x): x is string => Boolean(x));
  if (new Set(externalIds).size !== externalIds.length) {
    const dup = externalIds.find((x, i) => externalIds.indexOf(x) !== i);
    throw new BadUserInputError(`externalId ${dup} is given twice`, 'externalId');
  }
  const existing = new Map<string, { id: number; version: number; content_hash: string | null }>();
  if (externalIds.length) {
    const found = run<Stored>(tx, sql`select id, version, content_hash, external_id from disclosure where publisher_code = ${publisherCode} and external_id = any(${externalIds}::text[])`, 'generic');
    // Every record's hash is needed either way (unchanged? stored): worked out while the query runs.
    for (const record of records) contentHash(record);
    const byExternalId = new Map(records.map((r) => [r.externalId, r]));
    const stale: number[] = [];
    for (const row of await found) {
      existing.set(row.external_id, row);
      if (row.content_hash !== contentHash(byExternalId.get(row.external_id)!)) stale.push(row.id);
    }
    // Only the records to be revised are locked (then read again), so an import running at the same time waits for
    // them instead of writing a second revision of the same version. An unchanged record is not written: locking it
    // (as every found record was) dirtied every page of a re-import's records for nothing.
    if (stale.length) {
      for (const row of await run<Stored>(tx, sql`select id, version, content_hash, external_id from disclosure where id = any(${stale}::int[]) order by id for update`, 'generic')) {
        existing.set(row.external_id, row);
      }
    }
  }
  const timing = await (options.session ? sessionTiming(tx, options.session) : timingOf(tx));
  const ids: number[] = new Array<number>(records.length);
  const creates: { index: number; record: RecordInput }[] = [];
  const revisions: (RevisionWrite & { index: number })[] = [];
  let unchanged = 0;
  records.forEach((record, index) => {
    const found = record.externalId ? existing.get(record.externalId) : undefined;
    if (!found) return creates.push({ index, record });
    ids[index] = found.id;
    if (found.content_hash === contentHash(record)) return unchanged++;
    revisions.push({ index, id: found.id, expectedVersion: found.version, reason: options.revisionReason ?? '发布方更新（按发布方编号导入的新内容）', record });
  });
  // Revisions first (their statements depend on what is stored); then the new records and every audit entry in one statement.
  const before = await reviseRecords(tx, publisherCode, revisions, timing);
  const inserts = new Inserts();
  const created = await createRecords(tx, publisherCode, creates.map((c) => c.record), timing, inserts);
  creates.forEach((c, i) => (ids[c.index] = created[i]!));
  const audit: AuditWrite[] = [
    ...creates.map((c, i) => ({ action: 'publishDisclosure', entity: 'Disclosure', entityKey: String(created[i]), before: null, after: createdAfter(tx, created[i]!, c.record, publisherCode, timing) })),
    ...revisions.map((r) => ({ action: 'reviseDisclosure', entity: 'Disclosure', entityKey: String(r.id), before: before.get(r.id) ?? null, after: { ...auditAfter(r.id, r.record, r.expectedVersion + 1), reason: r.reason } })),
  ];
  await inserts.audit(viewer, requestId, audit).run(tx);
  return { created: creates.length, revised: revisions.length, unchanged, ids };
}
