import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * Relay's Node: every object a client can refetch by one opaque id.
 * The id encodes the type and the natural key, so ids are unique across
 * modules without a shared sequence and stay stable across reloads.
 */
@InterfaceType({
  description: '可按全局标识重新获取的对象 (an object refetchable by its opaque global id)',
  // Entity classes are named as their GraphQL types; a disclosure record names its
  // concrete type itself (__typename), since one hub class serves every category.
  resolveType: (value: { __typename?: unknown; constructor: { name: string } }) =>
    typeof value.__typename === 'string' ? value.__typename : value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, { description: '全局标识 (opaque global id)' })
  id!: string;
}

export function toGlobalId(type: string, key: string): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

/** Returns undefined for anything that is not one of our ids. */
export function fromGlobalId(id: string): { type: string; key: string } | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(id)) return undefined;
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) return undefined;
  return { type: decoded.slice(0, colon), key: decoded.slice(colon + 1) };
}
