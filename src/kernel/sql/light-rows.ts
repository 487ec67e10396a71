import type { EntityClass, EntityMetadata } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { run, type Planning } from './run.js';
import { sql, type Sql } from './sql.js';

/**
 * Read-only rows for the graph without the ORM's unit of work. Hydrating through
 * the identity map (change-set snapshots, reference propagation) cost more than
 * the query on every list a page shows; the resolvers only read fields. Each row
 * gets the entity's prototype (its getters: global id, __typename) and each
 * many-to-one reference becomes an object of the target's prototype holding its
 * key, which is all a resolver reads before asking a loader.
 *
 * Dates come back as text (`YYYY-MM-DD`), as the schema carries them: pg would
 * turn a `date` into a JS Date at local midnight.
 */
export interface LightMapping<T> {
  /**
   * The column list for `select`, on the given table alias; with a prefix, each
   * column is named `<prefix><column>`, so a joined table's columns do not collide.
   * With `only`, just the columns of those properties (the others are left
   * undefined on the entity: for a reader that needs no more).
   */
  columns(alias: string, prefix?: string, only?: ReadonlySet<string>): string;
  /** The row's entity, reading the columns named with `prefix` (as selected). */
  toEntity(row: Record<string, unknown>, prefix?: string): T;
}

interface Column {
  field: string;
  name: string;
  /** For a reference: the target's prototype and key property. */
  reference?: { prototype: object; key: string };
  date: boolean;
}

const mappings = new WeakMap<EntityClass<object>, LightMapping<object>>();

function columnsOf(em: EntityManager, meta: EntityMetadata): Column[] {
  return Object.values(meta.props)
    .filter(
      (p) =>
        p.persist !== false && !p.generated && !p.lazy && !p.hidden && p.fieldNames?.length === 1 && (p.kind === 'scalar' || p.kind === 'm:1'),
    )
    .map((p) => {
      const column: Column = { field: p.fieldNames[0]!, name: p.name, date: p.columnTypes[0] === 'date' };
      if (p.kind === 'm:1') {
        const target = em.getMetadata().get(p.type);
        column.reference = { prototype: target.class.prototype as object, key: target.primaryKeys[0]! };
      }
      return column;
    });
}

/**
 * A prototype between the entity's and the row: it holds a plain writable slot for
 * each field, so assigning a field on a row makes an own property instead of calling
 * the ORM's setter on the entity prototype (change tracking, propagating a reference
 * to the other side), which a read-only row needs neither of.
 */
function shadowed(prototype: object, names: readonly string[]): object {
  const between = Object.create(prototype) as object;
  for (const name of names) Object.defineProperty(between, name, { value: undefined, writable: true, enumerable: false, configurable: true });
  return between;
}

export function lightMapping<T extends object>(em: EntityManager, entity: EntityClass<T>): LightMapping<T> {
  let mapping = mappings.get(entity) as LightMapping<T> | undefined;
  if (!mapping) {
    const meta = em.getMetadata().get(entity.name);
    const columns = columnsOf(em, meta);
    const prototype = shadowed(entity.prototype as object, columns.map((c) => c.name));
    const references = new Map(
      columns.filter((c) => c.reference).map((c) => [c.name, shadowed(c.reference!.prototype, [c.reference!.key])]),
    );
    const converters = new Map<string, (row: Record<string, unknown>) => object>();
    mapping = {
      columns: (alias, prefix = '', only) =>
        columns
          .filter((c) => !only || only.has(c.name))
          .map((c) => (c.date ? `${alias}."${c.field}"::text as "${prefix}${c.field}"` : prefix ? `${alias}."${c.field}" as "${prefix}${c.field}"` : `${alias}."${c.field}"`))
          .join(', '),
      toEntity(row, prefix = '') {
        let convert = converters.get(prefix);
        if (!convert) converters.set(prefix, (convert = compileConverter(columns, prefix, prototype, references)));
        return convert(row) as T;
      },
    };
    mappings.set(entity, mapping as LightMapping<object>);
  }
  return mapping;
}

/**
 * A row-to-entity function written out for one column list and prefix: every
 * page maps each of its rows through it, and straight-line property reads and
 * writes with names known in advance cost V8 a fraction of a loop over column
 * descriptors with computed keys. The names come from entity metadata (JSON-quoted
 * into the source), never from a request.
 */
function compileConverter(
  columns: readonly Column[],
  prefix: string,
  prototype: object,
  references: ReadonlyMap<string, object>,
): (row: Record<string, unknown>) => object {
  const q = JSON.stringify;
  const lines = columns.map((c, i) =>
    c.reference
      ? `v = row[${q(prefix + c.field)}]; if (v != null) { r = Object.create(refs[${i}]); r[${q(c.reference.key)}] = v; v = r; } e[${q(c.name)}] = v;`
      : `e[${q(c.name)}] = row[${q(prefix + c.field)}];`,
  );
  const refs = columns.map((c) => (c.reference ? references.get(c.name) : undefined));
  const make = new Function('proto', 'refs', `return function (row) { const e = Object.create(proto); let v, r; ${lines.join(' ')} return e; };`) as (
    proto: object,
    refs: readonly (object | undefined)[],
  ) => (row: Record<string, unknown>) => object;
  return make(prototype, refs);
}

/**
 * Runs `select <columns> from <table> <alias> <rest>` and maps each row; `rest` is the where clause and what
 * follows it. `prepared`: a lookup by key whose text is the same for any keys (see run.ts).
 */
export async function selectLight<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  alias: string,
  rest: Sql,
  planning: Planning,
): Promise<T[]> {
  const mapping = lightMapping(em, entity);
  const table = em.getMetadata().get(entity.name).tableName;
  const rows = await run(em, sql`select ${sql.raw(mapping.columns(alias))} from ${sql.ident(table)} ${sql.raw(alias)} ${rest}`, planning);
  return rows.map((row) => mapping.toEntity(row));
}
