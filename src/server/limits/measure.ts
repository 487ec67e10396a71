import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  Lexer,
  SchemaMetaFieldDef,
  Source,
  TokenKind,
  TypeMetaFieldDef,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE, MAX_PAGE } from '../../kernel/connection.js';

/** What one operation of a document asks for; see limits.ts for what each means. */
export interface Measures {
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
  /** Introspection lists of types or fields nested in one another (`types { fields { type { fields …`). */
  introspectionLists: number;
}

/**
 * How many items a list without `first` holds at most, by `Type.field` or by field
 * name: the reference data's sizes with room to grow (54 regions, a province's
 * prefectures are 8, a prefecture's counties at most 7; 26 departments). A list not
 * named here counts as 20, a page's default size.
 */
const LIST_SIZES: Readonly<Record<string, number>> = {
  'Query.regions': 10,
  'Region.children': 10,
  'Query.departments': 60,
  'Query.catalogue': 100,
  'Query.responsibilities': 60,
  'Query.apiTokens': 100,
  'Query.holidaySchedules': 10,
  'HolidayYear.days': 40,
  'Department.catalogueItems': 100,
  'Department.responsibilities': 20,
  'Subject.creditEntries': 10,
  'Subject.domainCounts': 30,
  'ComplianceRanking.entries': 60,
  'ComplianceRanking.praised': 60,
  'ComplianceRanking.criticised': 60,
  'ComplianceReport.byCategory': 40,
  'ComplianceReport.gaps': 40,
  // On every kind of disclosure: the parties a record names, the channels it went out on, its revisions.
  parties: 5,
  publications: 5,
  revisions: 5,
};
const OTHER_LIST_SIZE = DEFAULT_PAGE;

/** A count reads every match, not a page of them (a stop-word count reads the whole table): it weighs as much as this many field values. */
export const COUNT_COST = 100;

/** The introspection fields that list types or fields. */
const TYPE_LISTS = new Set(['__Schema.types', '__Type.fields', '__Type.inputFields', '__Type.interfaces', '__Type.possibleTypes']);

/** Sums and products are kept below this, so a fragment bomb's measure stays a finite number. */
const CAP = Number.MAX_SAFE_INTEGER;
const add = (a: number, b: number) => Math.min(a + b, CAP);
const times = (a: number, b: number) => Math.min(a * b, CAP);

/** The document's lexical tokens, as graphql-js's parser counts them (comments are not tokens). */
export function countTokens(source: string): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // A syntax error: the parser reports it; the tokens before it are the count.
  }
  return count;
}

