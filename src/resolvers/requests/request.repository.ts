import type { EntityManager } from '@mikro-orm/postgresql';
import { DisclosureRequest } from '../../entities/requests/disclosure-request.entity.js';
import { CursorKeys, decodeCursor, encodeCursor } from '../../kernel/connection.js';
import { sql, type Sql } from '../../kernel/sql/sql.js';
import { regionRange } from '../../kernel/region-codes.js';
import type { DisclosureRequestFilter } from './request-filter.input.js';

/** The deadline in force: the extended one where the limit was extended. */
const DUE = sql.raw('coalesce(r.extended_deadline, r.deadline)');

/** The filter as SQL conditions on `r` (the request table), every value a parameter. */
export function requestConditions(filter: DisclosureRequestFilter | null | undefined, today: string): Sql[] {
  const f = filter ?? {};
  const where: Sql[] = [];
  if (f.departmentCode) where.push(sql`r.department_code = ${f.departmentCode}`);
  if (f.regionCode) {
    // A request belongs to the region of the department it is addressed to.
    const [lo, hi] = regionRange(f.regionCode);
    where.push(sql`r.department_code in (select dep.code from department dep where dep.region_code between ${lo} and ${hi})`);
  }
  if (f.domain) where.push(sql`r.domain = ${f.domain}`);
  if (f.receivedFrom) where.push(sql`r.received_on >= ${f.receivedFrom}::date`);
  if (f.receivedTo) where.push(sql`r.received_on <= ${f.receivedTo}::date`);
  if (f.outcome) where.push(sql`r.outcome = ${f.outcome}`);
  if (f.answered != null) where.push(sql.raw(f.answered ? 'r.answered_on is not null' : 'r.answered_on is null'));
  if (f.overdue != null) {
    const overdue = sql`(r.answered_on > ${DUE} or (r.answered_on is null and ${DUE} < ${today}::date))`;
    where.push(f.overdue ? overdue : sql`not ${overdue}`);
  }
  return where;
}

export const ORDER_BY = sql.raw('r.received_on desc, r.request_id desc');

/** A request list's cursor: the row's receipt date and id (what `requestCursor` writes). */
export interface RequestCursor {
  value: string;
  id: number;
}

/** `after` decoded for list `tag`, or BAD_USER_INPUT; call it before any SQL. */
export function afterRequest(after: string | null | undefined, tag: string): RequestCursor | undefined {
  return after == null ? undefined : decodeCursor(after, tag, { value: CursorKeys.date, id: CursorKeys.serial });
}

/** The keyset condition after a cursor (newest receipt first, ties by id). */
export function keysetAfter(after: RequestCursor | undefined): Sql | undefined {
  if (!after) return undefined;
  const { value, id } = after;
  return sql`(r.received_on < ${value}::date or (r.received_on = ${value}::date and r.request_id < ${id}))`;
}

export function requestCursor(tag: string, request: DisclosureRequest): string {
  return encodeCursor(tag, request.receivedOn, request.requestId);
}

interface ColumnMap {
  sql: string;
  props: { field: string; name: string; relation: boolean }[];
}

let columnMap: ColumnMap | undefined;

/** Every column of the table (dates as text, as the schema carries them), taken from the entity so they cannot drift. */
function columns(em: EntityManager): ColumnMap {
  if (!columnMap) {
    const meta = em.getMetadata().get(DisclosureRequest.name);
    const props = Object.values(meta.props).filter((p) => p.persist !== false && p.fieldNames?.length === 1);
    columnMap = {
      sql: props
        .map((p) => (p.columnTypes[0] === 'date' ? `r."${p.fieldNames[0]}"::text as "${p.fieldNames[0]}"` : `r."${p.fieldNames[0]}"`))
        .join(', '),
      props: props.map((p) => ({ field: p.fieldNames[0]!, name: p.name, relation: p.kind === 'm:1' })),
    };
  }
  return columnMap;
}

export function requestColumns(em: EntityManager): Sql {
  return sql.raw(columns(em).sql);
}

/** Rows to read-only requests for the graph (the entity's prototype, references as `{ code }`), skipping the unit of work. */
export function toRequests(em: EntityManager, rows: Record<string, unknown>[]): DisclosureRequest[] {
  const { props } = columns(em);
  return rows.map((row) => {
    const entity = Object.create(DisclosureRequest.prototype) as Record<string, unknown>;
    for (const { field, name, relation } of props) entity[name] = relation ? { code: row[field] } : row[field];
    return entity as unknown as DisclosureRequest;
  });
}
