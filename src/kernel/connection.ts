import { isObjectType, Kind, type GraphQLResolveInfo, type GraphQLSchema, type SelectionNode } from 'graphql';
import type { ClassType } from 'type-graphql';
import { Field, Int, ObjectType } from 'type-graphql';
import { BadUserInputError } from './errors.js';
import { CREDIT_CODE_CHARSET, CREDIT_CODE_LENGTH } from './scalars/credit-code.js';
import { isCalendarDate } from './scalars/date.js';

@ObjectType({ description: '分页信息 (Relay page info)' })
export class PageInfo {
  @Field({ description: '是否有下一页' })
  hasNextPage!: boolean;

  @Field({ description: '是否有上一页 (true after a cursor: its row came before this page; false on the first page)' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: '本页第一条的游标 (null on an empty page)' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: '本页最后一条的游标 (pass as `after` for the next page)' })
  endCursor!: string | null;
}

interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** A thunk, called only when a client asks for totalCount (see countsWhenAsked). */
  totalCount: () => Promise<number>;
}

/**
 * A Relay connection type for `node`. `simpleResolvers`: edges, nodes and page
 * info are read as plain properties; `totalCount` gets its resolver from
 * countsWhenAsked, so the count query runs only for clients that ask.
 */
export function ConnectionType<T extends object>(node: ClassType<T> | (() => unknown), name: string, description: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `${description}（边）` })
  class EdgeClass {
    @Field({ description: '游标' })
    cursor!: string;

    @Field(node as () => ClassType<T>, { description: '节点' })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description })
  class ConnectionClass {
    @Field(() => [EdgeClass])
    edges!: EdgeClass[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: '符合条件的总数 (computed only when asked)' })
    totalCount!: number;
  }
  return ConnectionClass;
}

/**
 * Gives every connection's `totalCount` a resolver that calls the thunk. The
 * compiled executor (server/compiled-execution.ts) reads a field without a
 * resolver as a plain property, where graphql-js's default resolver would have
 * called a function found there.
 */
export function countsWhenAsked(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || !type.name.endsWith('Connection')) continue;
    const field = type.getFields().totalCount;
    // A connection built with a count already known holds a number: read as it is.
    if (field && !field.resolve) {
      field.resolve = (connection: { totalCount: number | (() => Promise<number>) }) =>
        typeof connection.totalCount === 'function' ? connection.totalCount() : connection.totalCount;
    }
  }
}

export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;

/** `first`: 20 when absent; 0 to 100. Anything else is refused, naming the argument. */
export function pageSize(first: number | null | undefined, field = 'first'): number {
  if (first == null) return DEFAULT_PAGE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE) {
    throw new BadUserInputError(`${field} must be a whole number from 0 to ${MAX_PAGE}, got ${first}`, field);
  }
  return first;
}

/**
 * Keyset cursors: the sort value and id of the last row seen, tagged with the
 * list and ordering they belong to, so a cursor from another list or order is
 * refused instead of silently paging from the wrong place.
 */
export function encodeCursor(tag: string, value: unknown, id: string | number): string {
  return Buffer.from(JSON.stringify([tag, value, id]), 'utf8').toString('base64url');
}

/** One kind of value a cursor may hold: exactly what a list encodes into it, and nothing else. */
export interface CursorKey<T> {
  /** For the refusal: what the value should have been. */
  readonly expected: string;
  is(value: unknown): value is T;
}

const key = <T>(expected: string, is: (value: unknown) => boolean): CursorKey<T> => ({ expected, is: is as (value: unknown) => value is T });

const INT4_MAX = 2 ** 31 - 1;
const INT8_MAX = 2n ** 63n - 1n;
const CREDIT_CODE = new RegExp(`^[${CREDIT_CODE_CHARSET}]{${CREDIT_CODE_LENGTH}}$`);

/**
 * The kinds of sort value and id the lists' orderings encode. Each accepts only
 * what the list's own encoder writes, so a forged value is refused here instead of
 * failing in PostgreSQL's cast (`::date`, `::numeric`, an int4 parameter) as an
 * internal error.
 */
