/**
 * 统一社会信用代码 (unified social credit code, GB 32100-2015).
 *
 * Layout of the 18 characters (1-based positions):
 *   1      registration-management department code (登记管理部门码)
 *   2      organisation category code (机构类别码)
 *   3–8    administrative-division code of the registering authority (登记管理机关行政区划码): digits
 *   9–17   organisation code (主体标识码, the old 组织机构代码 body)
 *   18     check character (校验码)
 *
 * Characters come from the 31-character set below (I, O, S, V, Z are never used);
 * a character's value is its index in that set. The check character is the one
 * whose value is 31 − (Σ value(c_i)·w_i mod 31) over positions 1..17, where a
 * result of 31 maps to 0.
 *
 * Pure functions only (no I/O), plus the `CreditCode` GraphQL scalar.
 */
import { GraphQLError, GraphQLScalarType, Kind, print, type ValueNode } from 'graphql';

/** The code's alphabet; a character's value is its index here. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights for positions 1..17 (3^(i−1) mod 31). */
const CREDIT_CODE_WEIGHTS: readonly number[] = [
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

export const CREDIT_CODE_LENGTH = 18;

/** Which rule a code failed, in the order the rules are checked. */
type CreditCodeRule = 'TYPE' | 'LENGTH' | 'CHARSET' | 'REGION_DIGITS' | 'CHECK_CHARACTER';

export type CreditCodeCheck =
  | { ok: true; code: string }
  | { ok: false; rule: CreditCodeRule; message: string };

const FORBIDDEN_LETTERS = new Set(['I', 'O', 'S', 'V', 'Z']);

/** Only ASCII lower-case letters are normalised; nothing else is touched. */
function upperAscii(ch: string): string {
  return ch >= 'a' && ch <= 'z' ? ch.toUpperCase() : ch;
}

/** Quote a character for a message; invisible/control/space characters are shown as U+XXXX. */
function showChar(ch: string): string {
  if (/^[\p{C}\p{Z}]$/u.test(ch)) {
    return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `'${ch}'`;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Length and character-set checks shared by the full check and the check
 * character computation. `chars` are the input's code points (so a non-BMP
 * character counts as one character).
 */
function checkCharacters(
  input: string,
  expectedLength: number,
  what: string,
): { ok: true; upper: string } | { ok: false; rule: 'LENGTH' | 'CHARSET'; message: string } {
  const chars = Array.from(input);
  if (chars.length !== expectedLength) {
    return {
      ok: false,
      rule: 'LENGTH',
      message: `${what} must be ${expectedLength} characters, got ${chars.length}`,
    };
  }
  let upper = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const up = upperAscii(ch);
    if (up.length !== 1 || !CREDIT_CODE_CHARSET.includes(up)) {
      const reason = FORBIDDEN_LETTERS.has(up)
        ? 'I, O, S, V, Z are never used'
        : 'only digits and the letters ABCDEFGHJKLMNPQRTUWXY are used';
      return {
        ok: false,
        rule: 'CHARSET',
        message: `${what} character ${i + 1} (${showChar(ch)}) is not allowed (${reason})`,
      };
    }
    upper += up;
  }
  return { ok: true, upper };
}

/** Check character for an already-validated, upper-case 17-character prefix. */
function computeCheckCharacter(upper17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += CREDIT_CODE_CHARSET.indexOf(upper17[i]!) * CREDIT_CODE_WEIGHTS[i]!;
  }
  const value = 31 - (sum % 31);
  return CREDIT_CODE_CHARSET[value === 31 ? 0 : value]!;
}

/**
 * Validate a unified social credit code. Lower-case ASCII letters are
 * normalised to upper case; no other normalisation (whitespace, full-width
 * characters, …) is done. On success `code` is the normalised code.
 */
export function checkCreditCode(input: unknown): CreditCodeCheck {
  if (typeof input !== 'string') {
    return { ok: false, rule: 'TYPE', message: `credit code must be a string, got ${describeType(input)}` };
  }
  const chars = checkCharacters(input, CREDIT_CODE_LENGTH, 'credit code');
  if (!chars.ok) return chars;
  const code = chars.upper;

  for (let i = 2; i < 8; i++) {
    const ch = code[i]!;
    if (ch < '0' || ch > '9') {
      return {
        ok: false,
        rule: 'REGION_DIGITS',
        message:
          `credit code character ${i + 1} ('${ch}') must be a digit ` +
          `(characters 3–8 are the administrative-division code)`,
      };
    }
  }

  const expected = computeCheckCharacter(code.slice(0, 17));
  const actual = code[17]!;
  if (actual !== expected) {
    return {
      ok: false,
      rule: 'CHECK_CHARACTER',
      message: `credit code check character should be '${expected}', got '${actual}'`,
    };
  }
  return { ok: true, code };
}

/**
 * The check character (position 18) for a 17-character prefix. Lower case is
 * accepted. Throws a RangeError if the prefix has the wrong length or a
 * character outside the code's alphabet.
 */
export function creditCodeCheckCharacter(first17: string): string {
  if (typeof first17 !== 'string') {
    throw new TypeError(`credit code prefix must be a string, got ${describeType(first17)}`);
  }
  const chars = checkCharacters(first17, 17, 'credit code prefix');
  if (!chars.ok) throw new RangeError(chars.message);
  return computeCheckCharacter(chars.upper);
}

/**
 * A complete, valid, upper-case credit code: `first17` plus its check
 * character. Throws if `first17` is not 17 allowed characters or if positions
 * 3–8 are not digits.
 */
export function makeCreditCode(first17: string): string {
  const code = first17 + creditCodeCheckCharacter(first17);
  const result = checkCreditCode(code);
  if (!result.ok) throw new RangeError(result.message.replace(/^credit code/, 'credit code prefix'));
  return result.code;
}

/** A literal as a message shows it: at most its first 100 characters (a 900 KB list literal is not echoed back). */
function shortLiteral(ast: ValueNode): string {
  const text = print(ast);
  return text.length > 100 ? `${text.slice(0, 100)}… (${text.length} characters)` : text;
}

function badInput(rule: CreditCodeRule, message: string, node?: ValueNode): GraphQLError {
  return new GraphQLError(message, {
    ...(node ? { nodes: node } : {}),
    extensions: { code: 'BAD_USER_INPUT', rule },
  });
}

export const CreditCodeScalar = new GraphQLScalarType<string, string>({
  name: 'CreditCode',
  description:
    '统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters, check character verified; ' +
    'lower case is accepted and normalised to upper case.',
  serialize(value: unknown): string {
    if (typeof value !== 'string') {
      throw new GraphQLError(`CreditCode cannot serialize a non-string value (${describeType(value)})`);
    }
    return value;
  },
  parseValue(value: unknown): string {
    const result = checkCreditCode(value);
    if (!result.ok) throw badInput(result.rule, result.message);
    return result.code;
  },
  parseLiteral(ast: ValueNode): string {
    if (ast.kind !== Kind.STRING) {
      throw badInput('TYPE', `credit code must be a string, got ${shortLiteral(ast)}`, ast);
    }
    const result = checkCreditCode(ast.value);
    if (!result.ok) throw badInput(result.rule, result.message, ast);
    return result.code;
  },
});
