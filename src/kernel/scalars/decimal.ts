import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { quotedValue } from '../input-rules.js';

/**
 * Money in yuan, exact: a decimal string ("1234567.89"), never a float,
 * since 0.1 + 0.2 is not 0.3 and budgets are summed. Stored as numeric(18,2).
 */
const DECIMAL = /^-?\d{1,16}(\.\d{1,2})?$/;

function parse(value: unknown): string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) value = String(value);
  if (typeof value !== 'string' || !DECIMAL.test(value)) {
    throw new GraphQLError(
      `Decimal must be a string of digits with at most 2 decimals (yuan and fen), e.g. "1234567.89"; got ${quotedValue(value)}`,
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  return value;
}

export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: '金额 (money in yuan as an exact decimal string, e.g. "1234567.89")',
  serialize(value) {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'bigint') return String(value);
    throw new GraphQLError(`Decimal cannot represent ${quotedValue(value)}`);
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT) return parse(ast.value);
    throw new GraphQLError('Decimal must be written as a string, e.g. "1234567.89"', {
      nodes: ast,
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
});
