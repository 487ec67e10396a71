import {
  getNamedType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type Param = {
  kind: string;
  index: number;
  name?: string;
  propertyName?: string;
  getType?: () => unknown;
};

type FieldResolverMeta = {
  kind: string;
  target: new () => Record<string, (...args: unknown[]) => unknown>;
  methodName: string;
  schemaName: string;
  params?: Param[];
  middlewares?: unknown[];
  roles?: unknown[];
  getObjectType?: () => unknown;
};

/**
 * type-graphql runs every field resolver through its parameter machinery: the
 * parameters sorted again on every call, and any `@Arg` passed through an async
 * validation step even with validation off, so a resolver taking an argument
 * always returns a promise (creditStatus(asOf) on each of a page's few hundred
 * subjects: a promise for it and for every object above it, 13 % of the nested
 * page's CPU). Field resolvers whose parameters are only the parent (@Root), the
 * context, the info and scalar or enum arguments, with no middleware or roles,
 * are called directly instead, with the arguments graphql-js has already
 * coerced. Anything else keeps type-graphql's resolver.
 */
export function callFieldResolversDirectly(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  // GraphQL type name of each class, objects and interfaces alike.
  const nameOf = new Map<unknown, string>();
  for (const t of [...storage.objectTypes, ...storage.interfaceTypes]) nameOf.set(t.target, t.name);
  const byTypeAndField = new Map<string, FieldResolverMeta>();
  for (const m of storage.fieldResolvers as unknown as FieldResolverMeta[]) {
    const owner = nameOf.get(m.getObjectType?.());
    if (m.kind === 'external' && owner) byTypeAndField.set(`${owner}.${m.schemaName}`, m);
  }
  const instances = new Map<unknown, Record<string, (...args: unknown[]) => unknown>>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    const owners = [type.name, ...type.getInterfaces().map((i) => i.name)];
    for (const field of Object.values(type.getFields())) {
      const meta = owners.map((o) => byTypeAndField.get(`${o}.${field.name}`)).find(Boolean);
      if (!meta || !field.resolve) continue;
      const direct = directResolver(meta, field, instances);
      if (direct) field.resolve = direct;
    }
  }
}

function directResolver(
  meta: FieldResolverMeta,
  field: GraphQLField<unknown, unknown>,
  instances: Map<unknown, Record<string, (...args: unknown[]) => unknown>>,
): GraphQLFieldResolver<unknown, unknown> | undefined {
  if (meta.middlewares?.length || meta.roles?.length) return undefined;
  const params = [...(meta.params ?? [])].sort((a, b) => a.index - b.index);
  for (const p of params) {
    if (p.propertyName) return undefined;
    if (p.kind === 'arg') {
      const arg = field.args.find((a) => a.name === p.name);
      if (!arg || !isLeafType(getNamedType(arg.type))) return undefined;
    } else if (p.kind !== 'root' && p.kind !== 'context' && p.kind !== 'info') {
      return undefined;
    }
  }
  let instance = instances.get(meta.target);
  if (!instance) instances.set(meta.target, (instance = new meta.target()));
  const method = instance[meta.methodName];
  if (typeof method !== 'function') return undefined;
  const original = field.resolve!;
  // type-graphql hands @Root() an instance of the declared class (converting a plain object); ours
  // always are (entities, read-only rows on the entity's prototype). Anything else goes the old way.
  const rootClass = params.find((p) => p.kind === 'root')?.getType?.();
  const rootCheck = typeof rootClass === 'function' ? (rootClass as new () => unknown) : undefined;
  const self = instance;
  return (root, args, context, info) => {
    if (rootCheck && !(root instanceof rootCheck)) return original(root, args, context, info);
    const values = new Array<unknown>(params.length);
    for (let i = 0; i < params.length; i++) {
      const p = params[i]!;
      values[i] = p.kind === 'root' ? root : p.kind === 'context' ? context : p.kind === 'info' ? info : (args as Record<string, unknown>)[p.name!];
    }
    return method.apply(self, values);
  };
}

type FieldMeta = {
  target: unknown;
  name: string;
  schemaName: string;
  middlewares?: unknown[];
  roles?: unknown[];
  params?: unknown[];
};

type TypeMeta = { target: unknown; name: string; fields?: FieldMeta[]; interfaceClasses?: unknown[] };

/**
 * type-graphql gives every plain property field a resolver of its own
 * (createBasicFieldResolver: a resolver-data object and the middleware chain, for
 * a property read), so the compiled executor (server/compiled-execution.ts) calls
 * a function with promise and error handling for each title, amount and date of
 * every row, where it would otherwise read the property inline. Fields without
 * middleware or roles get no resolver here, or, where the schema name differs from
 * the property (`id` is the `globalId` getter), a plain read of the property.
 *
 * Valid only while the schema is built with no global middleware
 * (build-schema.ts passes none).
 */
export function readPropertiesDirectly(schema: GraphQLSchema): void {
  const storage = getMetadataStorage() as unknown as {
    objectTypes: TypeMeta[];
    interfaceTypes: TypeMeta[];
    fieldResolvers: { getObjectType?: () => unknown; methodName: string }[];
  };
  const withResolver = new Set(storage.fieldResolvers.map((r) => `${String((r.getObjectType?.() as { name?: string } | undefined)?.name)}#${r.methodName}`));
  for (const meta of [...storage.objectTypes, ...storage.interfaceTypes]) {
    const type = schema.getType(meta.name);
    if (!type || (!isObjectType(type) && !isInterfaceType(type))) continue;
    // As type-graphql builds them: the interfaces' fields, then the type's own; by schema name, the last one counts.
    const bySchemaName = new Map<string, FieldMeta>();
    const implemented = storage.interfaceTypes.filter((i) => meta.interfaceClasses?.includes(i.target));
    for (const f of [...implemented.flatMap((i) => i.fields ?? []), ...(meta.fields ?? [])]) {
      bySchemaName.set(f.schemaName, f);
    }
    for (const f of bySchemaName.values()) {
      const field = type.getFields()[f.schemaName];
      if (!field?.resolve || f.middlewares?.length || f.roles?.length || f.params?.length) continue;
      if (withResolver.has(`${String((f.target as { name?: string }).name)}#${f.name}`)) continue;
      const property = f.name;
      field.resolve = property === f.schemaName ? undefined : (root: Record<string, unknown>) => root[property];
    }
  }
}
