import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, type Viewer } from '../../kernel/viewer.js';
import { partyVisibilityCondition } from '../access/visibility.js';
import { run } from '../../kernel/sql/run.js';
import { sql, type Sql } from '../../kernel/sql/sql.js';
import type { DisclosureFilter } from './disclosure-filter.input.js';

/**
 * A two-character title search (the commonest Chinese word length) answered from
 * `disclosure_title_gram`, the title's bigrams as rows in a B-tree of (bigram,
 * formed date, record) that carries each record's public-from date: the count is
 * an index-only range scan and a page by formed date reads a page's worth of
 * entries, where the GIN path visits the heap page of every match (see
 * Migration20261128170000 for the figures).
 *
 * Exposed as a relation aliased `d` with `id` and `formed_on`, so the list's own
 * ORDER BY and keyset text (`d.formed_on`, `d.id`) apply to it unchanged.
 */
export const GRAM_ROWS = sql.raw(`(select g.disclosure_id as id, g.formed_on, g.gram, g.public_from from disclosure_title_gram g) d`);

/** Filter fields the bigram rows can answer beside the term itself. */
const ANSWERED = new Set(['text', 'formedFrom', 'formedTo']);

export interface GramSearch {
  /** The term, lower-cased as the title's bigrams are. */
  readonly term: string;
}

/** The two-character term a filter searches for, lower-cased as the title's bigrams are; undefined for any other. */
export function twoCharacterTerm(filter: DisclosureFilter | null | undefined): string | undefined {
  const term = filter?.text?.trim().toLowerCase();
  return term && [...term].length === 2 ? term : undefined;
}

/**
 * Whether this filter and viewer can be answered from the bigram rows: `term`
 * (twoCharacterTerm's) of exactly two characters (one bigram: its rows are exactly the titles containing
 * it, so nothing needs confirming) that is not a stop bigram (it has no rows),
 * no filter field the rows do not carry, and a viewer whose rule is the public's
 * or none (a department's own unpublished records would need the publisher on
 * every row). Anything else takes the GIN path.
 */
export function gramSearch(
  term: string,
  filter: DisclosureFilter,
  viewer: Viewer,
  stoplist: ReadonlySet<string>,
): GramSearch | undefined {
  if (stoplist.has(term)) return undefined;
  if (viewer.role === Role.PUBLISHER && viewer.departmentCode) return undefined;
  for (const [field, value] of Object.entries(filter)) {
    const unset = value == null || (Array.isArray(value) && value.length === 0);
    if (!unset && !ANSWERED.has(field)) return undefined;
  }
  return { term };
}

const stoplists = new WeakMap<object, Promise<ReadonlySet<string>>>();

/**
 * The stop bigrams (title_gram_stoplist), read once per database: only a
 * migration changes them, and the server migrates before it serves.
 */
export function gramStoplist(em: EntityManager): Promise<ReadonlySet<string>> {
  const key = em.getDriver();
  let list = stoplists.get(key);
  if (!list) {
    list = run<{ gram: string }>(em, sql`select gram from title_gram_stoplist`, 'per-values').then((rows) => new Set(rows.map((r) => r.gram)));
    // A failed read is not kept: the next search asks again.
    list.catch(() => stoplists.delete(key));
    stoplists.set(key, list);
  }
  return list;
}

/** The conditions on GRAM_ROWS: the bigram, the formed dates, then the viewer's rule. */
export function gramConditions(search: GramSearch, filter: DisclosureFilter, viewer: Viewer, today: string): Sql[] {
  const where = [sql`d.gram = ${search.term}`];
  if (filter.formedFrom) where.push(sql`d.formed_on >= ${filter.formedFrom}::date`);
  if (filter.formedTo) where.push(sql`d.formed_on <= ${filter.formedTo}::date`);
  // The rows carry a record's public-from date under the party rows' column name, so
  // their rule applies (gramSearch has already sent a department's own viewer elsewhere).
  const visible = partyVisibilityCondition(viewer, today, 'd');
  if (visible) where.push(visible);
  return where;
}

/**
 * A page by formed date: the ids from the bigram rows (index-only, in order),
 * then those records' columns.
 */
export function gramPage(columns: Sql, conditions: Sql[], keyset: Sql | undefined, orderBy: Sql, limit: number): Sql {
  const where = [...conditions, ...(keyset ? [keyset] : [])];
  return sql`select ${columns} from disclosure d where d.id = any(array(select d.id from ${GRAM_ROWS}${sql.where(where)} order by ${orderBy} limit ${limit})) order by ${orderBy}`;
}
