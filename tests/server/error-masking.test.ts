import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ConflictError, DatabaseBusyError, InputIssuesError, OperationLimitError } from '../../src/kernel/errors.js';
import { shownToClient } from '../../src/server/apollo.js';

/** An error as graphql-js or graphql-jit reports a resolver's: located at a path, the thrown error inside. */
const located = (thrown: Error) => new GraphQLError(thrown.message, { path: ['field'], originalError: thrown });

describe('masking is by class', () => {
  it('shows a ClientError, thrown in a resolver or before any ran (a plugin, the context)', () => {
    expect(shownToClient(located(new ConflictError('already revoked')))).toBe(true);
    expect(shownToClient(new InputIssuesError([{ path: 'x', code: 'REQUIRED', message: 'x is required' }], { status: 400 }))).toBe(true);
    expect(shownToClient(new OperationLimitError('depth', 10, 12))).toBe(true);
  });

  it('masks anything else a resolver throws, whatever code it claims', () => {
    expect(shownToClient(located(new GraphQLError('ad hoc', { extensions: { code: 'CONFLICT' } })))).toBe(false);
    expect(shownToClient(new GraphQLError('ad hoc', { path: ['field'], extensions: { code: 'BAD_USER_INPUT' } }))).toBe(false);
    expect(shownToClient(located(new TypeError('x is undefined')))).toBe(false);
    expect(shownToClient(located(Object.assign(new Error('duplicate key'), { code: '23505' })))).toBe(false);
    // Shown as the database being unavailable (formatError), never as it is.
    expect(shownToClient(located(new DatabaseBusyError(500)))).toBe(false);
  });

  it('shows graphql-js\'s and Apollo\'s refusals of the request itself, known by their code', () => {
    expect(shownToClient(new GraphQLError('Syntax Error: Unexpected Name', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } }))).toBe(true);
    expect(shownToClient(new GraphQLError('Variable "$d" got invalid value', { extensions: { code: 'BAD_USER_INPUT' } }))).toBe(true);
    expect(shownToClient(new GraphQLError('not ours', { extensions: { code: 'CONFLICT' } }))).toBe(false);
    expect(shownToClient(new Error('plain'))).toBe(false);
  });
});
