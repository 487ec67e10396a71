import { describe, it, expect } from 'vitest';
import { GraphQLError, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, graphql } from 'graphql';
import {
  CreditCodeScalar,
  checkCreditCode,
  creditCodeCheckCharacter,
  makeCreditCode,
} from '../../src/kernel/scalars/credit-code.js';

// Expected values below are written out by hand (or computed by hand in the
// comments), never produced by the code under test.

// Published, real-world codes.
const VALID_A = '91350211M000100Y46';
const VALID_B = '91440300093677087R';

// The 31 allowed characters, typed out independently of the module's constant.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function expectRule(input: unknown, rule: string, message?: string): void {
  const result = checkCreditCode(input as string);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.rule).toBe(rule);
  if (message !== undefined) expect(result.message).toBe(message);
}

describe('checkCreditCode: valid codes', () => {
  it('accepts the known valid codes unchanged', () => {
    expect(checkCreditCode(VALID_A)).toEqual({ ok: true, code: VALID_A });
    expect(checkCreditCode(VALID_B)).toEqual({ ok: true, code: VALID_B });
  });

  it('normalises lower case to upper case', () => {
    expect(checkCreditCode('91350211m000100y46')).toEqual({ ok: true, code: VALID_A });
    expect(checkCreditCode('91440300093677087r')).toEqual({ ok: true, code: VALID_B });
    // mixed case
    expect(checkCreditCode('91350211M000100y46')).toEqual({ ok: true, code: VALID_A });
  });
});

describe('checkCreditCode: TYPE', () => {
  it('rejects non-strings', () => {
    expectRule(123, 'TYPE', 'credit code must be a string, got number');
    expectRule(null, 'TYPE', 'credit code must be a string, got null');
    expectRule(undefined, 'TYPE', 'credit code must be a string, got undefined');
    expectRule({}, 'TYPE', 'credit code must be a string, got object');
    expectRule([VALID_A], 'TYPE', 'credit code must be a string, got array');
  });
});

describe('checkCreditCode: LENGTH', () => {
  it('rejects a code that is too short', () => {
    expectRule(VALID_A.slice(0, 17), 'LENGTH', 'credit code must be 18 characters, got 17');
  });
  it('rejects a code that is too long', () => {
    expectRule(VALID_A + '0', 'LENGTH', 'credit code must be 18 characters, got 19');
  });
  it('rejects the empty string', () => {
    expectRule('', 'LENGTH', 'credit code must be 18 characters, got 0');
  });
  it('does not trim whitespace', () => {
    expectRule(` ${VALID_A}`, 'LENGTH', 'credit code must be 18 characters, got 19');
    expectRule(`${VALID_A}\n`, 'LENGTH', 'credit code must be 18 characters, got 19');
  });
  it('counts a non-BMP character as one character', () => {
    // '😀' is two UTF-16 code units but one character: 17 + 1 = 18, so it fails on CHARSET, not LENGTH
    expectRule('91350211M000100Y4😀', 'CHARSET');
  });
});

