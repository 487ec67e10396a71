import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { quotedValue } from '../input-rules.js';

/**
 * A calendar date, YYYY-MM-DD. Dates in this domain are China calendar
 * dates (the day a decision was made in Xining), never UTC instants, so
 * they travel as strings and are stored in `date` columns.
 */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function parse(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw new GraphQLError(`Date must be a real calendar date written YYYY-MM-DD, got ${quotedValue(value)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: '日期 (a calendar date in China time, YYYY-MM-DD)',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string') return value.slice(0, 10);
    throw new GraphQLError(`Date cannot represent ${quotedValue(value)}`);
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('Date must be a string written YYYY-MM-DD', { nodes: ast, extensions: { code: 'BAD_USER_INPUT' } });
    }
    return parse(ast.value);
  },
});
