import { isObjectType, type ExecutionResult, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { OperationLimitError } from '../../kernel/errors.js';
import { OUT_OF_TIME, type RequestBudget } from '../../kernel/request-budget.js';

/**
 * Makes every field resolver check the request's budget before it starts, so a
 * request out of time starts no new work (no new loader batch, no new SQL). Fields
 * read as plain properties have no resolver and do no work. The check is a
 * property read per resolved field.
 */
export function checkBudgetBeforeResolvers(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve) continue;
      const checked: GraphQLFieldResolver<unknown, { budget?: RequestBudget }> = (source, args, context, info) => {
        context?.budget?.check();
        return resolve(source, args, context, info);
      };
      // Markers other wrappers put on a resolver (checked-mutations.ts) stay visible.
      field.resolve = Object.assign(checked, resolve);
    }
  }
}

/**
 * Runs an operation within the budget: past the time the client gets the time
 * refusal alone (not an error per unfinished field), without waiting for
 * statements under way; an answer over the size limit is replaced by its refusal
 * before it is serialised. The cost limit keeps answers far below that size; this
 * is the second line.
 */
export async function withinBudget(budget: RequestBudget, run: () => ExecutionResult | Promise<ExecutionResult>): Promise<ExecutionResult> {
  const result = await budget.race(run());
  if (result === OUT_OF_TIME || budget.expired) return { errors: [budget.outOfTime()] };
  if (budget.maxResponseBytes !== Infinity) {
    // Errors are few and short; the data is what grows.
    let bytes = jsonBytes(result.data);
    for (const error of result.errors ?? []) bytes += jsonBytes(error.message) + 100;
    if (bytes > budget.maxResponseBytes) {
      return {
        errors: [
          new OperationLimitError(
            'responseBytes',
            budget.maxResponseBytes,
            bytes,
            `the answer would be ${bytes} bytes, the limit is ${budget.maxResponseBytes}: ask for fewer fields or smaller pages`,
          ),
        ],
      };
    }
  }
  return result;
}

/** The size of `value` as JSON, in UTF-8 bytes (escapes aside), without building the string. */
function jsonBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  switch (typeof value) {
    case 'string':
      return Buffer.byteLength(value) + 2;
    case 'number':
    case 'boolean':
      return String(value).length;
    case 'object': {
      if (Array.isArray(value)) {
        let bytes = 1 + Math.max(value.length, 1);
        for (const item of value) bytes += jsonBytes(item);
        return bytes;
      }
      let bytes = 1;
      let fields = 0;
      for (const key in value) {
        const item = (value as Record<string, unknown>)[key];
        if (item === undefined) continue;
        fields++;
        bytes += Buffer.byteLength(key) + 3 + jsonBytes(item);
      }
      return bytes + Math.max(fields, 1);
    }
    default:
      return 0;
  }
}