describe('checkCreditCode: CHARSET', () => {
  it.each(['I', 'O', 'S', 'V', 'Z'])('rejects the forbidden letter %s', (letter) => {
    // position 9 ('M') of VALID_A replaced
    const code = `91350211${letter}000100Y46`;
    expectRule(
      code,
      'CHARSET',
      `credit code character 9 ('${letter}') is not allowed (I, O, S, V, Z are never used)`,
    );
  });

  it.each(['i', 'o', 's', 'v', 'z'])('rejects the forbidden letter %s in lower case', (letter) => {
    const code = `91350211${letter}000100Y46`;
    expectRule(
      code,
      'CHARSET',
      `credit code character 9 ('${letter}') is not allowed (I, O, S, V, Z are never used)`,
    );
  });

  it('matches the example message for character 5', () => {
    expectRule(
      '9135I211M000100Y46',
      'CHARSET',
      "credit code character 5 ('I') is not allowed (I, O, S, V, Z are never used)",
    );
  });

  it('rejects non-ASCII characters', () => {
    // full-width digit six (U+FF16) as the check character
    expectRule(
      '91350211M000100Y4６',
      'CHARSET',
      "credit code character 18 ('６') is not allowed (only digits and the letters ABCDEFGHJKLMNPQRTUWXY are used)",
    );
    // a Chinese character
    expectRule(
      '公1350211M000100Y46',
      'CHARSET',
      "credit code character 1 ('公') is not allowed (only digits and the letters ABCDEFGHJKLMNPQRTUWXY are used)",
    );
    // non-BMP character in position 18
    expectRule(
      '91350211M000100Y4😀',
      'CHARSET',
      "credit code character 18 ('😀') is not allowed (only digits and the letters ABCDEFGHJKLMNPQRTUWXY are used)",
    );
  });

  it('rejects whitespace and punctuation inside an 18-character string', () => {
    expectRule(
      ' 1350211M000100Y46',
      'CHARSET',
      'credit code character 1 (U+0020) is not allowed (only digits and the letters ABCDEFGHJKLMNPQRTUWXY are used)',
    );
    expectRule(
      '91350211-000100Y46',
      'CHARSET',
      "credit code character 9 ('-') is not allowed (only digits and the letters ABCDEFGHJKLMNPQRTUWXY are used)",
    );
  });

  it('checks CHARSET before REGION_DIGITS and CHECK_CHARACTER', () => {
    // 'O' at position 3 is both a forbidden letter and a non-digit in the region code
    expectRule('91O50211M000100Y46', 'CHARSET');
  });
});

describe('checkCreditCode: REGION_DIGITS', () => {
  it.each([3, 4, 5, 6, 7, 8])('rejects a letter at position %i', (position) => {
    const code = VALID_A.slice(0, position - 1) + 'A' + VALID_A.slice(position);
    expect(code).toHaveLength(18);
    expectRule(
      code,
      'REGION_DIGITS',
      `credit code character ${position} ('A') must be a digit (characters 3–8 are the administrative-division code)`,
    );
  });

  it('reports a lower-case letter upper-cased', () => {
    expectRule(
      '913b0211M000100Y46',
      'REGION_DIGITS',
      "credit code character 4 ('B') must be a digit (characters 3–8 are the administrative-division code)",
    );
  });

  it('allows letters outside positions 3–8', () => {
    // positions 1, 2 and 9–17 may be letters: VALID_A has M at 9 and Y at 16
    expect(checkCreditCode(VALID_A).ok).toBe(true);
  });

  it('checks REGION_DIGITS before CHECK_CHARACTER', () => {
    // the check character '6' is only right for the original region code
    expectRule('91A50211M000100Y46', 'REGION_DIGITS');
  });
});

describe('checkCreditCode: CHECK_CHARACTER', () => {
  it('has 31 characters in the alphabet', () => {
    expect(ALPHABET).toHaveLength(31);
  });

  const cases: Array<[string, string]> = [
    [VALID_A, '6'],
    [VALID_B, 'R'],
  ];
  for (const [valid, right] of cases) {
    const wrong = [...ALPHABET].filter((c) => c !== right);
    it(`rejects every one of the 30 wrong check characters for ${valid}`, () => {
      expect(wrong).toHaveLength(30);
      for (const c of wrong) {
        expectRule(
          valid.slice(0, 17) + c,
          'CHECK_CHARACTER',
          `credit code check character should be '${right}', got '${c}'`,
        );
      }
    });
  }

  it('reports the upper-cased check character for lower-case input', () => {
    expectRule(
      '91440300093677087q',
      'CHECK_CHARACTER',
      "credit code check character should be 'R', got 'Q'",
    );
  });
});

