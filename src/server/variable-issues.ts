import type { ApolloServerPlugin } from '@apollo/server';
import {
  coerceInputValue,
  isInputType,
  isNonNullType,
  Kind,
  typeFromAST,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { coercionIssue } from '../resolvers/hub/publishing/validate.js';
import type { Context } from '../kernel/context.js';
import { InputIssuesError, type InputIssue } from '../kernel/errors.js';

/**
 * graphql-js refuses a badly typed variable before any resolver runs, with the
 * path only inside its message. For mutations (the write path), the variables
 * are coerced here first, the same way, and every problem is reported as our
 * BAD_USER_INPUT with `field` and `extensions.issues` ({ path, code, message }),
 * paths named by the argument (`input.details.procurementResult.awardAmount`).
 */
function variableIssues(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): InputIssue[] {
  const argumentOf = argumentNames(operation);
  const issues: InputIssue[] = [];
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    // An unknown or non-input type fails validation before this point.
    if (!type || !isInputType(type)) continue;
    const at = argumentOf.get(name) ?? name;
    const given = variables !== undefined && Object.prototype.hasOwnProperty.call(variables, name);
    const value = given ? variables[name] : undefined;
    if (!given && definition.defaultValue) continue;
    if (value == null) {
      if (isNonNullType(type)) issues.push({ path: at, code: 'REQUIRED', message: `${at} (variable $${name} of type ${String(type)}) was not provided` });
      continue;
    }
    coerceInputValue(value, type, (path, _invalid, error) => issues.push(coercionIssue([at, ...path], error)));
  }
  return issues;
}

/** Variable → the argument it is passed as, where a root field takes it directly (`publishDisclosure(input: $record)`). */
function argumentNames(operation: OperationDefinitionNode): Map<string, string> {
  const out = new Map<string, string>();
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    for (const argument of selection.arguments ?? []) {
      if (argument.value.kind === Kind.VARIABLE && !out.has(argument.value.name.value)) out.set(argument.value.name.value, argument.name.value);
    }
  }
  return out;
}

export const mutationVariableIssues: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request, schema }) {
        if (!operation || operation.operation !== 'mutation') return;
        const issues = variableIssues(schema, operation, request.variables);
        if (issues.length) throw new InputIssuesError(issues, { status: 400 });
      },
    };
  },
};
