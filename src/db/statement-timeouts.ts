import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A statement_timeout per request, so a supervisor's yearly tally may run for a
 * minute while an anonymous reader's statement is stopped after ten seconds
 * (the role's `timeMs` limit, server/limits/limits.ts).
 *
 * The pool is shared by every role, so the timeout cannot be a property of a
 * connection. Instead the request's timeout travels with its async context
 * (MikroORM's transactions already use AsyncLocalStorage, so the promise hooks
 * it needs are on anyway), and each pooled connection, just before sending a
 * statement, sends `set statement_timeout` when the statement's request wants a
 * different one from what the connection has. Anonymous requests want the
 * baseline the connection starts with, so the common case sends nothing extra.
 */
const requested = new AsyncLocalStorage<number>();

/** Runs `work` so that every statement it sends is stopped by the server after `ms`. */
export function withStatementTimeout<T>(ms: number, work: () => T): T {
  return requested.run(Math.round(ms), work);
}

/** The driver gives up on an answer this long after the server should have stopped the statement. */
export const READ_GRACE_MS = 2_000;

type QueryCallback = (err: Error | null, result?: unknown) => void;

export interface PgConnectionLike {
  query(...args: unknown[]): unknown;
}

/**
 * Makes a pooled connection (whose statement_timeout is `baselineMs`) follow the
 * timeout of the request sending each statement. pg sends a connection's queries
 * in order, so the `set` always precedes the statement it is for.
 */
export function followRequestTimeouts(connection: PgConnectionLike, baselineMs: number): void {
  const send = connection.query.bind(connection) as (...args: unknown[]) => unknown;
  const baseline = Math.round(baselineMs);
  // What the session's setting is now; undefined when unknown (after a rollback, or a failed set).
  let current: number | undefined = baseline;
  connection.query = (...args: unknown[]) => {
    const want = requested.getStore() ?? baseline;
    if (want !== current) {
      current = want;
      send(`set statement_timeout = ${want}`, ((err) => {
        if (err) current = undefined;
      }) as QueryCallback);
    }
    const [first] = args;
    // A set made inside a transaction is undone by its rollback (or a savepoint's): ask again next time.
    if (isRollback(first)) current = undefined;
    // The driver's own read timeout must outlast the server's, which answers with a clear 57014; at the
    // baseline the connection's own (baseline + grace) already does, so the common statement is sent as it is.
    if (want !== baseline && isPlainQueryConfig(first) && first.query_timeout === undefined) {
      args[0] = { ...first, query_timeout: want + READ_GRACE_MS };
    }
    return send(...args);
  };
}

function isPlainQueryConfig(value: unknown): value is { text: string; query_timeout?: number } {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype && typeof (value as { text?: unknown }).text === 'string';
}

function isRollback(value: unknown): boolean {
  const text = typeof value === 'string' ? value : isPlainQueryConfig(value) ? value.text : '';
  return /^\s*rollback\b/i.test(text);
}