describe('creditCodeCheckCharacter / makeCreditCode', () => {
  // Hand computation for the made-up prefix 52630100MA1234567
  // (values: digits are themselves, M = 21, A = 10; weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28):
  //   5·1 = 5, 2·3 = 6, 6·9 = 54, 3·27 = 81, 0·19 = 0, 1·26 = 26, 0·16 = 0, 0·17 = 0,
  //   M 21·20 = 420, A 10·29 = 290, 1·25 = 25, 2·13 = 26, 3·8 = 24, 4·24 = 96,
  //   5·10 = 50, 6·30 = 180, 7·28 = 196
  //   Σ = 5+6+54+81+0+26+0+0+420+290+25+26+24+96+50+180+196 = 1479
  //   1479 mod 31 = 1479 − 47·31 (1457) = 22;  31 − 22 = 9  →  '9'
  it('computes the hand-worked check character', () => {
    expect(creditCodeCheckCharacter('52630100MA1234567')).toBe('9');
    expect(checkCreditCode('52630100MA12345679')).toEqual({ ok: true, code: '52630100MA12345679' });
  });

  // Edge case where the sum is divisible by 31: change the last character to 4.
  //   Σ = 1479 − 196 + 4·28 = 1283 + 112 = 1395 = 45·31, so 1395 mod 31 = 0;
  //   31 − 0 = 31, which maps to 0  →  '0'
  it('maps 31 to 0', () => {
    expect(creditCodeCheckCharacter('52630100MA1234564')).toBe('0');
    expect(checkCreditCode('52630100MA12345640').ok).toBe(true);
  });

  it('agrees with the known valid codes', () => {
    expect(creditCodeCheckCharacter('91350211M000100Y4')).toBe('6');
    expect(creditCodeCheckCharacter('91440300093677087')).toBe('R');
    expect(creditCodeCheckCharacter('91440300093677087'.toLowerCase())).toBe('R');
  });

  it('makeCreditCode appends the check character and round-trips', () => {
    expect(makeCreditCode('91350211M000100Y4')).toBe(VALID_A);
    expect(makeCreditCode('91440300093677087')).toBe(VALID_B);
    expect(makeCreditCode('52630100MA1234567')).toBe('52630100MA12345679');
    expect(makeCreditCode('52630100MA1234564')).toBe('52630100MA12345640');
    expect(makeCreditCode('91350211m000100y4')).toBe(VALID_A);
    for (const prefix of ['11630000000000000', '52632300MJY123456', '93630121XYWUTRQPN', 'Y1630104ABCDEFGHJ']) {
      const code = makeCreditCode(prefix);
      expect(code).toHaveLength(18);
      expect(code.slice(0, 17)).toBe(prefix);
      expect(checkCreditCode(code)).toEqual({ ok: true, code });
    }
  });

  it('throws on an invalid prefix', () => {
    expect(() => creditCodeCheckCharacter('9135021M000100Y4')).toThrow(/17 characters, got 16/);
    expect(() => makeCreditCode('91350211M000100Y46')).toThrow(/17 characters, got 18/);
    expect(() => makeCreditCode('')).toThrow(/17 characters, got 0/);
    expect(() => makeCreditCode('91350211I000100Y4')).toThrow(/character 9 \('I'\) is not allowed/);
    expect(() => makeCreditCode('91A50211M000100Y4')).toThrow(/character 3 \('A'\) must be a digit/);
    expect(() => makeCreditCode(42 as unknown as string)).toThrow(TypeError);
  });
});

