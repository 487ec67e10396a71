import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { InputIssuesError } from '../kernel/errors.js';
import { formatRulePath, readArgumentRule, type RuleIssue } from '../kernel/input-rules.js';

const CHECKED = Symbol('read inputs checked');

type ArgumentCheck = [name: string, check: NonNullable<ReturnType<typeof readArgumentRule>>];

/**
 * Every field of a read that takes a text somewhere in its arguments (`Query.disclosures(filter: { text })`,
 * `Subject.disclosures(after:)`, `Query.node(id:)`) checks those texts before its resolver runs: a NUL or a lone
 * surrogate is BAD_USER_INPUT naming the argument's path, and never reaches PostgreSQL as an internal error.
 * Which arguments to walk is worked out here, once per field; a field whose arguments hold no String or ID (dates,
 * numbers, enums, credit codes, whose scalars refuse bad input themselves) keeps its resolver untouched. Mutations
 * are checked by the fuller rules of checked-mutations.ts.
 *
 * Run after every other step that replaces resolvers (direct-field-resolvers.ts), so the check wraps the resolver that
 * runs; a field left without one (a property read) gets graphql-js's default read inside the check, which both
 * executors call.
 */
export function checkReadInputs(schema: GraphQLSchema): void {
  const skip = new Set([schema.getMutationType(), schema.getSubscriptionType()]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || skip.has(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const checks: ArgumentCheck[] = [];
      for (const arg of field.args) {
        const check = readArgumentRule(arg.name, arg.type);
        if (check) checks.push([arg.name, check]);
      }
      const resolve = field.resolve ?? defaultFieldResolver;
      if (!checks.length || (resolve as { [CHECKED]?: boolean })[CHECKED]) continue;
      const checked: GraphQLFieldResolver<unknown, unknown> = function (this: unknown, source, args, context, info) {
        let issues: RuleIssue[] | undefined;
        for (const [name, check] of checks) {
          check((args as Record<string, unknown>)[name], (path, code, message) => (issues ??= []).push({ path: formatRulePath(path), code, message }));
        }
        if (issues) throw new InputIssuesError(issues);
        return resolve.call(this, source, args, context, info);
      };
      Object.assign(checked, { [CHECKED]: true });
      field.resolve = checked;
    }
  }
}
