import { GraphQLError } from 'graphql';

/**
 * The one error module: every error Gongkai raises for a client is one of the classes below, each of one kind
 * (`extensions.code`). Masking is by class (server/apollo.ts): a ClientError reaches the client as it is, message and
 * extensions; anything else thrown during execution is our fault and reaches it as INTERNAL_SERVER_ERROR (or, when the
 * database cannot answer, SERVICE_UNAVAILABLE), the detail only in the log.
 */
export const ErrorCode = {
  /** The input is wrong: names the field (`extensions.field`), often every problem (`extensions.issues`). */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** No token where one is needed, or a token that is not accepted. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The token may not do this. */
  FORBIDDEN: 'FORBIDDEN',
  /** What the input names does not exist (or is not visible to the caller). */
  NOT_FOUND: 'NOT_FOUND',
  /** The stored state moved on (already done, a stale version, a concurrent write): read again, then retry. */
  CONFLICT: 'CONFLICT',
  /** The operation is over one of the role's limits: ask less. */
  OPERATION_LIMIT: 'OPERATION_LIMIT',
  /** Only the server's trusted documents may be run without a token. */
  PERSISTED_QUERY_NOT_IN_LIST: 'PERSISTED_QUERY_NOT_IN_LIST',
  /** The database is unavailable or too busy: retry later (HTTP 503, Retry-After). */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** Our fault: the client learns nothing more, the log has the detail under the request id. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One problem with an input: where (`input.details.procurementResult.awardAmount`), a stable code, why. */
export interface InputIssue {
  path: string;
  code: string;
  message: string;
}

/** What an error adds to `extensions` besides its code. */
type Extensions = Record<string, unknown>;

/** An error a client is told as it is (message and extensions): a refusal, never a fault of ours. */
export abstract class ClientError extends GraphQLError {
  protected constructor(code: ErrorCode, message: string, extensions: Extensions = {}) {
    super(message, { extensions: { code, ...extensions } });
  }
}

/** Bad input from the client: names the argument or field path and the reason. */
export class BadUserInputError extends ClientError {
  /** `extensions`: what a refusal adds, such as every issue (InputIssuesError) or an import's row issues. */
  constructor(message: string, field?: string, extensions: Extensions = {}) {
    super(ErrorCode.BAD_USER_INPUT, message, { ...(field !== undefined && field !== '' ? { field } : {}), ...extensions });
  }
}

/**
 * Bad input with every problem at once: `field` is the first one's path, `issues` lists them all. The message lists
 * every problem with its path, unless given (InputIssues: the messages alone, as the mutations have always said them).
 */
export class InputIssuesError extends BadUserInputError {
  constructor(issues: readonly InputIssue[], http?: { status: number }, message = `${issues.length} problem(s) with the input: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`) {
    // `field` is always present here, '' when there is no issue to name it.
    super(message, undefined, { field: issues[0]?.path ?? '', issues, ...(http ? { http } : {}) });
  }
}

/**
 * Collects every problem of one input, so a client fixes them all in one round trip. `throwIfAny` refuses with
 * BAD_USER_INPUT naming the first problem's field and listing all of them in `extensions.issues`.
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

/** The issues as one refusal, its message the issues' messages alone (one: its message; more: counted and joined). */
function issuesError(issues: readonly InputIssue[]): InputIssuesError {
  const message = issues.length === 1 ? issues[0]!.message : `${issues.length} problems: ${issues.map((i) => i.message).join('; ')}`;
  return new InputIssuesError(issues, undefined, message);
}

/** One problem found while writing (inside the transaction, which it rolls back). */
export function inputError(path: string, message: string, code = 'INVALID'): InputIssuesError {
  return issuesError([{ path, code, message }]);
}

export class NotFoundError extends ClientError {
  /** `field`: the input path that named the missing thing. */
  constructor(message: string, field?: string) {
    super(ErrorCode.NOT_FOUND, message, field ? { field } : {});
  }
}

export class ForbiddenError extends ClientError {
  /** `extensions`: what a refusal adds (an import's row issues). */
  constructor(message: string, extensions: Extensions = {}) {
    super(ErrorCode.FORBIDDEN, message, extensions);
  }
}

/** No token where one is needed (every mutation, the non-public reads), or a token that is not accepted. */
export class UnauthenticatedError extends ClientError {
  constructor(message = 'this needs an API token (Authorization: Bearer …)') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

/**
 * A refusal because the stored state moved on: already revoked, already extended, a stale version, or a concurrent
 * write that took the same row first (a unique or exclusion constraint, a serialisation failure, a deadlock).
 */
export class ConflictError extends ClientError {
  constructor(message: string) {
    super(ErrorCode.CONFLICT, message);
  }
}

/**
 * An operation over one of the viewer's limits (server/limits/limits.ts): names the
 * limit, the most allowed and what was measured. HTTP 400: asking less is the fix.
 */
export class OperationLimitError extends ClientError {
  constructor(limit: string, max: number, measured: number, message = `${limit} ${measured} exceeds the limit of ${max}`) {
    super(ErrorCode.OPERATION_LIMIT, message, { limit, max, measured, http: { status: 400 } });
  }
}

/** An anonymous request for a document that is not one of the server's trusted documents (HTTP 400). */
export class PersistedQueryNotInListError extends ClientError {
  constructor(message: string) {
    super(ErrorCode.PERSISTED_QUERY_NOT_IN_LIST, message, { http: { status: 400 } });
  }
}

/**
 * The request's time ran out while it waited for a pooled database connection:
 * the server is overloaded, not the request too big. HTTP 503 with Retry-After
 * (server/unavailable.ts): retrying later is the fix. Not a ClientError: every
 * unavailable database reaches the client with the same message.
 */
export class DatabaseBusyError extends GraphQLError {
  constructor(ms: number) {
    super(`the database is too busy to answer in time (waited ${ms} ms for a connection); retry later`, {
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
    });
  }
}
