import DataLoader from 'dataloader';
import { Disclosure } from '../../entities/hub/disclosure.entity.js';
import { registeredCategories } from '../../entities/hub/category-registry.js';
import { todayInChina } from '../../kernel/time/china-date.js';
import { connectionOf, pageSize, startedEarly, type Connection } from '../../kernel/connection.js';
import type { Context, LoaderFactory } from '../../kernel/context.js';
import { BadUserInputError } from '../../kernel/errors.js';
import { countRows, run } from '../../kernel/sql/run.js';
import { sql, type Sql } from '../../kernel/sql/sql.js';
import { departmentByCode, regionByCode } from '../core/loaders.js';
import { DisclosureOrderField, OrderDirection, type DisclosureFilter, type DisclosureOrder } from './disclosure-filter.input.js';
import {
  DEFAULT_ORDER,
  afterDisclosure,
  cursorTag,
  disclosureColumns,
  disclosureCursor,
  filterConditions,
  keyExpression,
  orderProperty,
  ordering,
  toEntities,
  userFilterConditions,
  type DisclosureCursor,
  type DisclosureRow,
  type Ordering,
} from './disclosure.repository.js';
import { partyVisibilityCondition } from '../access/visibility.js';
import { recordCountsOf } from './subject-tallies.js';
import { regionRange } from '../../kernel/region-codes.js';
import { GRAM_ROWS, gramConditions, gramPage, gramSearch, gramStoplist, twoCharacterTerm, type GramSearch } from './title-gram-search.js';

export interface ListArgs {
  filter?: DisclosureFilter | null;
  orderBy?: DisclosureOrder | null;
  first?: number | null;
  after?: string | null;
}

/** Refuses a filter that cannot mean anything, naming the field, before any SQL runs. */
async function checkFilter(
  ctx: Context,
  filter: DisclosureFilter | null | undefined,
  roleNeedsCreditCode = true,
  path = 'filter',
): Promise<void> {
  if (!filter) return;
  const bad = (field: string, reason: string) => new BadUserInputError(`${path}.${field} ${reason}`, `${path}.${field}`);
  if (roleNeedsCreditCode && filter.role && !filter.creditCode) throw bad('role', 'needs creditCode');
  if (filter.regionCode != null) {
    if (!/^\d{6}$/.test(filter.regionCode)) throw bad('regionCode', `must be a 6-digit GB/T 2260 code, got "${filter.regionCode}"`);
    if (!(await ctx.loader(regionByCode).load(filter.regionCode))) throw bad('regionCode', `names no region: ${filter.regionCode}`);
  }
  if (filter.publisherCode != null && !(await ctx.loader(departmentByCode).load(filter.publisherCode))) {
    throw bad('publisherCode', `names no department: ${filter.publisherCode}`);
  }
  const domains = filter.domains?.length ? filter.domains : undefined;
  for (const category of filter.categories ?? []) {
    const known = registeredCategories().some((c) => c.code === category && (!domains || domains.includes(c.domain)));
    if (!known) throw bad('categories', `has "${category}", which is no category${domains ? ' of the given domains' : ''}`);
  }
  if (filter.formedFrom && filter.formedTo && filter.formedFrom > filter.formedTo) throw bad('formedFrom', 'is after formedTo');
  if (filter.publishedFrom && filter.publishedTo && filter.publishedFrom > filter.publishedTo) {
    throw bad('publishedFrom', 'is after publishedTo');
  }
  if (filter.amountMin && filter.amountMax && Number(filter.amountMin) > Number(filter.amountMax)) {
    throw bad('amountMin', 'is more than amountMax');
  }
  if (filter.text != null) {
    const length = [...filter.text.trim()].length;
    // One character has no bigram, so no index can narrow it: every title would be read, per alias and per
    // department, which made a one-character count the cheapest way to keep the database busy (bench/abuse).
    if (length < 2 || length > 100) throw bad('text', 'must be 2 to 100 characters (one character matches too many titles to search; narrow by domain or category)');
  }
}

/**
 * The top-level list: one query for the page (first + 1 rows), one more only if
 * totalCount is asked (`countWanted`: then sent beside the page, not after it;
 * a two-character search by formed date reads its count in the page's statement).
 * `only`: the record properties the nodes need (selected-columns.ts); all when absent.
 */
