import type { GraphQLSchema } from 'graphql';
import { allResolvers } from '../resolvers/index.js';
import { defineRecordInputs } from '../resolvers/hub/publishing/input-types.js';
import { recordInputSchema } from '../resolvers/hub/publishing/record-input-schema.js';

/**
 * The schema that holds only the record input type (resolvers/hub/publishing/record-input-schema.ts), for a
 * process that validates records without serving the graph (`gongkai import`). The record inputs are derived
 * first, from the same resolvers the served schema is composed of (buildGongkaiSchema), so both hold the same
 * input types; the resolvers' modules are loaded, not built into types.
 */
export function composeRecordInputSchema(): Promise<GraphQLSchema> {
  defineRecordInputs(allResolvers);
  return recordInputSchema();
}
