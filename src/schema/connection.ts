import { isObjectType, Kind, type GraphQLResolveInfo, type GraphQLSchema, type SelectionNode } from 'graphql';
import type { ClassType } from 'type-graphql';
import { Field, Int, ObjectType } from 'type-graphql';
import { BadUserInputError } from './errors.js';

@ObjectType({ description: '分页信息 (Relay page info)' })
export class PageInfo {
  @Field({ description: '是否有下一页' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: '本页最后一条的游标 (pass as `after` for the next page)' })
  endCursor!: string | null;
}

export interface Edge<T> {
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

export function decodeCursor(cursor: string, tag: string, field = 'after'): { value: unknown; id: string | number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== tag || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    throw new BadUserInputError(`${field} is not a cursor of this list and ordering`, field);
  }
  return { value: parsed[1], id: parsed[2] as string | number };
}

export function connectionOf<T>(
  rows: T[],
  limit: number,
  cursorOf: (row: T) => string,
  totalCount: () => Promise<number>,
): Connection<T> {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => new LazyEdge(node, cursorOf));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
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
