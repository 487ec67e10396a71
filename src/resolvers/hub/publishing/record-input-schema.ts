import { isInputObjectType, type GraphQLInputObjectType, type GraphQLSchema } from 'graphql';
import { Arg, buildSchema, Query, Resolver } from 'type-graphql';
import { PublishDisclosureInput, recordInputsDefined } from './input-types.js';

/** The record input's name, in this schema as in the served one (import/rows.ts's RECORD_INPUT_TYPE). */
const RECORD_INPUT_TYPE = 'PublishDisclosureInput';

/**
 * Never served: a schema made only to hold the record input type (PublishDisclosureInput and the
 * input types, enums and scalars under it), from the same classes the served schema builds it
 * from (tests/hub/publishing/record-input-schema.test.ts holds them equal). Validation coerces
 * every record against it, a GraphQL variable and an import row alike, and `gongkai import`
 * reads its rows with it; building the whole schema (every resolver module loaded, every type
 * built) cost the CLI about 0.1 s before its first row.
 */
@Resolver()
class RecordInputShape {
  @Query(() => Boolean, { description: 'Never served: the schema holds the record input type' })
  recordInput(@Arg('input', () => PublishDisclosureInput) _input: PublishDisclosureInput): boolean {
    return true;
  }
}

let built: Promise<GraphQLSchema> | undefined;

/**
 * The schema, built once per process. The record inputs must be defined first (defineRecordInputs, called by
 * whatever composes a schema: src/schema/), since which nested fields are input by a reference's key is told by
 * the departments' field resolvers, which this module does not import.
 */
export function recordInputSchema(): Promise<GraphQLSchema> {
  if (!recordInputsDefined()) {
    return Promise.reject(new Error('the record inputs are not defined yet: compose a schema first (src/schema/ calls defineRecordInputs)'));
  }
  return (built ??= buildSchema({ resolvers: [RecordInputShape], validate: false, emitSchemaFile: false }));
}

/** PublishDisclosureInput of recordInputSchema, which raw records are coerced against. */
export async function recordInputType(): Promise<GraphQLInputObjectType> {
  const type = (await recordInputSchema()).getType(RECORD_INPUT_TYPE);
  if (!isInputObjectType(type)) throw new Error(`the record input schema has no input type ${RECORD_INPUT_TYPE}`);
  return type;
}
