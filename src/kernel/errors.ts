import { GraphQLError } from 'graphql';

/** Bad input from the client: names the argument or field path and the reason. */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, field?: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });
  }
}

/** One problem with an input: where (`input.details.procurementResult.awardAmount`), a stable code, why. */
export interface InputIssue {
  path: string;
  code: string;
  message: string;
}

/** Bad input with every problem at once: `field` is the first one's path, `issues` lists them all. */
export class InputIssuesError extends GraphQLError {
  constructor(issues: readonly InputIssue[], http?: { status: number }) {
    super(`${issues.length} problem(s) with the input: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, {
      extensions: { code: 'BAD_USER_INPUT', field: issues[0]?.path ?? '', issues, ...(http ? { http } : {}) },
    });
  }
}

export class NotFoundError extends GraphQLError {
  /** `field`: the input path that named the missing thing. */
  constructor(message: string, field?: string) {
    super(message, { extensions: { code: 'NOT_FOUND', ...(field ? { field } : {}) } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'FORBIDDEN' } });
  }
}

/**
 * The request's time ran out while it waited for a pooled database connection:
 * the server is overloaded, not the request too big. HTTP 503 with Retry-After
 * (server/unavailable.ts): retrying later is the fix.
 */
export class DatabaseBusyError extends GraphQLError {
  constructor(ms: number) {
    super(`the database is too busy to answer in time (waited ${ms} ms for a connection); retry later`, {
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
  }
}

/**
 * An operation over one of the viewer's limits (server/limits/limits.ts): names the
 * limit, the most allowed and what was measured. HTTP 400: asking less is the fix.
 */
export class OperationLimitError extends GraphQLError {
  constructor(limit: string, max: number, measured: number, message = `${limit} ${measured} exceeds the limit of ${max}`) {
    super(message, { extensions: { code: 'OPERATION_LIMIT', limit, max, measured, http: { status: 400 } } });
  }
}
