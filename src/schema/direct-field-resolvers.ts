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