export const CursorKeys = {
  /** No sort value: lists ordered by id alone. */
  none: key<null>('null', (v) => v === null),
  /** A `date` column as text: a real calendar date, YYYY-MM-DD. */
  date: key<string>('a calendar date YYYY-MM-DD', (v) => typeof v === 'string' && isCalendarDate(v)),
  /** A `serial` id: a whole number from 1 to int4's largest. */
  serial: key<number>(`a whole number from 1 to ${INT4_MAX}`, (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= INT4_MAX),
  /** A `bigserial` id read as text (past 2^53 a JSON number would lose digits). */
  bigserialText: key<string>(
    `a whole number from 1 to ${INT8_MAX} as text`,
    (v) => typeof v === 'string' && /^[1-9]\d{0,18}$/.test(v) && BigInt(v) <= INT8_MAX,
  ),
  /** A unified social credit code as stored: 18 characters of its alphabet, upper case. */
  creditCode: key<string>('a credit code', (v) => typeof v === 'string' && CREDIT_CODE.test(v)),
  /** A `numeric(precision, scale)` column as text (PostgreSQL writes every decimal of the scale). */
  decimal(precision: number, scale: number): CursorKey<string> {
    const pattern = new RegExp(`^-?(0|[1-9]\\d{0,${precision - scale - 1}})\\.\\d{${scale}}$`);
    return key<string>(`a decimal with ${scale} decimals`, (v) => typeof v === 'string' && pattern.test(v));
  },
  /** `kind`, or null where the column has nulls (they sort last and page on by id). */
  orNull<T>(kind: CursorKey<T>): CursorKey<T | null> {
    return key<T | null>(`${kind.expected} or null`, (v) => v === null || kind.is(v));
  },
};

/** A cursor of this server's is well under a hundred characters; anything far longer is refused unread. */
const MAX_CURSOR_LENGTH = 512;

/**
 * The sort value and id of a cursor of list `tag`, each of the kind the list's
 * ordering encodes. Anything else (another list's cursor, one edited by hand) is
 * BAD_USER_INPUT naming `field`, before any SQL is built from it.
 */
export function decodeCursor<V, I>(
  cursor: string,
  tag: string,
  kinds: { value: CursorKey<V>; id: CursorKey<I> },
  field = 'after',
): { value: V; id: I } {
  const refuse = (reason = '') => new BadUserInputError(`${field} is not a cursor of this list and ordering${reason}`, field);
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw refuse();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== tag) throw refuse();
  const [, value, id] = parsed as unknown[];
  if (!kinds.value.is(value)) throw refuse(`: its sort value is not ${kinds.value.expected}`);
  if (!kinds.id.is(id)) throw refuse(`: its id is not ${kinds.id.expected}`);
  return { value, id };
}

/**
 * The connection over a page's rows (first + 1 of them: the extra one only says
 * there is a next page). Page info is plain properties: the compiled executor reads
 * a field without a resolver as one, and none of it costs a statement.
 */
export function connectionOf<T>(
  rows: T[],
  limit: number,
  cursorOf: (row: T) => string,
  totalCount: () => Promise<number>,
  after: string | null | undefined,
): Connection<T> {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => new LazyEdge(node, cursorOf));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > limit,
      // Relay Cursor Connections spec, §5.1 PageInfo fields, HasPreviousPage(): paging forward
      // with `after`, "if the server can efficiently determine that elements exist prior to
      // after, return true", else false. A cursor that decodes names a row this list returned
      // on an earlier page: one came before this page, known with no query. Without `after`
      // this is the first page. (Only first/after paging is offered, so `last` never applies.)
      hasPreviousPage: after != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/** An edge whose cursor is encoded only if a client reads it: most pages ask for nodes alone. */
class LazyEdge<T> implements Edge<T> {
  constructor(
    readonly node: T,
    private readonly cursorOf: (row: T) => string,
  ) {}

  get cursor(): string {
    return this.cursorOf(this.node);
  }
}

/**
 * Whether the client selected `field` directly on this connection (through inline
 * fragments too; a named fragment counts as "maybe", so the answer errs towards yes).
 * A connection that knows its totalCount is wanted sends the count with the page,
 * in the same tick, instead of one round trip later.
 */
export function selects(info: GraphQLResolveInfo, field: string): boolean {
  const visit = (selections: readonly SelectionNode[]): boolean =>
    selections.some((s) =>
      s.kind === Kind.FIELD ? s.name.value === field : s.kind === Kind.INLINE_FRAGMENT ? visit(s.selectionSet.selections) : true,
    );
  return info.fieldNodes.some((node) => node.selectionSet !== undefined && visit(node.selectionSet.selections));
}

/** A promise started early whose rejection, if nobody ends up awaiting it, must not crash the process. */
export function startedEarly<T>(promise: Promise<T>): () => Promise<T> {
  promise.catch(() => undefined);
  return () => promise;
}
