import { createHash } from 'node:crypto';
import type { EntityMetadata, EntityProperty } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import type { Viewer } from '../access/viewer.js';
import { auditInsertSql, type AuditWrite } from '../audit/audit-log.js';
import { readCalendar } from '../calendar/calendar-store.js';
import { readTimeLimitRules } from '../calendar/time-limit-store.js';
import { deadlineOf, type TimeLimitRules } from '../domain/time-limits.js';
import type { WorkingDayCalendar } from '../domain/working-days.js';
import { findCategory, type CategoryDefinition } from '../entities/disclosure/category-registry.js';
import { Exemption } from '../entities/disclosure/enums.js';
import { executeBound } from '../schema/bound-sql.js';
import { BadUserInputError } from '../schema/errors.js';
import type { RecordInput, WriteResult } from './index.js';

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

export class ConflictError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'CONFLICT' } });
  }
}

/** One revision to write: the record, the version it revises, why. */
export interface RevisionWrite {
  id: number;
  expectedVersion: number;
  reason: string;
  record: RecordInput;
}

/** What a record's content is, independent of key order: equal inputs, equal hashes (re-importing changes nothing). */
export function contentHash(record: RecordInput): string {
  let hash = hashes.get(record);
  if (hash === undefined) {
    const { externalId: _ignored, ...content } = record;
    hash = createHash('sha256').update(stableJson(content)).digest('hex');
    hashes.set(record, hash);
  }
  return hash;
}

/** Hashes by record object: a validated record is not changed afterwards, and a write asks twice (unchanged? stored hash). */
const hashes = new WeakMap<RecordInput, string>();