describe('CreditCode scalar through graphql execution', () => {
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        echo: {
          type: new GraphQLNonNull(CreditCodeScalar),
          args: { code: { type: new GraphQLNonNull(CreditCodeScalar) } },
          resolve: (_root, args: { code: string }) => args.code,
        },
        broken: {
          type: CreditCodeScalar,
          resolve: () => 42,
        },
      },
    }),
  });

  it('has the documented name and description', () => {
    expect(CreditCodeScalar.name).toBe('CreditCode');
    expect(CreditCodeScalar.description).toBe(
      '统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters, check character verified; lower case is accepted and normalised to upper case.',
    );
  });

  it('(a) a lower-case variable comes back upper case', async () => {
    const result = await graphql({
      schema,
      source: 'query ($c: CreditCode!) { echo(code: $c) }',
      variableValues: { c: '91350211m000100y46' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ echo: VALID_A });
  });

  it('(a) a valid inline literal is accepted and normalised', async () => {
    const result = await graphql({ schema, source: '{ echo(code: "91440300093677087r") }' });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ echo: VALID_B });
  });

  it('(b) an invalid inline literal is a BAD_USER_INPUT validation error', async () => {
    const result = await graphql({ schema, source: '{ echo(code: "91350211M000100Y47") }' });
    // literal errors are raised by validation (ValuesOfCorrectTypeRule), so nothing executes
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    const error = result.errors![0]!;
    // a GraphQLError thrown by parseLiteral is reported as is, not wrapped
    expect(error.message).toBe("credit code check character should be '6', got '7'");
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', rule: 'CHECK_CHARACTER' });
    expect(error.locations).toEqual([{ line: 1, column: 14 }]);
  });

  it.each([
    ['"9135021M000100Y46"', 'LENGTH'],
    ['"91350211S000100Y46"', 'CHARSET'],
    ['"91A50211M000100Y46"', 'REGION_DIGITS'],
    ['123', 'TYPE'],
    ['["91350211M000100Y46"]', 'TYPE'],
  ])('(b) inline literal %s fails with rule %s', async (literal, rule) => {
    const result = await graphql({ schema, source: `{ echo(code: ${literal}) }` });
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', rule });
  });

  it('(b) a non-string literal names what it got', async () => {
    const result = await graphql({ schema, source: '{ echo(code: 123) }' });
    expect(result.errors![0]!.message).toBe('credit code must be a string, got 123');
  });

  it('(c) an invalid variable is BAD_USER_INPUT, wrapped with the variable name', async () => {
    const result = await graphql({
      schema,
      source: 'query ($c: CreditCode!) { echo(code: $c) }',
      variableValues: { c: '91350211M000100Y47' },
    });
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    const error = result.errors![0]!;
    // graphql-js (values.ts getVariableValues) wraps the parseValue error:
    // message prefixed with the variable and its value, location of the
    // variable definition, original error kept, and its extensions inherited
    // by GraphQLError's constructor (extensions ?? originalError.extensions).
    expect(error.message).toBe(
      'Variable "$c" got invalid value "91350211M000100Y47"; ' +
        "credit code check character should be '6', got '7'",
    );
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', rule: 'CHECK_CHARACTER' });
    expect(error.locations).toEqual([{ line: 1, column: 8 }]);
    expect(error.originalError).toBeInstanceOf(GraphQLError);
    expect((error.originalError as GraphQLError).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      rule: 'CHECK_CHARACTER',
    });
  });

  it.each([
    ['', 'LENGTH'],
    ['91350211V000100Y46', 'CHARSET'],
    ['9135021XM000100Y46', 'REGION_DIGITS'],
    [91350211, 'TYPE'],
    [true, 'TYPE'],
  ])('(c) variable %j fails with rule %s', async (value, rule) => {
    const result = await graphql({
      schema,
      source: 'query ($c: CreditCode!) { echo(code: $c) }',
      variableValues: { c: value },
    });
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.message).toMatch(/^Variable "\$c" got invalid value /);
    expect(result.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', rule });
  });

  it('serialize rejects a non-string', async () => {
    const result = await graphql({ schema, source: '{ broken }' });
    expect(result.data).toEqual({ broken: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.message).toBe('CreditCode cannot serialize a non-string value (number)');
    expect(result.errors![0]!.path).toEqual(['broken']);
    expect(result.errors![0]!.extensions).toEqual({});
  });

  it('serialize returns the stored string unchanged', () => {
    expect(CreditCodeScalar.serialize(VALID_A)).toBe(VALID_A);
  });
});