export async function listDisclosures(
  ctx: Context,
  args: ListArgs,
  countWanted = false,
  only?: ReadonlySet<string>,
): Promise<Connection<Disclosure>> {
  const limit = pageSize(args.first);
  const order = args.orderBy ?? DEFAULT_ORDER;
  const tag = cursorTag('disclosures', order);
  const after = afterDisclosure(args.after, tag, order);
  await checkFilter(ctx, args.filter);
  const today = todayInChina();
  const term = twoCharacterTerm(args.filter);
  const grams = term ? gramSearch(term, args.filter!, ctx.viewer, await gramStoplist(ctx.em)) : undefined;
  const columns = sql`${disclosureColumns(ctx.em, only)}, ${sql.raw(keyExpression(order))} as _key`;
  if (grams && order.field === DisclosureOrderField.FORMED_ON && limit > 0) {
    return listFromGramRows(ctx, args, grams, { limit, order, tag, after, today, columns, countWanted });
  }
  const conditions = filterConditions(args.filter, ctx.viewer, today);
  const { orderBy, keyset } = ordering(order, after);
  const where = [...conditions, ...(keyset ? [keyset] : [])];
  const query = args.filter?.text
    ? pageOfSearch(columns, where, orderBy, limit + 1)
    : sql`select ${columns} from disclosure d${sql.where(where)} order by ${orderBy} limit ${limit + 1}`;
  const count = grams
    ? gramCount(ctx, args.filter!, grams, today)
    : () => countRows(ctx.em, sql.raw('disclosure d'), filterConditions(args.filter, ctx.viewer, today));
  const totalCount = countWanted ? startedEarly(count()) : count;
  const rows = limit === 0 ? [] : await run<DisclosureRow>(ctx.em, query, 'per-values');
  return pageOf(ctx, rows, limit, tag, totalCount, args.after);
}

/** A two-character search's count, from the bigram rows. */
function gramCount(ctx: Context, filter: DisclosureFilter, search: GramSearch, today: string) {
  return () => countRows(ctx.em, GRAM_ROWS, gramConditions(search, filter, ctx.viewer, today));
}

/**
 * A two-character search by formed date: the page's ids from the bigram rows, then
 * those records, with the count (when asked) as a column of the same statement.
 */
async function listFromGramRows(
  ctx: Context,
  args: ListArgs,
  search: GramSearch,
  p: {
    limit: number;
    order: Ordering;
    tag: string;
    after: DisclosureCursor | undefined;
    today: string;
    columns: Sql;
    countWanted: boolean;
  },
): Promise<Connection<Disclosure>> {
  const filter = args.filter!;
  const counted = p.countWanted
    ? sql`, (select count(*)::int from ${GRAM_ROWS}${sql.where(gramConditions(search, filter, ctx.viewer, p.today))}) as _total`
    : sql.empty;
  const conditions = gramConditions(search, filter, ctx.viewer, p.today);
  const { orderBy, keyset } = ordering(p.order, p.after);
  const query = gramPage(sql`${p.columns}${counted}`, conditions, keyset, orderBy, p.limit + 1);
  const rows = await run<DisclosureRow & { _total?: number }>(ctx.em, query, 'per-values');
  // Every row carries the count; no row carries it only after a cursor (with none, nothing matches at all).
  const total = p.countWanted && (rows.length > 0 || !keyset) ? (rows[0]?._total ?? 0) : undefined;
  const totalCount = total === undefined ? gramCount(ctx, filter, search, p.today) : () => Promise.resolve(total);
  return pageOf(ctx, rows, p.limit, p.tag, totalCount, args.after);
}

/** The connection over a page's rows (first + 1 of them: the extra one only says there is a next page). */
function pageOf(
  ctx: Context,
  rows: DisclosureRow[],
  limit: number,
  tag: string,
  totalCount: () => Promise<number>,
  after: string | null | undefined,
): Connection<Disclosure> {
  const mapped = toEntities(ctx.em, rows);
  const keys = new Map(mapped.map((m) => [m.entity, m.key]));
  return connectionOf(
    mapped.map((m) => m.entity),
    limit,
    (d) => disclosureCursor(tag, { id: d.id, _key: keys.get(d) ?? null }),
    totalCount,
    after,
  );
}

