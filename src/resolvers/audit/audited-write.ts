import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { appendAudit, type AuditWrite } from './audit-log.js';
import { BadUserInputError, ConflictError, inputError, type ClientError } from '../../kernel/errors.js';
import { fromGlobalId } from '../../kernel/node.js';
import type { Viewer } from '../../kernel/viewer.js';
import type { Logger } from '../../logger.js';

/** Who writes: a request's context, or the operator at the terminal (the CLI, with no request). */
export interface Writer {
  em: EntityManager;
  viewer: Viewer;
  requestId: string | null;
  /** Where a refusal by the database is noted (the client is told what it means, the log what it was). */
  logger?: Logger;
}

/**
 * What a write did: its result, and the audit entries to append in its transaction. A write that appends its own
 * entries in the statements that write its rows (writeRecords: one statement for a batch's rows and their entries)
 * says so with an empty list.
 */
export interface AuditedResult<T> {
  result: T;
  audit: readonly AuditWrite[];
}

/** What a database constraint means, in the input's terms: the field it is about and what to tell the client. */
interface ConstraintMeaning {
  field: string;
  message: string;
}

/** Constraint meanings by constraint name (a not-null column: by column name). */
export type ConstraintMeanings = Readonly<Record<string, ConstraintMeaning>>;

/**
 * The one write path of every mutation: runs `write` and appends its audit entries in one transaction, so both commit
 * or neither does. What PostgreSQL refuses becomes a refusal the client can act on, never INTERNAL_SERVER_ERROR (see
 * databaseRefusal): a concurrent write that took the same row, a serialisation failure or a deadlock is CONFLICT; a
 * broken CHECK, foreign key or not-null rule, or a value the column cannot hold, is BAD_USER_INPUT, naming the field
 * where `meanings` knows the constraint. The constraints are the last word on coherence, whatever the code checked.
 * Anything else (a fault of ours, an unavailable database) is thrown as it is.
 */
export async function writeAudited<T>(
  writer: Writer,
  write: (tx: EntityManager) => Promise<AuditedResult<T>>,
  meanings: ConstraintMeanings = {},
): Promise<T> {
  try {
    return await writer.em.fork().transactional(async (tx) => {
      const { result, audit } = await write(tx);
      await appendAudit(tx, writer.viewer, writer.requestId, audit);
      return result;
    });
  } catch (error) {
    const refusal = databaseRefusal(error, meanings);
    if (!refusal) throw error;
    writer.logger?.info({ err: error, refusal: refusal.message }, 'write refused by the database');
    throw refusal;
  }
}

/** The fields of a PostgreSQL error (pg's DatabaseError, or MikroORM's exception that copies them, or wraps it as `previous`). */
interface PgFields {
  code?: string;
  constraint?: string;
  column?: string;
  table?: string;
  detail?: string;
  previous?: PgFields;
}

const CONCURRENT_ROW = 'another write added the same row at the same time; try again';
const CONCURRENT_CHANGE = 'another write changed the same rows at the same time; try again';

/** Values a column cannot hold (class 22, data exceptions), in the client's terms; any other data exception is ours. */
const BAD_VALUES: Readonly<Record<string, string>> = {
  '22001': 'a text is longer than its field allows',
  '22003': 'a number is outside the range its field allows',
  '22007': 'a date or time is not one its field can hold',
  '22008': 'a date or time is not one its field can hold',
  '22P02': 'a value is not written the way its field needs',
  '22021': 'a text holds a character the database cannot store',
  '22P05': 'a text holds a character the database cannot store',
};

/**
 * What a database error means to the client, or undefined when it is not the client's to fix (then it stays an
 * internal error, or SERVICE_UNAVAILABLE for an unavailable database). An error already meant for a client passes.
 *
 * - CONFLICT: unique_violation 23505 and exclusion_violation 23P01 (another write stored that row first),
 *   serialization_failure 40001 and deadlock_detected 40P01 (concurrent writes; retrying succeeds), and a row still
 *   referred to (restrict_violation 23001, or foreign_key_violation 23503 on a delete or key change).
 * - BAD_USER_INPUT: check_violation 23514, foreign_key_violation 23503 (names something that does not exist),
 *   not_null_violation 23502, and values a column cannot hold (BAD_VALUES). Named through `meanings` by constraint
 *   (or column) where known: `field`, `issues` with code CONSTRAINT.
 */
export function databaseRefusal(error: unknown, meanings: ConstraintMeanings = {}): ClientError | undefined {
  if (error instanceof GraphQLError || error === null || typeof error !== 'object') return undefined;
  const e = error as PgFields;
  const pick = <K extends keyof PgFields>(key: K): PgFields[K] => e[key] ?? e.previous?.[key];
  const code = pick('code');
  const constraint = pick('constraint');
  const column = pick('column');
  const detail = pick('detail') ?? '';
  const meaning = (constraint ? meanings[constraint] : undefined) ?? (column ? meanings[column] : undefined);
  const named = (fallback: () => ClientError) => (meaning ? inputError(meaning.field, meaning.message, 'CONSTRAINT') : fallback());
  const rule = constraint ?? '(unnamed)';
  switch (code) {
    case '23505':
      return new ConflictError(meaning?.message ?? CONCURRENT_ROW);
    case '23P01':
      return new ConflictError(meaning?.message ?? `another write stored an overlapping row (rule ${rule}); read it again and try again`);
    case '40001':
    case '40P01':
      return new ConflictError(CONCURRENT_CHANGE);
    case '23001':
      return new ConflictError(`the row is still referred to by another (rule ${rule}); read it again`);
    case '23503': {
      if (/still referenced/.test(detail)) return new ConflictError(`the row is still referred to by another (rule ${rule}); read it again`);
      const table = /is not present in table "([^"]+)"/.exec(detail)?.[1];
      return named(() => new BadUserInputError(`the input names ${table ? `a ${table} row` : 'something'} that does not exist (rule ${rule})`));
    }
    case '23514':
      return named(() => new BadUserInputError(`the input breaks the rule ${rule}`));
    case '23502':
      return named(() => new BadUserInputError(`the input leaves out a required value${column ? ` (${column})` : ''}`));
    default: {
      const bad = code ? BAD_VALUES[code] : undefined;
      return bad ? named(() => new BadUserInputError(bad)) : undefined;
    }
  }
}

/** The numeric key of a global id of `type`; anything else is BAD_USER_INPUT naming `field`. */
export function numericIdOf(id: string, type: string, field: string): number {
  const parsed = fromGlobalId(id);
  if (parsed?.type === type && /^\d{1,9}$/.test(parsed.key)) return Number(parsed.key);
  throw new BadUserInputError(`${field} is not the id of a ${type}`, field);
}
