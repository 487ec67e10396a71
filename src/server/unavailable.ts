import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../kernel/context.js';

/**
 * The database is down, frozen, overloaded or too slow for this request: the
 * client is told 503 SERVICE_UNAVAILABLE with Retry-After, a temporary state
 * worth retrying, never an INTERNAL_SERVER_ERROR (our fault) or a hang.
 */
export const UNAVAILABLE_CODE = 'SERVICE_UNAVAILABLE';
export const UNAVAILABLE_MESSAGE = 'the database is unavailable or too busy to answer in time; retry later';
export const RETRY_AFTER_SECONDS = 5;

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** SQLSTATEs (PostgreSQL appendix A): connection exceptions, shutdown, too many connections, a cancelled (timed-out) statement. */
function unavailableState(code: string): boolean {
  // 08P01 (protocol violation) is this request's own doing, not an outage.
  return (code.startsWith('08') && code !== '08P01') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300' || code === '57014';
}

// pg's words when the server stops answering: its own read timeout, a connect timeout, a dropped connection;
// and knex's when no pooled connection came in time, as MikroORM rethrows it (a DriverException that copies
// the message but renames the error and keeps no link to it, so the name KnexTimeoutError is lost).
const DRIVER_MESSAGES =
  /Query read timeout|timeout exceeded when trying to connect|Connection terminated|Connection ended unexpectedly|Client has encountered a connection error|^timeout expired$|^Knex: Timeout acquiring a connection/i;

/** Whether `err`, or any error it wraps (GraphQL's originalError, MikroORM's previous, a cause), says the database cannot answer now. */
export function databaseUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>();
  let current = err as { name?: unknown; code?: unknown; message?: unknown; originalError?: unknown; previous?: unknown; cause?: unknown } | undefined;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    // Knex gives up waiting for a pooled connection (acquireTimeoutMillis).
    if (current.name === 'KnexTimeoutError') return true;
    // Out of time while queued for a connection (schema/errors.ts DatabaseBusyError).
    if ((current as { extensions?: { code?: unknown } }).extensions?.code === UNAVAILABLE_CODE) return true;
    if (typeof current.code === 'string' && (NETWORK_CODES.has(current.code) || unavailableState(current.code))) return true;
    if (typeof current.message === 'string' && DRIVER_MESSAGES.test(current.message)) return true;
    current = (current.originalError ?? current.previous ?? current.cause) as typeof current;
  }
  return false;
}

/** An operation that failed for want of the database answers 503 with Retry-After, whatever else it got. */
export const serviceUnavailableStatus: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, errors }) {
        if (!errors?.some((error) => databaseUnavailable(error))) return;
        response.http.status = 503;
        response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        // An error Apollo could not format (one raised where the executor has no path for it)
        // reaches here as a bare INTERNAL_SERVER_ERROR: with the database gone, that is what it was.
        if (response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        result.errors = result.errors?.map((error) =>
          error.extensions?.code === 'INTERNAL_SERVER_ERROR' ? { ...error, message: UNAVAILABLE_MESSAGE, extensions: { code: UNAVAILABLE_CODE } } : error,
        );
      },
    };
  },
};
