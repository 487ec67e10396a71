import type { GraphQLField, GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { Role, type Viewer } from '../kernel/viewer.js';
import { InputIssuesError, UnauthenticatedError } from '../kernel/errors.js';
import { argumentRule, formatRulePath, type RuleIssue } from '../kernel/input-rules.js';

/**
 * Arguments that are files, not texts: an import's content is read row by row, and each row's values are held to the
 * same rules with the row's number (src/resolvers/hub/publishing/validate.ts).
 */
export const FILE_ARGUMENTS: ReadonlySet<string> = new Set(['importDisclosures.content']);

const CHECKED = Symbol('inputs checked');

/** Every rule the arguments of a mutation break (the argument's path first: `input.title`, `inputs[1].name`). */
export function mutationArgumentIssues(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const arg of field.args) {
    if (FILE_ARGUMENTS.has(`${field.name}.${arg.name}`)) continue;
    argumentRule(field.name, arg.name, arg.type)(args[arg.name], (path, code, message) => issues.push({ path: formatRulePath(path), code, message }));
  }
  return issues;
}

/** Whether a mutation's resolver checks its arguments first (for the schema test). */
export function checksInputs(field: GraphQLField<unknown, unknown>): boolean {
  return Boolean((field.resolve as { [CHECKED]?: boolean } | undefined)?.[CHECKED]);
}

/**
 * Every mutation checks its arguments against the input rules before its resolver runs: one place that every write
 * goes through, so a NUL, a lone surrogate, a 100 KB reason or a year 1900 is BAD_USER_INPUT naming its field, and
 * never reaches PostgreSQL.
 */
export function checkMutationInputs(schema: GraphQLSchema): void {
  const mutation = schema.getMutationType();
  if (!mutation) return;
  for (const field of Object.values(mutation.getFields())) {
    const resolve = field.resolve;
    if (!resolve || checksInputs(field)) continue;
    const checked: GraphQLFieldResolver<unknown, unknown> = function (this: unknown, source, args, context, info) {
      // Every mutation is for a token holder: an anonymous caller learns that first, not what is wrong with its input.
      if ((context as { viewer?: Viewer }).viewer?.role === Role.PUBLIC) throw new UnauthenticatedError();
      const issues = mutationArgumentIssues(field, args);
      if (issues.length) throw new InputIssuesError(issues);
      return resolve.call(this, source, args, context, info);
    };
    Object.assign(checked, { [CHECKED]: true });
    field.resolve = checked;
  }
}
