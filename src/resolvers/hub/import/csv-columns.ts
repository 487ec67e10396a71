import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isScalarType,
  type GraphQLInputObjectType,
  type GraphQLInputType,
} from 'graphql';
import type { Issue } from '../publishing/index.js';
import { formatPath } from '../publishing/validate.js';

/**
 * The CSV column convention. A header names each column by its path in the
 * record input (the GraphQL PublishDisclosureInput), segments joined by dots:
 *
 *   title, formedOn, amount                    top-level fields
 *   details.procurementResult.awardAmount      a field of a nested object
 *   parties.0.role, parties.0.creditCode       item 0 of a list, then its field
 *   publications.1.channel                     item 1 of another list
 *   details.procurementResult.reviewExperts    a list or object named whole: the cell is JSON
 *
 * (`parties[0].role`, as problems are reported, is accepted for `parties.0.role`.)
 *
 * A cell is converted by the type of the field it fills: Int and Float to
 * numbers, Boolean from true/false (1/0), JSON for lists and objects named
 * whole, everything else (String, Date, Decimal, CreditCode, enums) as text.
 * An empty cell leaves the field out. A list item whose cells are all empty is
 * no item, so a file can have columns for three parties and a row use one;
 * items keep their order.
 */
type Leaf = 'text' | 'int' | 'float' | 'boolean' | 'json';

interface Column {
  index: number;
  header: string;
  path: (string | number)[];
  leaf: Leaf;
}

export interface ColumnPlan {
  columns: Column[];
  /** Problems with the header itself (row 1). */
  issues: Issue[];
}

/** List items a column may address: far more than any record has, few enough to bound a row's size. */
const MAX_ITEM = 999;

export function planColumns(header: readonly string[], root: GraphQLInputObjectType): ColumnPlan {
  const columns: Column[] = [];
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  header.forEach((raw, index) => {
    // parties[0].role, as error paths write it, names the same column as parties.0.role.
    const name = raw.trim().replace(/\[(\d+)\]/g, '.$1');
    const label = name || `(column ${index + 1})`;
    if (!name) {
      issues.push({ path: label, code: 'UNKNOWN_COLUMN', message: `column ${index + 1} has no name` });
      return;
    }
    const resolved = resolvePath(name, root);
    if ('error' in resolved) {
      issues.push({ path: name, code: 'UNKNOWN_COLUMN', message: `column "${name}": ${resolved.error}` });
      return;
    }
    if (seen.has(name)) {
      issues.push({ path: name, code: 'DUPLICATE_COLUMN', message: `column "${name}" appears twice (columns ${seen.get(name)! + 1} and ${index + 1})` });
      return;
    }
    seen.set(name, index);
    columns.push({ index, header: name, path: resolved.path, leaf: resolved.leaf });
  });
  // A column naming a list or object whole cannot be combined with columns inside it.
  for (const outer of columns) {
    const inner = columns.find((c) => c !== outer && c.header.startsWith(`${outer.header}.`));
    if (inner) {
      issues.push({
        path: outer.header,
        code: 'CONFLICTING_COLUMNS',
        message: `column "${outer.header}" fills the whole value, so column "${inner.header}" inside it cannot be used too`,
      });
    }
  }
  return { columns, issues };
}

function resolvePath(name: string, root: GraphQLInputObjectType): { path: (string | number)[]; leaf: Leaf } | { error: string } {
  const segments = name.split('.');
  const path: (string | number)[] = [];
  let type: GraphQLInputType = root;
  for (const segment of segments) {
    const here = getNullableType(type);
    if (isListType(here)) {
      if (!/^\d+$/.test(segment) || Number(segment) > MAX_ITEM) {
        return { error: `"${path.join('.')}" is a list: the next part must be an item number from 0 to ${MAX_ITEM}, not "${segment}"` };
      }
      path.push(Number(segment));
      type = here.ofType as GraphQLInputType;
      continue;
    }
    if (isInputObjectType(here)) {
      const field = here.getFields()[segment];
      if (!field) {
        const where = path.length ? `"${path.join('.')}"` : 'a record';
        return { error: `${where} has no field "${segment}"` };
      }
      path.push(segment);
      type = field.type;
      continue;
    }
    return { error: `"${path.join('.')}" is a single value; it has no part "${segment}"` };
  }
  return { path, leaf: leafOf(type) };
}

function leafOf(type: GraphQLInputType): Leaf {
  const here = getNullableType(type);
  if (isListType(here) || isInputObjectType(here)) return 'json';
  if (isEnumType(here)) return 'text';
  const named = getNamedType(here);
  if (isScalarType(named)) {
    if (named.name === 'Int') return 'int';
    if (named.name === 'Float') return 'float';
    if (named.name === 'Boolean') return 'boolean';
  }
  return 'text';
}

/**
 * One CSV row as a raw record input. A cell that cannot be converted is kept
 * as text, so the record validation reports it (the same code and message as
 * a wrong value in NDJSON); only JSON that does not parse is reported here.
 */
export function rowToInput(fields: readonly string[], plan: ColumnPlan): { value: Record<string, unknown>; issues: Issue[] } {
  const value: Record<string, unknown> = {};
  const issues: Issue[] = [];
  let sparse = false;
  for (const column of plan.columns) {
    const cell = fields[column.index];
    if (cell === undefined || cell === '') continue;
    const converted = convert(cell, column.leaf);
    if (converted.error) {
      issues.push({ path: formatPath(column.path), code: 'INVALID_JSON', message: `column "${column.header}" must hold JSON here: ${converted.error}` });
      continue;
    }
    sparse = setAt(value, column.path, converted.value) || sparse;
  }
  return { value: sparse ? (compact(value) as Record<string, unknown>) : value, issues };
}

function convert(cell: string, leaf: Leaf): { value?: unknown; error?: string } {
  switch (leaf) {
    case 'text':
      return { value: cell };
    case 'int': {
      const t = cell.trim();
      return { value: /^[+-]?\d{1,15}$/.test(t) ? Number(t) : cell };
    }
    case 'float': {
      const t = cell.trim();
      return { value: /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : cell };
    }
    case 'boolean': {
      const t = cell.trim().toLowerCase();
      return { value: t === 'true' || t === '1' ? true : t === 'false' || t === '0' ? false : cell };
    }
    case 'json':
      try {
        return { value: JSON.parse(cell) };
      } catch (err) {
        return { error: (err as Error).message };
      }
  }
}

/** Sets `value` at `path`, making objects and arrays on the way; true when an array got a gap. */
function setAt(target: Record<string, unknown>, path: readonly (string | number)[], value: unknown): boolean {
  let here: Record<string | number, unknown> = target;
  let gap = false;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const last = i === path.length - 1;
    if (Array.isArray(here) && typeof key === 'number' && key > here.length) gap = true;
    if (last) {
      here[key] = value;
      break;
    }
    let next = here[key] as Record<string | number, unknown> | undefined;
    if (next === undefined) {
      next = typeof path[i + 1] === 'number' ? ([] as unknown as Record<number, unknown>) : {};
      here[key] = next;
    }
    here = next;
  }
  return gap;
}

/** Drops the items no cell filled, keeping the order of the rest. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compact);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compact(v)]));
  }
  return value;
}
