import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { quotedValue } from '../input-rules.js';

/**
 * An exact measured quantity with up to 4 decimals ("12.3456"): what the
 * model stores in numeric(16,4) columns (Area.value in 平方千米 or 公顷, tonnes
 * of an emission right). Money stays Decimal (2 decimals, yuan and fen); a
 * quantity keeps its 4, so an input can carry whatever the model stores.
 */
const QUANTITY = /^-?\d{1,12}(\.\d{1,4})?$/;

function parse(value: unknown): string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) value = String(value);
  if (typeof value !== 'string' || !QUANTITY.test(value)) {
    throw new GraphQLError(
      `Measure must be a string of at most 12 digits with at most 4 decimals, e.g. "1234.5678"; got ${quotedValue(value)}`,
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  return value;
}

export const MeasureScalar = new GraphQLScalarType<string, string>({
  name: 'Measure',
  description: '量值 (an area or a quantity as an exact decimal string with up to 4 decimals, e.g. "1234.5678"; input of numeric(16,4) values)',
  serialize(value) {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'bigint') return String(value);
    throw new GraphQLError(`Measure cannot represent ${quotedValue(value)}`);
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT) return parse(ast.value);
    throw new GraphQLError('Measure must be written as a string, e.g. "1234.5678"', { nodes: ast, extensions: { code: 'BAD_USER_INPUT' } });
  },
});