/**
 * A title search reads every matching record (a bitmap over the bigram index) and
 * sorts them all for the page, so the sort takes only the keys and ids; the page's
 * records are then read whole by id. Otherwise every column of every match was
 * built (four dates as text among them) and all but a page's worth thrown away:
 * "锂矿" at 1M records, 904 matches, 1.13 ms a page before, 0.88 ms after; at 10k
 * (9 matches) 0.21 and 0.23 ms. Lists without a search walk an index in order and
 * build only the rows they return, where reading the page again by id would be
 * extra work.
 */
function pageOfSearch(columns: Sql, where: Sql[], orderBy: Sql, limit: number): Sql {
  return sql`select ${columns} from disclosure d where d.id = any(array(select d.id from disclosure d${sql.where(where)} order by ${orderBy} limit ${limit})) order by ${orderBy}`;
}

/** How a parent (a subject, a department, a region) selects its records. */
export type ParentKind = 'subject' | 'department' | 'region';

/** The parents as a VALUES list `x` (`parent_key`, and a region's code range), and the condition tying a record `d` to its parent. */
function parentSource(kind: ParentKind, keys: readonly string[], filter: DisclosureFilter | null | undefined): { values: Sql; condition: Sql } {
  switch (kind) {
    case 'subject':
      return {
        values: sql`(values ${sql.join(keys.map((k) => sql`(${k})`))}) as x(parent_key)`,
        condition: sql`d.id in (select pp.disclosure_id from disclosure_party pp where pp.credit_code = x.parent_key${filter?.role ? sql` and pp.role = ${filter.role}` : sql.empty})`,
      };
    case 'department':
      return {
        values: sql`(values ${sql.join(keys.map((k) => sql`(${k})`))}) as x(parent_key)`,
        condition: sql`d.publisher_code = x.parent_key`,
      };
    case 'region':
      return {
        values: sql`(values ${sql.join(
          keys.map((k) => {
            const [lo, hi] = regionRange(k);
            return sql`(${k}, ${lo}, ${hi})`;
          }),
        )}) as x(parent_key, lo, hi)`,
        condition: sql`d.region_code between x.lo and x.hi`,
      };
  }
}

/**
 * Connections nested under a list of parents: one SQL statement for the first
 * N records of every parent asked in the same tick (a LATERAL top-N per
 * parent), and one for all their counts, whatever the page size.
 */
