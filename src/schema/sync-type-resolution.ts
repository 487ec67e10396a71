import { isAbstractType, type GraphQLSchema, type GraphQLTypeResolver } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * type-graphql wraps every `resolveType` in an async function, so graphql-js
 * would complete each value of an interface type (every record on a page is a
 * `Disclosure`) through a promise, and the record and its whole edge with it,
 * even when all its fields are at hand. Our type resolvers return the type's
 * name synchronously; this calls them directly and keeps type-graphql's wrapper
 * for anything that returns something else (a class, a promise).
 */
export function resolveTypesSynchronously(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  const declared = new Map<string, (...args: Parameters<GraphQLTypeResolver<unknown, unknown>>) => unknown>();
  for (const i of storage.interfaceTypes) if (i.resolveType) declared.set(i.name, i.resolveType as never);
  for (const u of storage.unions) if (u.resolveType) declared.set(u.name, u.resolveType as never);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isAbstractType(type) || !type.resolveType) continue;
    const own = declared.get(type.name);
    if (!own) continue;
    const wrapped = type.resolveType;
    type.resolveType = (value, context, info, abstractType) => {
      const name = own(value, context, info, abstractType);
      return typeof name === 'string' ? name : wrapped(value, context, info, abstractType);
    };
  }
}
