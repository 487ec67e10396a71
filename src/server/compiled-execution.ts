import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { getVariableValues, type DocumentNode, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type GatewayExecutor = Awaited<ReturnType<Gateway['load']>>['executor'];

/**
 * Runs each operation through graphql-jit: a document is compiled once into a
 * function that walks its selection directly, where graphql-js looks up every
 * field, collects subfields and builds argument objects again on every row of
 * every request. A 50-record listing spent a fifth of the server's time in
 * graphql-js's executor (bench/peers/FINDINGS.md).
 *
 * Apollo Server takes another executor only through its gateway interface; this
 * "gateway" serves the one local schema and never changes it.
 */
export function compiledExecution(schema: GraphQLSchema): Gateway {
  const executor = compiledExecutor(schema);
  return {
    async load() {
      return { schema, executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async stop() {},
  };
}

/** Compiled operations by parsed document: Apollo's document store keeps one document object per query text. */
type Compiled = Map<string | undefined, CompiledQuery | ExecutionResult>;

function compiledExecutor(schema: GraphQLSchema): GatewayExecutor {
  const cache = new WeakMap<DocumentNode, Compiled>();
  const compiledFor = (document: DocumentNode, operationName: string | undefined) => {
    let byOperation = cache.get(document);
    if (!byOperation) cache.set(document, (byOperation = new Map()));
    let compiled = byOperation.get(operationName);
    if (!compiled) byOperation.set(operationName, (compiled = compileQuery(schema, document, operationName)));
    return compiled;
  };
  return async ({ document, operation, operationName, request, context }) => {
    const compiled = compiledFor(document, operationName ?? undefined);
    if (!isCompiledQuery(compiled)) return compiled;
    const variables = coercedVariables(schema, operation, request.variables);
    if ('errors' in variables) return { errors: variables.errors };
    return compiled.query(undefined, context, variables.coerced);
  };
}

/**
 * Variables are coerced by graphql-js, as before: its defaults, its checks and its
 * messages (which Apollo recognises and marks BAD_USER_INPUT). graphql-jit's own
 * parser differs: it leaves out the default of a required input field
 * (`measures: [CreditMeasureInput!]! = []`) and words its errors otherwise. The
 * compiled query still parses what it is given; parsing values already coerced
 * gives them back unchanged (every enum's value is its name, every input scalar
 * takes its own output: tests/compiled-execution.test.ts holds both).
 */
function coercedVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): ReturnType<typeof getVariableValues> {
  if (!operation.variableDefinitions?.length) return { coerced: {} };
  return getVariableValues(schema, operation.variableDefinitions, variables ?? {});
}
