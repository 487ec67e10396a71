import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { appendAudit, type AuditWrite } from './audit-log.js';
import type { Context } from '../../kernel/context.js';
import { BadUserInputError } from '../../kernel/errors.js';
import { fromGlobalId } from '../../kernel/node.js';

/** A refusal because the stored state moved on (already revoked, already extended, a stale version). */
export class ConflictError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'CONFLICT' } });
  }
}

export interface InputIssue {
  path: string;
  code: string;
  message: string;
}

/**
 * Collects every problem of one input, so a client fixes them all in one round
 * trip. `throwIfAny` refuses with BAD_USER_INPUT naming the first problem's
 * field and listing all of them in `extensions.issues`.
 */
export class InputIssues {
  readonly issues: InputIssue[] = [];

  add(path: string, message: string, code = 'INVALID'): void {
    this.issues.push({ path, code, message });
  }

  /** A required text: not blank and at most `max` characters. */
  text(path: string, value: string | null | undefined, max: number, required = true): void {
    if (value == null) {
      if (required) this.add(path, `${path} is required`, 'REQUIRED');
      return;
    }
    if (required && value.trim() === '') this.add(path, `${path} must not be blank`, 'BLANK');
    else if (value.length > max) this.add(path, `${path} is ${value.length} characters long; at most ${max}`, 'TOO_LONG');
  }

  throwIfAny(): void {
    if (this.issues.length > 0) throw issuesError(this.issues);
  }
}

function issuesError(issues: InputIssue[]): GraphQLError {
  const [first] = issues;
  const message = issues.length === 1 ? first!.message : `${issues.length} problems: ${issues.map((i) => i.message).join('; ')}`;
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field: first!.path, issues } });
}

/** One problem found while writing (inside the transaction, which it rolls back). */
export function inputError(path: string, message: string, code = 'INVALID'): GraphQLError {
  return issuesError([{ path, code, message }]);
}

/** What a database CHECK constraint means, in the input's terms. */
export interface CheckMeaning {
  field: string;
  message: string;
}

/**
 * Runs a write and its audit entries in one transaction: both commit or
 * neither does. A CHECK constraint the database refuses becomes BAD_USER_INPUT
 * (named through `checks` by constraint name), never INTERNAL_SERVER_ERROR:
 * the constraints are the last word on coherence, whatever the code checked.
 */
export async function writeAudited<T>(
  ctx: Context,
  write: (tx: EntityManager) => Promise<{ result: T; audit: AuditWrite[] }>,
  checks: Record<string, CheckMeaning> = {},
): Promise<T> {
  try {
    return await ctx.em.fork().transactional(async (tx) => {
      const { result, audit } = await write(tx);
      await appendAudit(tx, ctx.viewer, ctx.requestId, audit);
      return result;
    });
  } catch (error) {
    throw translateDatabaseError(error, checks);
  }
}

function translateDatabaseError(error: unknown, checks: Record<string, CheckMeaning>): unknown {
  if (error instanceof GraphQLError) return error;
  const e = error as { code?: string; constraint?: string; previous?: { code?: string; constraint?: string } };
  const code = e.code ?? e.previous?.code;
  const constraint = e.constraint ?? e.previous?.constraint;
  if (code === '23514') {
    const meaning = constraint ? checks[constraint] : undefined;
    if (meaning) return inputError(meaning.field, meaning.message, 'CONSTRAINT');
    return new BadUserInputError(`the input breaks the rule ${constraint ?? '(unnamed)'}`);
  }
  if (code === '23505') return new ConflictError('another write added the same row at the same time; try again');
  if (code === '22001') return new BadUserInputError('a text is longer than its field allows');
  if (code === '40001' || code === '40P01') return new ConflictError('another write changed the same rows at the same time; try again');
  return error;
}

/** The numeric key of a global id of `type`; anything else is BAD_USER_INPUT naming `field`. */
export function numericIdOf(id: string, type: string, field: string): number {
  const parsed = fromGlobalId(id);
  if (parsed?.type === type && /^\d{1,9}$/.test(parsed.key)) return Number(parsed.key);
  throw new BadUserInputError(`${field} is not the id of a ${type}`, field);
}