/** JSON with object keys sorted and undefined members left out; one pass, no intermediate arrays (it runs on every imported row). */
function stableJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + stableJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${stableJson(v)}`;
    first = false;
  }
  return `${out}}`;
}

interface Timing {
  calendar: WorkingDayCalendar;
  rules: TimeLimitRules;
  /** Deadlines already worked out, by the rule's length and the clock start (many records share both). */
  deadlines: Map<string, { date: string; provisional: boolean }>;
}

async function timingOf(tx: EntityManager): Promise<Timing> {
  // The calendar as this transaction sees it, not the process's copy (up to a minute old):
  // a year imported by another process just now must count, or the deadline stays provisional.
  return { calendar: await readCalendar(tx), rules: await readTimeLimitRules(tx), deadlines: new Map() };
}

function deadlineFor(timing: Timing, record: RecordInput): { date: string; provisional: boolean } {
  const rule = timing.rules.ruleOrDefault(record.domain, record.category, record.regionCode, record.formedOn);
  // deadlineOf depends on the rule's length and unit only.
  const key = `${rule.unit}:${rule.amount}:${record.formedOn}`;
  let found = timing.deadlines.get(key);
  if (!found) {
    const { date, provisional } = deadlineOf(timing.calendar, rule, record.formedOn);
    timing.deadlines.set(key, (found = { date, provisional }));
  }
  return found;
}

function categoryOf(record: RecordInput): CategoryDefinition {
  const category = findCategory(record.domain, record.category);
  if (!category) throw new BadUserInputError(`${record.domain} has no category ${record.category}`, 'category');
  return category;
}

/** The hub row's columns for a record: status and the deadline follow from its dates (the clock starts on formedOn). */
function hubRow(record: RecordInput, id: number, publisherCode: string, version: number, timing: Timing) {
  const { date, provisional } = deadlineFor(timing, record);
  const published = record.publishedOn && record.exemption === Exemption.NONE ? record.publishedOn : null;
  return {
    id,
    domain: record.domain,
    category: record.category,
    title: record.title,
    region_code: record.regionCode,
    publisher_code: publisherCode,
    amount: record.amount ?? null,
    formed_on: record.formedOn,
    published_on: published,
    deadline: date,
    deadline_provisional: provisional,
    project_code: record.projectCode ?? null,
    status: published ? 'PUBLISHED' : 'PENDING',
    exemption: record.exemption ?? Exemption.NONE,
    exemption_basis: record.exemptionBasis ?? null,
    version,
    external_id: record.externalId ?? null,
    content_hash: contentHash(record),
  };
}

const HUB_COLUMNS = [
  'id', 'domain', 'category', 'title', 'region_code', 'publisher_code', 'amount', 'formed_on', 'published_on', 'deadline',
  'deadline_provisional', 'project_code', 'status', 'exemption', 'exemption_basis', 'version', 'external_id', 'content_hash',
];

interface Statement {
  table: string;
  /** The statement's text and parameters ($1 …), built when its turn comes. */
  build: () => { sql: string; params: unknown[] };
}

/**
 * A batch's inserts (hub rows, details, parties, publications, audit entries), each table's rows one bound JSON
 * parameter, in two statements: the hub rows alone, then everything else together.
 */
class Inserts {
  private readonly statements: Statement[] = [];

  /** Rows into `table`, any number of them. */
  rows(table: string, columns: readonly string[], rows: readonly Record<string, unknown>[]): this {
    if (rows.length === 0) return this;
    const cols = columns.map((c) => `"${c}"`).join(', ');
    this.statements.push({
      table,
      build: () => ({ sql: `insert into "${table}" (${cols}) select ${cols} from json_populate_recordset(null::"${table}", $1::json)`, params: [JSON.stringify(rows)] }),
    });
    return this;
  }

  audit(viewer: Viewer, requestId: string | null, writes: readonly AuditWrite[]): this {
    if (writes.length === 0) return this;
    this.statements.push({
      table: 'audit_entry',
      build: () => {
        const params: unknown[] = [];
        return { sql: auditInsertSql((value) => `$${params.push(value)}`, viewer, requestId, writes), params };
      },
    });
    return this;
  }

  /**
   * The hub rows go first and alone: every other row refers to them (foreign keys, and the party trigger reads a
   * record's visibility from its hub row), and a data-modifying WITH clause does not see the rows a sibling clause
   * inserts. The rest go in one statement of such clauses, built while the hub rows are written: one statement per
   * table was some thirty round trips per batch of an import, a database waiting on each.
   */
  async run(tx: EntityManager): Promise<void> {
    const hubFirst = this.statements[0]?.table === 'disclosure';
    const first = hubFirst ? this.statements[0]!.build() : undefined;
    const running = first ? executeBound(tx, first.sql, first.params) : Promise.resolve([]);
    // A rejection while the rest is built is awaited just below, not left unhandled.
    running.catch(() => undefined);
    const rest = (hubFirst ? this.statements.slice(1) : this.statements).map((s) => s.build());
    await running;
    if (rest.length > 0) {
      const { sql, params } = together(rest);
      await executeBound(tx, sql, params);
    }
  }
}

/** Statements as the clauses of one (`with s0 as (…), s1 as (…) select 1`), each one's placeholders renumbered after the ones before. */
function together(statements: readonly { sql: string; params: unknown[] }[]): { sql: string; params: unknown[] } {
  if (statements.length === 1) return statements[0]!;
  const params: unknown[] = [];
  const clauses = statements.map((s, i) => {
    const offset = params.length;
    params.push(...s.params);
    return `s${i} as (${s.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`)})`;
  });
  return { sql: `with ${clauses.join(',\n')}\nselect 1`, params };
}

/** Rows into `table` from one JSON array: one statement for any number of rows. */
async function insertJson(tx: EntityManager, table: string, columns: readonly string[], rows: readonly Record<string, unknown>[]): Promise<void> {
  await new Inserts().rows(table, columns, rows).run(tx);
}

type DetailsColumn = { name: string; read: (d: Record<string, unknown>, id: number) => unknown };
const detailsColumnsCache = new WeakMap<EntityMetadata, DetailsColumn[]>();

/** A details entity's columns and how to read each from the details object (embedded values are nested objects); worked out once per entity. */
function detailsColumns(meta: EntityMetadata): DetailsColumn[] {
  let columns = detailsColumnsCache.get(meta);
  if (!columns) detailsColumnsCache.set(meta, (columns = readDetailsColumns(meta)));
  return columns;
}

