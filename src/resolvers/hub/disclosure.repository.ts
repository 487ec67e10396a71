import { regionRange } from '../../kernel/region-codes.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../kernel/viewer.js';
import { visibilityCondition } from '../access/visibility.js';
import { Disclosure } from '../../entities/hub/disclosure.entity.js';
import { CursorKeys, decodeCursor, encodeCursor, type CursorKey } from '../../kernel/connection.js';
import { lightMapping } from '../../kernel/sql/light-rows.js';
import { sql, type Sql } from '../../kernel/sql/sql.js';
import { DisclosureOrderField, OrderDirection, type DisclosureFilter } from './disclosure-filter.input.js';

export interface Ordering {
  field: DisclosureOrderField;
  direction: OrderDirection;
}

export const DEFAULT_ORDER: Ordering = { field: DisclosureOrderField.FORMED_ON, direction: OrderDirection.DESC };

/** Each ordering's column; `key`: the kind of its value as `keyExpression` writes it into a cursor (as text). */
const ORDER_COLUMNS: Record<
  DisclosureOrderField,
  { column: string; property: string; cast: string; nullable: boolean; key: CursorKey<string> }
> = {
  FORMED_ON: { column: 'formed_on', property: 'formedOn', cast: 'date', nullable: false, key: CursorKeys.date },
  PUBLISHED_ON: { column: 'published_on', property: 'publishedOn', cast: 'date', nullable: true, key: CursorKeys.date },
  AMOUNT: { column: 'amount', property: 'amount', cast: 'numeric', nullable: true, key: CursorKeys.decimal(18, 2) },
};

/** The record property an ordering sorts by. */
export function orderProperty(field: DisclosureOrderField): string {
  return ORDER_COLUMNS[field].property;
}

/**
 * The records a viewer may read that match the filter, as SQL conditions on
 * `d` (the disclosure table), every value a parameter: the filter's own
 * conditions, then who may see what (access/visibility.ts). Every list and
 * count goes through here, so no filter, search or count reveals a record the
 * viewer may not see.
 */
export function filterConditions(filter: DisclosureFilter | null | undefined, viewer: Viewer, today: string): Sql[] {
  const where = userFilterConditions(filter, today);
  const visible = visibilityCondition(viewer, today);
  if (visible) where.push(visible);
  return where;
}

/** The filter alone, without the viewer's visibility: only for deciding a query plan, never to select rows by itself. */
export function userFilterConditions(filter: DisclosureFilter | null | undefined, today: string): Sql[] {
  const f = filter ?? {};
  const where: Sql[] = [];
  if (f.domains?.length) where.push(sql`d.domain in (${sql.list(f.domains)})`);
  if (f.categories?.length) where.push(sql`d.category in (${sql.list(f.categories)})`);
  if (f.regionCode) {
    const [lo, hi] = regionRange(f.regionCode);
    where.push(sql`d.region_code between ${lo} and ${hi}`);
  }
  if (f.publisherCode) where.push(sql`d.publisher_code = ${f.publisherCode}`);
  if (f.creditCode) {
    const role = f.role ? sql` and p.role = ${f.role}` : sql.empty;
    where.push(sql`exists (select 1 from disclosure_party p where p.disclosure_id = d.id and p.credit_code = ${f.creditCode}${role})`);
  }
  if (f.formedFrom) where.push(sql`d.formed_on >= ${f.formedFrom}::date`);
  if (f.formedTo) where.push(sql`d.formed_on <= ${f.formedTo}::date`);
  if (f.publishedFrom) where.push(sql`d.published_on >= ${f.publishedFrom}::date`);
  if (f.publishedTo) where.push(sql`d.published_on <= ${f.publishedTo}::date`);
  if (f.amountMin) where.push(sql`d.amount >= ${f.amountMin}::numeric`);
  if (f.amountMax) where.push(sql`d.amount <= ${f.amountMax}::numeric`);
  if (f.text) {
    // The GIN index on the title's character bigrams narrows the rows; strpos confirms
    // the term really occurs (bigrams alone would also match them in another order).
    // A term without cased letters (Chinese, digits) occurs in the title exactly where it occurs in the lower-cased
    // title, so the title is searched as it is: lower() is about 2 µs a title, and a common term at a million records
    // confirms nearly a thousand of them (a fifth of the search's time).
    const term = f.text.trim().toLowerCase();
    const title = sql.raw(term === term.toUpperCase() ? 'd.title' : 'lower(d.title)');
    where.push(sql`d.title_bigrams @> gk_bigrams(${term}) and strpos(${title}, ${term}) > 0`);
  }
  if (f.overdue != null) {
    const overdue = sql`(d.exemption = 'NONE' and (d.published_on > d.deadline or (d.published_on is null and d.deadline < ${today}::date)))`;
    where.push(f.overdue ? overdue : sql`not ${overdue}`);
  }
  if (f.status) where.push(sql`d.status = ${f.status}`);
  return where;
}

