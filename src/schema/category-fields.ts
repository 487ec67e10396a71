import {
  defaultFieldResolver,
  getNullableType,
  isListType,
  type GraphQLFieldResolver,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { registeredCategories, type CategoryDefinition } from '../entities/hub/category-registry.js';
import type { Disclosure } from '../entities/hub/disclosure.entity.js';
import type { PartyRole } from '../entities/hub/enums.js';
import { subjectByCode } from '../resolvers/credit/loaders.js';
import { detailsLoader, partiesByDisclosure } from '../resolvers/hub/loaders.js';
import type { Context } from '../kernel/context.js';

/**
 * Every disclosure resolves, first, as its hub record (the envelope); that is
 * all a list needs. A concrete type's own fields (ProcurementResult.awardAmount)
 * live in its department module's table, so they are resolved here, lazily:
 * typed fields through one batched load of that category's details, subject
 * fields through the record's parties. A query that asks no typed field never
 * touches a details table, which is how a federation subgraph would serve them.
 */
export function attachCategoryResolvers(schema: GraphQLSchema): void {
  const envelope = new Set(Object.keys((schema.getType('Disclosure') as GraphQLInterfaceType).getFields()));
  for (const category of registeredCategories()) {
    const typeName = (category.details as { name: string }).name;
    const type = schema.getType(typeName) as GraphQLObjectType | undefined;
    if (!type || !type.getInterfaces().some((i) => i.name === 'Disclosure')) {
      throw new Error(`category ${category.domain}.${category.code}: ${typeName} must be an object type implementing Disclosure`);
    }
    for (const [name, field] of Object.entries(type.getFields())) {
      if (envelope.has(name)) continue;
      const role = category.partyFields[name];
      if (role) {
        field.resolve = partyResolver(role, isListType(getNullableType(field.type)));
        continue;
      }
      field.resolve = detailsResolver(category, field.resolve ?? defaultFieldResolver);
    }
    for (const field of Object.keys(category.partyFields)) {
      if (!type.getFields()[field]) throw new Error(`${typeName} has no field ${field} for its party role`);
    }
  }
}

function detailsResolver(
  category: CategoryDefinition,
  inner: GraphQLFieldResolver<unknown, Context>,
): GraphQLFieldResolver<Disclosure, Context> {
  return async (record, args, ctx, info) => {
    const details = await ctx.loader(detailsLoader(category)).load(String(record.id));
    if (!details) throw new Error(`record ${record.id} has no ${category.domain}.${category.code} details`);
    return inner(details, args, ctx, info);
  };
}

function partyResolver(role: PartyRole, many: boolean): GraphQLFieldResolver<Disclosure, Context> {
  return async (record, _args, ctx) => {
    const parties = (await ctx.loader(partiesByDisclosure).load(String(record.id))).filter((p) => p.role === role);
    // The parties came with their subjects, so these are known without another round.
    const subjectLoader = ctx.loader(subjectByCode);
    const subjects = await Promise.all(parties.map((p) => subjectLoader.get(p.creditCode)));
    const found = subjects.filter((s) => s !== null);
    return many ? found : (found[0] ?? null);
  };
}