function nestedLoaders(
  kind: ParentKind,
  args: ListArgs,
  after: DisclosureCursor | undefined,
  ctx: Context,
  selected: ReadonlySet<string> | undefined,
) {
  const limit = pageSize(args.first);
  const order = args.orderBy ?? DEFAULT_ORDER;
  // The lateral select's sort key is read by name outside it (the cursor's key).
  const only = selected && new Set([...selected, orderProperty(order.field)]);
  const tag = nestedTag(kind, order);
  const today = todayInChina();
  // Under a subject, `role` is the subject's own role in the record, so it goes into the
  // parent join; `creditCode`, if also given, asks for records naming that other subject too.
  const filter = kind === 'subject' && args.filter?.role ? { ...args.filter, role: null } : args.filter;
  // A subject's records by date with no other condition: walk its party rows in
  // (credit_code, formed_on, disclosure_id) order, so the top N cost N index entries
  // however many records the subject has.
  const ownRecordsOnly = kind === 'subject' && userFilterConditions(filter, today).length === 0;
  const byPartyIndex = ownRecordsOnly && order.field === DisclosureOrderField.FORMED_ON;
  const page = new DataLoader<string, Connection<Disclosure>>(async (parents) => {
    const source = parentSource(kind, parents, args.filter);
    let query: Sql;
    if (byPartyIndex) {
      const desc = sql.raw(order.direction === OrderDirection.DESC ? 'desc' : 'asc');
      const cmp = sql.raw(order.direction === OrderDirection.DESC ? '<' : '>');
      const role = args.filter?.role ? sql` and pp.role = ${args.filter.role}` : sql.empty;
      let keyset = sql.empty;
      if (after) {
        // By formed date, a column without nulls: the cursor's value is a date.
        const { value, id } = after;
        keyset = sql` and (pp.formed_on ${cmp} ${value}::date or (pp.formed_on = ${value}::date and pp.disclosure_id ${cmp} ${id}))`;
      }
      // Still walking the party index in order; visibility is read from the party row itself.
      const visible = partyVisibilityCondition(ctx.viewer, today, 'pp');
      const top = sql`select pp.formed_on, pp.disclosure_id from disclosure_party pp where pp.credit_code = x.parent_key${role}${keyset}${visible ? sql` and ${visible}` : sql.empty} group by pp.formed_on, pp.disclosure_id order by pp.formed_on ${desc}, pp.disclosure_id ${desc} limit ${limit + 1}`;
      query = sql`select x.parent_key as _parent, ${disclosureColumns(ctx.em, only)}, d.formed_on::text as _key from ${source.values} cross join lateral (${top}) top join disclosure d on d.id = top.disclosure_id order by x.parent_key, d.formed_on ${desc}, d.id ${desc}`;
    } else {
      const conditions = filterConditions(filter, ctx.viewer, today);
      const { orderBy, keyset, keyExpr } = ordering(order, after);
      const where = [source.condition, ...conditions, ...(keyset ? [keyset] : [])];
      query = sql`select x.parent_key as _parent, d.*, ${keyExpr} as _key from ${source.values} cross join lateral (select ${disclosureColumns(ctx.em, only)} from disclosure d where ${sql.join(where, ' and ')} order by ${orderBy} limit ${limit + 1}) d`;
    }
    const rows = limit === 0 ? [] : await run<DisclosureRow>(ctx.em, query, 'per-values');
    const byParent = new Map<string, { entity: Disclosure; key: string | null }[]>();
    for (const m of toEntities(ctx.em, rows)) {
      const list = byParent.get(m.parent!) ?? [];
      list.push(m);
      byParent.set(m.parent!, list);
    }
    return parents.map((parent) => {
      const mapped = byParent.get(parent) ?? [];
      const keys = new Map(mapped.map((m) => [m.entity, m.key]));
      return connectionOf(
        mapped.map((m) => m.entity),
        limit,
        (d) => disclosureCursor(tag, { id: d.id, _key: keys.get(d) ?? null }),
        () => count.load(parent),
        args.after,
      );
    });
  });
  const count = new DataLoader<string, number>(async (parents) => {
    if (ownRecordsOnly) {
      // A subject's own records, unfiltered (or by its role): summed from the per-subject
      // tallies, whatever the subject's size, visibility included.
      const counts = await recordCountsOf(ctx.em, parents, args.filter?.role, ctx.viewer, today);
      return parents.map((p) => counts.get(p) ?? 0);
    }
    const source = parentSource(kind, parents, args.filter);
    const conditions = filterConditions(filter, ctx.viewer, today);
    const rows = await run<{ parent: string; n: number }>(
      ctx.em,
      sql`select x.parent_key as parent, c.n from ${source.values} cross join lateral (select count(*)::int as n from disclosure d where ${sql.join([source.condition, ...conditions], ' and ')}) c`,
      'per-values',
    );
    const byParent = new Map(rows.map((r) => [r.parent, r.n]));
    return parents.map((p) => byParent.get(p) ?? 0);
  });
  return { page, count };
}

function nestedTag(kind: ParentKind, order: Ordering): string {
  return cursorTag(`${kind}.disclosures`, order);
}

/** Per request: one pair of nested loaders per (kind, arguments), so parents sharing arguments share a query. */
const nestedRegistry: LoaderFactory<Map<string, ReturnType<typeof nestedLoaders>>> = () => new Map();

/**
 * A parent's connection; with `countWanted` (totalCount selected) the counts go in the same tick as the pages.
 * `only`: the record properties the nodes need (selected-columns.ts); all when absent. Part of the
 * loaders' key, so two selections with the same arguments do not share a narrower read.
 */
export async function nestedDisclosures(
  ctx: Context,
  kind: ParentKind,
  parent: string,
  args: ListArgs,
  countWanted = false,
  only?: ReadonlySet<string>,
): Promise<Connection<Disclosure>> {
  // A bad cursor is refused here, for this field, not from inside the batch shared with other parents.
  const order = args.orderBy ?? DEFAULT_ORDER;
  const after = afterDisclosure(args.after, nestedTag(kind, order), order);
  await checkFilter(ctx, args.filter, kind !== 'subject');
  const registry = ctx.loader(nestedRegistry);
  const columns = only ? [...only].sort() : null;
  const key = `${kind}:${JSON.stringify([args.filter ?? null, args.orderBy ?? null, args.first ?? null, args.after ?? null, columns])}`;
  let loaders = registry.get(key);
  if (!loaders) {
    loaders = nestedLoaders(kind, args, after, ctx, only);
    registry.set(key, loaders);
  }
  if (countWanted) startedEarly(loaders.count.load(parent));
  return loaders.page.load(parent);
}