function readDetailsColumns(meta: EntityMetadata): DetailsColumn[] {
  const out: { name: string; read: (d: Record<string, unknown>, id: number) => unknown }[] = [];
  for (const prop of Object.values(meta.props) as EntityProperty[]) {
    if (prop.persist === false || prop.generated || prop.kind === 'embedded' || prop.kind === '1:m' || prop.kind === 'm:n') continue;
    if (prop.fieldNames.length !== 1) continue;
    if (prop.primary) {
      out.push({ name: prop.fieldNames[0]!, read: (_d, id) => id });
      continue;
    }
    const path = prop.embedded ? [prop.embedded[0], prop.embedded[1]] : [prop.name];
    out.push({
      name: prop.fieldNames[0]!,
      read: (d) => (path.length === 2 ? ((d[path[0]!] as Record<string, unknown> | null)?.[path[1]!] ?? null) : (d[path[0]!] ?? null)),
    });
  }
  return out;
}

/** A details table's row for one record (a loop, not fromEntries: no pair arrays for every column of every row). */
function detailsRow(columns: readonly DetailsColumn[], details: Record<string, unknown>, id: number): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const c of columns) row[c.name] = c.read(details, id);
  return row;
}

/** Adds the details, parties and publications of records to `inserts` (their hub rows exist, or go in the same statement). */
function addDependents(tx: EntityManager, inserts: Inserts, items: readonly { id: number; record: RecordInput }[]): Inserts {
  const byCategory = new Map<CategoryDefinition, { id: number; record: RecordInput }[]>();
  for (const item of items) {
    const category = categoryOf(item.record);
    const list = byCategory.get(category);
    if (list) list.push(item);
    else byCategory.set(category, [item]);
  }
  for (const [category, list] of byCategory) {
    const meta = tx.getMetadata().get((category.details as { name: string }).name);
    const columns = detailsColumns(meta);
    inserts.rows(meta.tableName, columns.map((c) => c.name), list.map(({ id, record }) => detailsRow(columns, record.details, id)));
  }
  inserts.rows('disclosure_party', ['disclosure_id', 'role', 'credit_code', 'domain', 'formed_on', 'rank'],
    items.flatMap(({ id, record }) => record.parties.map((p) => ({ disclosure_id: id, role: p.role, credit_code: p.creditCode, domain: record.domain, formed_on: record.formedOn, rank: p.rank ?? null }))));
  inserts.rows('disclosure_publication', ['disclosure_id', 'channel', 'published_on', 'url'],
    items.flatMap(({ id, record }) => record.publications.map((p) => ({ disclosure_id: id, channel: p.channel, published_on: p.publishedOn, url: p.url ?? null }))));
  return inserts;
}

/** The whole current version of records (envelope, details, parties, publications), as the revision snapshot keeps it. */
export async function snapshotsOf(tx: EntityManager, ids: readonly number[]): Promise<Map<number, Record<string, unknown> & { envelope: Record<string, unknown> }>> {
  const out = new Map<number, Record<string, unknown> & { envelope: Record<string, unknown> }>();
  if (ids.length === 0) return out;
  // `= any(int[])` probes the primary key per id; `in (select jsonb_array_elements_text(…))` was planned as a hash join
  // over the whole table once the table had grown within the import's transaction (its statistics still said empty).
  const rows = (await executeBound(tx,
    `select d.id, to_jsonb(d) - 'title_bigrams' - 'created_at' - 'updated_at' as envelope,
            coalesce((select jsonb_agg(jsonb_build_object('role', p.role, 'creditCode', p.credit_code, 'rank', p.rank) order by p.role, p.credit_code)
                        from disclosure_party p where p.disclosure_id = d.id), '[]') as parties,
            coalesce((select jsonb_agg(jsonb_build_object('channel', c.channel, 'publishedOn', c.published_on, 'url', c.url) order by c.id)
                        from disclosure_publication c where c.disclosure_id = d.id), '[]') as publications
       from disclosure d where d.id = any($1::int[])`,
    [ids],
  )) as { id: number; envelope: Record<string, unknown>; parties: unknown; publications: unknown }[];
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
  const params: unknown[] = [];
  const sql = [...byTable]
    .map(([table, list]) => `select disclosure_id as id, to_jsonb(t) - 'disclosure_id' as details from "${table}" t where disclosure_id = any($${params.push(list)}::int[])`)
    .join('\nunion all\n');
  for (const d of await executeBound<{ id: number; details: unknown }>(tx, sql, params)) out.get(d.id)!.details = d.details;
  return out;
}