/**
 * Depth, aliases, directives and cost of `operation`, each fragment measured once
 * (however often it is spread) so that the walk is linear in the document even
 * for a fragment bomb. The document need not be valid yet: unknown fields and
 * fragments count as leaves, and a fragment cycle is cut (validation refuses it).
 *
 * Cost is the number of field values the answer can hold at most: each field
 * counts 1 per object it is asked on, a list multiplies what is asked below it
 * by its size (a connection's edges by its `first`, default 20, at most 100;
 * other lists by LIST_SIZES), and a `totalCount` weighs COUNT_COST. For a field
 * of an abstract type, fragments on its concrete types are all added, as if an
 * object could be of each. Introspection costs nothing (the schema is small and
 * in memory), but its type lists may not nest more than twice.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | undefined,
): Measures {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const values: Record<string, unknown> = {};
  for (const v of operation.variableDefinitions ?? []) {
    const given = variables?.[v.variable.name.value];
    values[v.variable.name.value] = given !== undefined ? given : v.defaultValue ? valueFromASTUntyped(v.defaultValue) : undefined;
  }
  const pageOf = (field: FieldNode): number => {
    const arg = field.arguments?.find((a) => a.name.value === 'first');
    const value = arg ? valueFromASTUntyped(arg.value, values) : undefined;
    if (value == null) return DEFAULT_PAGE;
    // Anything but a number in range is refused by the resolver; until then it counts as the largest page.
    return typeof value === 'number' && value >= 0 ? Math.min(Math.ceil(value), MAX_PAGE) : MAX_PAGE;
  };

  const memo = new Map<string, Measures>();
  const open = new Set<string>();

  const walk = (set: SelectionSetNode, parent: GraphQLNamedType | undefined, page: number | undefined): Measures => {
    const m: Measures = { depth: 0, aliases: 0, directives: 0, cost: 0, introspectionLists: 0 };
    const merge = (inner: Measures) => {
      m.depth = Math.max(m.depth, inner.depth);
      m.aliases = add(m.aliases, inner.aliases);
      m.directives = add(m.directives, inner.directives);
      m.cost = add(m.cost, inner.cost);
      m.introspectionLists = Math.max(m.introspectionLists, inner.introspectionLists);
    };
    for (const selection of set.selections) {
      m.directives = add(m.directives, selection.directives?.length ?? 0);
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        merge(walk(selection.selectionSet, type, page));
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || open.has(name)) continue;
        const key = `${name}:${page}`;
        let inner = memo.get(key);
        if (!inner) {
          open.add(name);
          inner = walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), page);
          inner.directives = add(inner.directives, fragment.directives?.length ?? 0);
          open.delete(name);
          memo.set(key, inner);
        }
        merge(inner);
        continue;
      }
      const name = selection.name.value;
      if (selection.alias) m.aliases = add(m.aliases, 1);
      const def = fieldOf(schema, parent, name);
      const type = def ? getNamedType(def.type) : undefined;
      const introspection = name.startsWith('__') || Boolean(parent?.name.startsWith('__'));
      const inner = selection.selectionSet
        ? walk(selection.selectionSet, type, type?.name.endsWith('Connection') ? pageOf(selection) : undefined)
        : undefined;
      const field: Measures = {
        // The wrappers of a type reference (`ofType { ofType { … } }`) are not a level.
        depth: (name === '__typename' || name === 'ofType' ? 0 : 1) + (inner?.depth ?? 0),
        aliases: inner?.aliases ?? 0,
        directives: inner?.directives ?? 0,
        cost: 0,
        introspectionLists: (TYPE_LISTS.has(`${parent?.name}.${name}`) ? 1 : 0) + (inner?.introspectionLists ?? 0),
      };
      if (!introspection) {
        const own = name === 'totalCount' && parent?.name.endsWith('Connection') ? COUNT_COST : 1;
        const size = def && isListType(getNullableType(def.type)) ? listSize(parent!.name, name, def, selection, page, pageOf) : 1;
        field.cost = add(own, times(size, inner?.cost ?? 0));
      }
      merge(field);
    }
    return m;
  };

  const root = schema.getRootType(operation.operation) ?? undefined;
  const measures = walk(operation.selectionSet, root, undefined);
  measures.directives = add(measures.directives, operation.directives?.length ?? 0);
  for (const v of operation.variableDefinitions ?? []) measures.directives = add(measures.directives, v.directives?.length ?? 0);
  return measures;
}

function fieldOf(schema: GraphQLSchema, parent: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === '__schema') return SchemaMetaFieldDef;
  if (name === '__type') return TypeMetaFieldDef;
  if (!parent || !(isObjectType(parent) || isInterfaceType(parent))) return undefined;
  return parent.getFields()[name];
}

function listSize(
  parent: string,
  name: string,
  def: GraphQLField<unknown, unknown>,
  selection: FieldNode,
  page: number | undefined,
  pageOf: (field: FieldNode) => number,
): number {
  // A connection's page: the `first` of the field that returned the connection.
  if (parent.endsWith('Connection') && (name === 'edges' || name === 'nodes')) return page ?? DEFAULT_PAGE;
  if (def.args.some((a) => a.name === 'first')) return pageOf(selection);
  return LIST_SIZES[`${parent}.${name}`] ?? LIST_SIZES[name] ?? OTHER_LIST_SIZE;
}
