import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { BadUserInputError, ClientError, ConflictError, ErrorCode, ForbiddenError, InputIssuesError } from '../../src/kernel/errors.js';
import { databaseRefusal } from '../../src/resolvers/audit/audited-write.js';

/** A PostgreSQL error as pg gives it (fields on the error), or as MikroORM wraps it (copied, and kept as `previous`). */
function pgError(fields: { code: string; constraint?: string; column?: string; detail?: string }): Error {
  return Object.assign(new Error('database says no'), fields);
}

function wrapped(fields: Parameters<typeof pgError>[0]): Error {
  return Object.assign(new Error('wrapped'), { previous: pgError(fields) });
}

const refusalOf = (error: unknown, meanings = {}) => {
  const refusal = databaseRefusal(error, meanings);
  return refusal && { code: refusal.extensions.code, message: refusal.message, extensions: refusal.extensions };
};

describe('what a refusal by PostgreSQL means to the client', () => {
  it.each([
    ['23505', 'unique_violation', ErrorCode.CONFLICT, 'another write added the same row at the same time; try again'],
    ['23P01', 'exclusion_violation', ErrorCode.CONFLICT, 'another write stored an overlapping row (rule some_rule); read it again and try again'],
    ['40001', 'serialization_failure', ErrorCode.CONFLICT, 'another write changed the same rows at the same time; try again'],
    ['40P01', 'deadlock_detected', ErrorCode.CONFLICT, 'another write changed the same rows at the same time; try again'],
    ['23001', 'restrict_violation', ErrorCode.CONFLICT, 'the row is still referred to by another (rule some_rule); read it again'],
    ['23503', 'foreign_key_violation', ErrorCode.BAD_USER_INPUT, 'the input names something that does not exist (rule some_rule)'],
    ['23514', 'check_violation', ErrorCode.BAD_USER_INPUT, 'the input breaks the rule some_rule'],
    ['23502', 'not_null_violation', ErrorCode.BAD_USER_INPUT, 'the input leaves out a required value (some_column)'],
    ['22001', 'string_data_right_truncation', ErrorCode.BAD_USER_INPUT, 'a text is longer than its field allows'],
    ['22003', 'numeric_value_out_of_range', ErrorCode.BAD_USER_INPUT, 'a number is outside the range its field allows'],
    ['22007', 'invalid_datetime_format', ErrorCode.BAD_USER_INPUT, 'a date or time is not one its field can hold'],
    ['22008', 'datetime_field_overflow', ErrorCode.BAD_USER_INPUT, 'a date or time is not one its field can hold'],
    ['22P02', 'invalid_text_representation', ErrorCode.BAD_USER_INPUT, 'a value is not written the way its field needs'],
    ['22021', 'character_not_in_repertoire', ErrorCode.BAD_USER_INPUT, 'a text holds a character the database cannot store'],
  ])('%s (%s) is %s', (code, _name, expected, message) => {
    for (const error of [pgError({ code, constraint: 'some_rule', column: 'some_column' }), wrapped({ code, constraint: 'some_rule', column: 'some_column' })]) {
      expect(refusalOf(error)).toEqual({ code: expected, message, extensions: { code: expected } });
    }
  });

  it('names the field and the reason where the constraint (or the not-null column) is known, as the input rules do', () => {
    const meanings = { request_reason_given: { field: 'reason', message: 'reason must not be blank' }, name: { field: 'input.name', message: 'input.name is required' } };
    expect(refusalOf(pgError({ code: '23514', constraint: 'request_reason_given' }), meanings)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'reason must not be blank',
      extensions: { code: 'BAD_USER_INPUT', field: 'reason', issues: [{ path: 'reason', code: 'CONSTRAINT', message: 'reason must not be blank' }] },
    });
    expect(refusalOf(pgError({ code: '23502', column: 'name' }), meanings)?.extensions).toMatchObject({ field: 'input.name' });
    expect(refusalOf(pgError({ code: '23505', constraint: 'request_reason_given' }), meanings)).toMatchObject({ code: 'CONFLICT', message: 'reason must not be blank' });
  });

  it('tells a foreign key to nothing (bad input) from a row still referred to (the stored state moved on)', () => {
    const missing = pgError({ code: '23503', constraint: 'entry_subject_foreign', detail: 'Key (credit_code)=(X) is not present in table "subject".' });
    expect(refusalOf(missing)).toMatchObject({ code: 'BAD_USER_INPUT', message: 'the input names a subject row that does not exist (rule entry_subject_foreign)' });
    const referenced = pgError({ code: '23503', constraint: 'entry_subject_foreign', detail: 'Key (credit_code)=(X) is still referenced from table "credit_entry".' });
    expect(refusalOf(referenced)).toMatchObject({ code: 'CONFLICT' });
  });

  it('leaves anything else as it is: our faults, an unavailable database, an error already meant for a client', () => {
    for (const code of ['42P01', '42703', 'XX000', '57014', '08006', '53300', '22012']) expect(databaseRefusal(pgError({ code }))).toBeUndefined();
    expect(databaseRefusal(new TypeError('x is undefined'))).toBeUndefined();
    expect(databaseRefusal(new ConflictError('already revoked'))).toBeUndefined();
    expect(databaseRefusal(undefined)).toBeUndefined();
    expect(databaseRefusal('a string')).toBeUndefined();
  });
});

describe('the error module', () => {
  it('has one class per kind, each a ClientError with its code, and the shapes clients see', () => {
    expect(new BadUserInputError('bad', 'input.x').extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.x' });
    expect(new BadUserInputError('bad').extensions).toEqual({ code: 'BAD_USER_INPUT' });
    const issues = [{ path: 'a', code: 'REQUIRED', message: 'a is required' }, { path: 'b', code: 'TOO_LONG', message: 'b is too long' }];
    const listed = new InputIssuesError(issues, { status: 400 });
    expect(listed).toBeInstanceOf(BadUserInputError);
    expect(listed.message).toBe('2 problem(s) with the input: a: a is required; b: b is too long');
    expect(listed.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'a', issues, http: { status: 400 } });
    expect(new ForbiddenError('no', { issues: [] }).extensions).toEqual({ code: 'FORBIDDEN', issues: [] });
    for (const error of [listed, new ConflictError('moved on'), new ForbiddenError('no')]) {
      expect(error).toBeInstanceOf(ClientError);
      expect(error).toBeInstanceOf(GraphQLError);
    }
  });
});
