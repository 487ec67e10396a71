import { createHash } from 'node:crypto';
import type { EntityManager, EntityMetadata, EntityProperty } from '@mikro-orm/postgresql';
import { readCalendar } from '../../calendar/calendar-store.js';
import { readTimeLimitRules } from '../../calendar/time-limit-store.js';
import { objectTail } from '../../../kernel/sql/json-text.js';
import { deadlineOf, type TimeLimitRules } from '../../../kernel/time/time-limits.js';
import type { WorkingDayCalendar } from '../../../kernel/time/working-days.js';
import { findCategory, type CategoryDefinition } from '../../../entities/hub/category-registry.js';
import { Exemption } from '../../../entities/hub/enums.js';
import { BadUserInputError } from '../../../kernel/errors.js';
import type { RecordInput } from './contract.js';

/**
 * The rows a validated record becomes: its hub row (status, deadline and content hash worked out
 * from its dates and content), its details row, its party and publication rows, and the record as
 * the audit trail keeps it. The ones a new record needs are also kept as JSON text, made once per
 * record (`serialised`), so a bulk write can make them ahead of time and only splice in the id.
 */

/** What a record's content is, independent of key order: equal inputs, equal hashes (re-importing changes nothing). */
export function contentHash(record: RecordInput): string {
  return canonical(record).hash;
}

/**
 * A record's content (all but externalId) as JSON with its keys sorted, and that text's hash. The text is the hash's
 * input, and then the audit trail's copy of the record (`serialised`), so an imported record is serialised once, not
 * once for its hash and again for the audit.
 */
function canonical(record: RecordInput): { text: string; hash: string } {
  let found = canonicals.get(record);
  if (found === undefined) {
    const { externalId: _ignored, ...content } = record;
    const text = stableJson(content);
    found = { text, hash: createHash('sha256').update(text).digest('hex') };
    canonicals.set(record, found);
  }
  return found;
}

/** By record object: a validated record is not changed afterwards, and a write asks more than once (unchanged? stored hash; audit). */
const canonicals = new WeakMap<RecordInput, { text: string; hash: string }>();

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


export interface Timing {
  calendar: WorkingDayCalendar;
  rules: TimeLimitRules;
  /** Deadlines already worked out, by the rule's length and the clock start (many records share both). */
  deadlines: Map<string, { date: string; provisional: boolean }>;
}

export async function timingOf(tx: EntityManager): Promise<Timing> {
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
export function hubRow(record: RecordInput, id: number, publisherCode: string, version: number, timing: Timing) {
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

export const HUB_COLUMNS = [
  'id', 'domain', 'category', 'title', 'region_code', 'publisher_code', 'amount', 'formed_on', 'published_on', 'deadline',
  'deadline_provisional', 'project_code', 'status', 'exemption', 'exemption_basis', 'version', 'external_id', 'content_hash',
];

/** A category's details table: its name, its key column (the record's id) and how each other column is read from the details object. */
export interface DetailsTable {
  table: string;
  key: string;
  columns: { name: string; read: (details: Record<string, unknown>) => unknown }[];
}

const detailsTables = new WeakMap<EntityMetadata, DetailsTable>();

/** The details table of a record's category, worked out once per entity (embedded values are nested objects in the details). */
export function detailsTableOf(em: EntityManager, record: RecordInput): DetailsTable {
  const meta = em.getMetadata().get((categoryOf(record).details as { name: string }).name);
  let table = detailsTables.get(meta);
  if (!table) detailsTables.set(meta, (table = readDetailsTable(meta)));
  return table;
}

function readDetailsTable(meta: EntityMetadata): DetailsTable {
  const table: DetailsTable = { table: meta.tableName, key: '', columns: [] };
  for (const prop of Object.values(meta.props) as EntityProperty[]) {
    if (prop.persist === false || prop.generated || prop.kind === 'embedded' || prop.kind === '1:m' || prop.kind === 'm:n') continue;
    if (prop.fieldNames.length !== 1) continue;
    if (prop.primary) {
      table.key = prop.fieldNames[0]!;
      continue;
    }
    const path = prop.embedded ? [prop.embedded[0], prop.embedded[1]] : [prop.name];
    table.columns.push({
      name: prop.fieldNames[0]!,
      read: (d) => (path.length === 2 ? ((d[path[0]!] as Record<string, unknown> | null)?.[path[1]!] ?? null) : (d[path[0]!] ?? null)),
    });
  }
  if (!table.key) throw new Error(`${meta.className} has no single-column key`);
  return table;
}

/** A details row without its key (a loop, not fromEntries: no pair arrays for every column of every row). */
function detailsRow(table: DetailsTable, details: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const c of table.columns) row[c.name] = c.read(details);
  return row;
}

/**
 * A party row carries its record's visibility (publisher, public-from), which the database would otherwise look up row
 * by row; it checks what is given against the hub row, a statement at a time (Migration20261128113000).
 */
export const PARTY_COLUMNS = ['disclosure_id', 'role', 'credit_code', 'domain', 'formed_on', 'rank', 'publisher_code', 'public_from'];
export const PUBLICATION_COLUMNS = ['disclosure_id', 'channel', 'published_on', 'url'];

/**
 * A record's rows as JSON object tails (`objectTail`: the text after the opening brace), waiting
 * for the id in front (`withFirst`). `hub` is a new record's hub row (version 1) for the
 * publisher and timing it was made with; `record` is the record as the audit trail's `after`
 * holds it, after the id and version (its keys in the order of the content hash's text).
 */
export interface SerialisedRows {
  publisherCode: string;
  timing: Timing;
  hub: string;
  details: { table: DetailsTable; tail: string };
  parties: string[];
  publications: string[];
  record: string;
}

const serialisedRows = new WeakMap<RecordInput, SerialisedRows>();

/**
 * A record's rows as JSON text, made once per record, publisher and timing: an import makes them
 * while the batch before is being written, and the write then only puts the ids in front. A
 * validated record is not changed afterwards (as for contentHash).
 */
export function serialised(em: EntityManager, record: RecordInput, publisherCode: string, timing: Timing): SerialisedRows {
  const found = serialisedRows.get(record);
  if (found && found.publisherCode === publisherCode && found.timing === timing) return found;
  const { id: _id, ...hub } = hubRow(record, 0, publisherCode, 1, timing);
  const table = detailsTableOf(em, record);
  const rows: SerialisedRows = {
    publisherCode,
    timing,
    hub: objectTail(hub),
    details: { table, tail: objectTail(detailsRow(table, record.details)) },
    parties: record.parties.map((p) =>
      objectTail({
        role: p.role,
        credit_code: p.creditCode,
        domain: record.domain,
        formed_on: record.formedOn,
        rank: p.rank ?? null,
        publisher_code: publisherCode,
        // Public from the publication date, unless exempt: the hub row's published_on is null then.
        public_from: hub.published_on,
      }),
    ),
    publications: record.publications.map((p) => objectTail({ channel: p.channel, published_on: p.publishedOn, url: p.url ?? null })),
    // `{ id, version, ...record }` as the audit keeps it, from the canonical text: externalId, then the content by key.
    record: `${record.externalId === undefined ? '' : `"externalId":${JSON.stringify(record.externalId)},`}${canonical(record).text.slice(1)}`,
  };
  serialisedRows.set(record, rows);
  return rows;
}
