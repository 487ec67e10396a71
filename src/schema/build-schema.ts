import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { allCategories } from '../entities/index.js';
import { allResolvers } from '../resolvers/index.js';
import { attachCategoryResolvers } from './category-fields.js';
import { Node } from './node.js';

/** The one schema, composed from every module's resolvers and categories. */
export async function buildGongkaiSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: allResolvers,
    // Concrete disclosure types are reached only through the Disclosure interface.
    orphanedTypes: [Node, ...allCategories.map((c) => c.details)],
    validate: true,
    emitSchemaFile: false,
  });
  attachCategoryResolvers(schema);
  return schema;
}
