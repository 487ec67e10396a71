import type { GraphQLSchema } from 'graphql';
import { Arg, buildSchema, Query, Resolver } from 'type-graphql';
import { PublishDisclosureInput } from '../publishing/input-types.js';

/**
 * Never served: a schema made only to hold the record input type (PublishDisclosureInput and the
 * input types, enums and scalars under it), from the same classes the served schema builds it
 * from. `gongkai import` validates rows against it; building the whole schema (every resolver
 * module loaded, every type built) cost the CLI about 0.1 s before its first row.
 */
@Resolver()
class RecordInputShape {
  @Query(() => Boolean, { description: 'Never served: the schema holds the record input type' })
  recordInput(@Arg('input', () => PublishDisclosureInput) _input: PublishDisclosureInput): boolean {
    return true;
  }
}

export function recordInputSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: [RecordInputShape], validate: false, emitSchemaFile: false });
}