/** The sort key as text, for the cursor (`_key`). */
export function keyExpression(order: Ordering): string {
  return `d.${ORDER_COLUMNS[order.field].column}::text`;
}

/** A disclosure list's cursor: the row's sort key as text (null where the column has nulls) and its id. */
export interface DisclosureCursor {
  value: string | null;
  id: number;
}

/** `after` decoded for list `tag` in this ordering, or BAD_USER_INPUT; call it before any SQL. */
export function afterDisclosure(after: string | null | undefined, tag: string, order: Ordering): DisclosureCursor | undefined {
  if (after == null) return undefined;
  const { key, nullable } = ORDER_COLUMNS[order.field];
  return decodeCursor(after, tag, { value: nullable ? CursorKeys.orNull(key) : key, id: CursorKeys.serial });
}

/** ORDER BY and the keyset condition after a cursor; null keys sort last in either direction. */
export function ordering(order: Ordering, after: DisclosureCursor | undefined): { orderBy: Sql; keyset: Sql | undefined; keyExpr: Sql } {
  const { column, cast: castTo, nullable } = ORDER_COLUMNS[order.field];
  const k = sql.raw(`d.${column}`);
  const desc = order.direction === OrderDirection.DESC;
  const cmp = sql.raw(desc ? '<' : '>');
  const cast = sql.raw(castTo);
  // A NULLS clause on a column that has no nulls would stop PostgreSQL walking its
  // index backwards (a descending walk gives nulls first), so it is added only where needed.
  const orderBy = sql.raw(`d.${column} ${desc ? 'desc' : 'asc'}${nullable ? ' nulls last' : ''}, d.id ${desc ? 'desc' : 'asc'}`);
  let keyset: Sql | undefined;
  if (after) {
    const { value, id } = after;
    keyset =
      value === null
        ? sql`(${k} is null and d.id ${cmp} ${id})`
        : sql`(${k} ${cmp} ${value}::${cast} or (${k} = ${value}::${cast} and d.id ${cmp} ${id}) or ${k} is null)`;
  }
  return { orderBy, keyset, keyExpr: sql.raw(keyExpression(order)) };
}

export function cursorTag(list: string, order: Ordering): string {
  return `${list}:${order.field}:${order.direction}`;
}

export function disclosureCursor(tag: string, row: DisclosureRow): string {
  return encodeCursor(tag, row._key, row.id);
}

export interface DisclosureRow extends Record<string, unknown> {
  id: number;
  _key: string | null;
  _parent?: string;
}

/** The hub's columns for list queries, on alias `d` (see light-rows.ts); `only` those properties' columns if given. */
export function disclosureColumns(em: EntityManager, only?: ReadonlySet<string>): Sql {
  return sql.raw(lightMapping(em, Disclosure).columns('d', '', only));
}

/** Turns raw rows into read-only records for the graph, keeping the sort key for cursors. */
export function toEntities(em: EntityManager, rows: DisclosureRow[]): { entity: Disclosure; key: string | null; parent?: string }[] {
  const mapping = lightMapping(em, Disclosure);
  return rows.map((row) => ({ entity: mapping.toEntity(row as unknown as Record<string, unknown>), key: row._key, parent: row._parent }));
}
