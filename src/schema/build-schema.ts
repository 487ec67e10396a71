import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { allCategories } from '../entities/index.js';
import { allResolvers } from '../resolvers/index.js';
import { defineRecordInputs } from '../resolvers/hub/publishing/input-types.js';
import { attachCategoryResolvers } from './category-fields.js';
import { checkMutationInputs } from './checked-mutations.js';
import { checkReadInputs } from './checked-reads.js';
import { countsWhenAsked } from '../kernel/connection.js';
import { callFieldResolversDirectly, readPropertiesDirectly } from './direct-field-resolvers.js';
import { Node } from '../kernel/node.js';
import { resolveTypesSynchronously } from './sync-type-resolution.js';

/** The one schema, composed from every module's resolvers and categories. */
export async function buildGongkaiSchema(): Promise<GraphQLSchema> {
  // The record inputs (PublishDisclosureInput) take nested reference fields from these resolvers' field resolvers.
  defineRecordInputs(allResolvers);
  const schema = await buildSchema({
    resolvers: allResolvers,
    // Concrete disclosure types are reached only through the Disclosure interface.
    orphanedTypes: [Node, ...allCategories.map((c) => c.details)],
    // No input class carries class-validator constraints (inputs are checked by their
    // scalars and by the resolvers, which name the field); left on, type-graphql would
    // still import class-validator and walk every object argument of every request.
    validate: false,
    emitSchemaFile: false,
  });
  callFieldResolversDirectly(schema);
  // No global middleware is given above: readPropertiesDirectly drops the property resolvers it would run in.
  readPropertiesDirectly(schema);
  attachCategoryResolvers(schema);
  resolveTypesSynchronously(schema);
  countsWhenAsked(schema);
  checkMutationInputs(schema);
  checkReadInputs(schema);
  return schema;
}