/**
 * Creates records (hub ids drawn from the sequence first, so the order of `records` is the order of ids). With
 * `inserts`, the rows are added to it and written when the caller runs it (with the audit entries); otherwise now.
 */
export async function createRecords(tx: EntityManager, publisherCode: string, records: readonly RecordInput[], timing?: Timing, inserts?: Inserts): Promise<number[]> {
  if (records.length === 0) return [];
  const t = timing ?? (await timingOf(tx));
  // The sequence looked up once (a subquery), not once per id: pg_get_serial_sequence reads the catalog each time it is
  // called, which made drawing 5,000 ids take ten times as long.
  const drawn = executeBound<{ id: number }>(tx, `select nextval((select pg_get_serial_sequence('disclosure', 'id')::regclass))::int as id from generate_series(1, $1)`, [records.length]);
  // The hub rows (deadlines, hashes) are worked out while the ids are drawn.
  const hub = records.map((r) => hubRow(r, 0, publisherCode, 1, t));
  const ids = (await drawn).map((r) => r.id);
  hub.forEach((row, i) => (row.id = ids[i]!));
  const target = inserts ?? new Inserts();
  target.rows('disclosure', HUB_COLUMNS, hub);
  addDependents(tx, target, records.map((record, i) => ({ id: ids[i]!, record })));
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
  const tables = new Set(revisions.map((r) => tx.getMetadata().get((categoryOf(r.record).details as { name: string }).name).tableName));
  // The replaced version's details, parties and publications go first, in one statement (data-modifying WITH clauses
  // all run): the hub update's triggers then find no party rows to bring in step only to be deleted.
  const deletes = [...tables, 'disclosure_party', 'disclosure_publication'].map((table, i) => `d${i} as (delete from "${table}" where disclosure_id = any($1::int[]))`);
  await executeBound(tx, `with ${deletes.join(', ')} select 1`, [ids]);
  const updated = (await executeBound(tx,
    `update disclosure d set title = v.title, region_code = v.region_code, amount = v.amount, formed_on = v.formed_on,
            published_on = v.published_on, deadline = v.deadline, deadline_provisional = v.deadline_provisional,
            project_code = v.project_code, status = v.status, exemption = v.exemption, exemption_basis = v.exemption_basis,
            external_id = v.external_id, content_hash = v.content_hash, version = d.version + 1, updated_at = now()
       from jsonb_populate_recordset(null::disclosure, $1::jsonb) v
      where d.id = v.id and d.version = v.version and d.publisher_code = $2 and d.status <> 'RETRACTED'
      returning d.id`,
    [JSON.stringify(rows), publisherCode],
  )) as { id: number }[];
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
  await addDependents(tx, new Inserts(), revisions).run(tx);
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

/**
 * Write validated records (new ones, and revisions where externalId already exists for that publisher with different
 * content; unchanged ones skipped), in the caller's transaction, with audit entries; bulk SQL (one statement per table,
 * not one per row).
 */
export async function writeRecords(
  tx: EntityManager,
  viewer: Viewer,
  requestId: string | null,
  records: RecordInput[],
  options: WriteOptions = {},
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
    const found = executeBound<Stored>(tx, `select id, version, content_hash, external_id from disclosure where publisher_code = $1 and external_id = any($2::text[])`, [publisherCode, externalIds]);
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
      for (const row of await executeBound<Stored>(tx, `select id, version, content_hash, external_id from disclosure where id = any($1::int[]) order by id for update`, [stale])) {
        existing.set(row.external_id, row);
      }
    }
  }
  const timing = await (options.session ? (options.session.timing ??= timingOf(tx)) : timingOf(tx));
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
    ...creates.map((c, i) => ({ action: 'publishDisclosure', entity: 'Disclosure', entityKey: String(created[i]), before: null, after: auditAfter(created[i]!, c.record, 1) })),
    ...revisions.map((r) => ({ action: 'reviseDisclosure', entity: 'Disclosure', entityKey: String(r.id), before: before.get(r.id) ?? null, after: { ...auditAfter(r.id, r.record, r.expectedVersion + 1), reason: r.reason } })),
  ];
  await inserts.audit(viewer, requestId, audit).run(tx);
  return { created: creates.length, revised: revisions.length, unchanged, ids };
}
