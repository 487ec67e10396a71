import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { allResolvers } from '../resolvers/index.js';
import { Node } from './node.js';

/** The one schema, composed from every module's resolvers. */
export async function buildGongkaiSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: allResolvers,
    orphanedTypes: [Node],
    validate: true,
    emitSchemaFile: false,
  });
}
