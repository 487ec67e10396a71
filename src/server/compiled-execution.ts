import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { execute, getVariableValues, GraphQLError, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { RequestBudget } from '../kernel/request-budget.js';
import { withinBudget } from './limits/budget.js';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type GatewayExecutor = Awaited<ReturnType<Gateway['load']>>['executor'];

export interface CompileOptions {
  /**
   * The run of a document at which it is compiled (default 2). Compiling takes
   * 1.4–14 ms for the bench questions, several times what running one of them once
   * takes graphql-js: a query typed once in the explorer, or one whose values are
   * written into its text and so new every time, is better left to graphql-js.
   * The test suite compiles at the first run, so every test goes through the
   * compiled path.
   */
  compileAt?: number;
  /** Told of each compilation (the operation's name, the milliseconds it took, whether it compiled). */
  onCompile?: (operationName: string | undefined, ms: number, compiled: boolean) => void;
}

/**
 * Runs operations through graphql-jit: a document is compiled once into a
 * function that walks its selection directly, where graphql-js looks up every
 * field, collects subfields and builds argument objects again on every row of
 * every request. A 50-record listing spent a fifth of the server's time in
 * graphql-js's executor (bench/peers/FINDINGS.md).
 *
 * Apollo Server takes another executor only through its gateway interface; this
 * "gateway" serves the one local schema and never changes it.
 */
export function compiledExecution(schema: GraphQLSchema, options: CompileOptions = {}): Gateway {
  const executor = compiledExecutor(schema, options);
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

/**
 * An operation of a parsed document: how often it has run, and once compiled, the
 * compiled query (`null`: graphql-jit could not compile it, and graphql-js runs it).
 */
interface Operation {
  runs: number;
  compiled?: CompiledQuery | null;
}

function compiledExecutor(schema: GraphQLSchema, { compileAt = 2, onCompile }: CompileOptions): GatewayExecutor {
  // By document object: Apollo's document store keeps one parsed document per query text.
  const documents = new WeakMap<DocumentNode, Map<string | undefined, Operation>>();
  const compiledFor = (document: DocumentNode, operationName: string | undefined): CompiledQuery | null | undefined => {
    let operations = documents.get(document);
    if (!operations) documents.set(document, (operations = new Map()));
    let operation = operations.get(operationName);
    if (!operation) operations.set(operationName, (operation = { runs: 0 }));
    operation.runs++;
    if (operation.compiled === undefined && operation.runs >= compileAt) {
      const started = performance.now();
      const result = compileQuery(schema, document, operationName);
      operation.compiled = isCompiledQuery(result) ? result : null;
      onCompile?.(operationName, performance.now() - started, operation.compiled !== null);
    }
    return operation.compiled;
  };
  const run = ({ document, operation, operationName, request, context }: Parameters<NonNullable<GatewayExecutor>>[0]) => {
    // No operation by that name (Apollo found none): answered as graphql-js words it. graphql-jit would compile another one.
    if (!operation) return { errors: [new GraphQLError(`Unknown operation named "${operationName ?? ''}".`)] };
    const compiled = compiledFor(document, operationName ?? undefined);
    if (!compiled) return execute({ schema, document, operationName, variableValues: request.variables, contextValue: context });
    const variables = coercedVariables(schema, operation, request.variables);
    if ('errors' in variables) return { errors: variables.errors };
    return compiled.query(undefined, context, variables.coerced);
  };
  // Within the request's time and answer-size budget (limits/budget.ts), where the context has one.
  return async (request) => {
    const budget = (request.context as { budget?: RequestBudget }).budget;
    return budget ? withinBudget(budget, () => run(request)) : run(request);
  };
}

/**
 * Variables are coerced by graphql-js, as when it runs the operation: its
 * defaults, its checks and its messages (which Apollo recognises and marks
 * BAD_USER_INPUT). graphql-jit's own parser differs: it leaves out the default of
 * a required input field (`measures: [CreditMeasureInput!]! = []`) and words its
 * errors otherwise. The compiled query still parses what it is given; parsing
 * values already coerced gives them back unchanged (every enum's value is its
 * name, every input scalar takes its own output: tests/server/compiled-execution.test.ts
 * holds both).
 */
function coercedVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): ReturnType<typeof getVariableValues> {
  if (!operation.variableDefinitions?.length) return { coerced: {} };
  return getVariableValues(schema, operation.variableDefinitions, variables ?? {});
}
