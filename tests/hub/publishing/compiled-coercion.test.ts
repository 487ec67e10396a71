import { wrap } from '@mikro-orm/core';
import { coerceInputValue, isInputObjectType, type GraphQLInputObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCategories } from '../../../src/entities/index.js';
import { seedDatabase } from '../../../src/generator/seed.js';
import { coerceFast, NOT_COERCED } from '../../../src/resolvers/hub/publishing/compiled-coercion.js';
import { detailsFieldOf } from '../../../src/resolvers/hub/publishing/input-types.js';
import { buildGongkaiSchema } from '../../../src/schema/build-schema.js';
import { loadReferenceData } from '../../../src/seeders/reference-data.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';

// The compiled coercion must give graphql-js's coerceInputValue result exactly, for every value that coerces
// without error, and decline (NOT_COERCED) every other, which validation then hands to graphql-js for its errors.

let db: TestDatabase;
let type: GraphQLInputObjectType;
/** One generated record per category, as record input (plain JSON). */
const inputs: Record<string, unknown>[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  await loadReferenceData(db.orm.em.fork());
  await seedDatabase(db.orm, { scale: 40, seed: 'compiled-coercion', until: '2025-06-30' });
  const found = (await buildGongkaiSchema()).getType('PublishDisclosureInput');
  if (!isInputObjectType(found)) throw new Error('no PublishDisclosureInput');
  type = found;
  const em = db.orm.em.fork();
  for (const category of allCategories) {
    const [hub] = await db.query<Record<string, unknown> & { id: number }>(
      `select id, domain, category, title, region_code as "regionCode", amount::text as amount, formed_on::text as "formedOn",
              published_on::text as "publishedOn", project_code as "projectCode", exemption, exemption_basis as "exemptionBasis"
         from disclosure where domain = ? and category = ? order by id limit 1`,
      [category.domain, category.code],
    );
    const details = await em.findOneOrFail(category.details as never, { disclosure: hub!.id } as never);
    const plain = JSON.parse(JSON.stringify(wrap(details as object).toObject())) as Record<string, unknown>;
    delete plain.disclosure;
    const parties = await db.query('select role, credit_code as "creditCode", rank from disclosure_party where disclosure_id = ? order by role, credit_code', [hub!.id]);
    const publications = await db.query(`select channel, published_on::text as "publishedOn", url from disclosure_publication where disclosure_id = ? order by id`, [hub!.id]);
    const { id, ...envelope } = hub!;
    inputs.push({ externalId: `gen-${id}`, ...envelope, parties, publications, details: { [detailsFieldOf(category)]: plain } });
  }
}, 120_000);

afterAll(async () => {
  await db?.close();
});

/** coerceInputValue's result and whether it reported anything. */
function reference(value: unknown): { value: unknown; errors: number } {
  let errors = 0;
  const coerced = coerceInputValue(value, type, () => errors++);
  return { value: coerced, errors };
}

function expectSame(value: unknown): 'coerced' | 'declined' {
  const ref = reference(value);
  const fast = coerceFast(value, type);
  if (ref.errors > 0) {
    expect(fast).toBe(NOT_COERCED);
    return 'declined';
  }
  // A value it declines is coerced by graphql-js: slower, never wrong. A JSON row is never declined without errors.
  expect(fast).not.toBe(NOT_COERCED);
  expect(fast).toStrictEqual(ref.value);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(ref.value));
  return 'coerced';
}

const mutations: [string, (r: Record<string, unknown>, details: Record<string, unknown>) => void][] = [
  ['an unknown field', (r) => (r.colour = 'red')],
  ['an unknown details field', (_r, d) => (d.colour = 'red')],
  ['a required field left out', (r) => delete r.title],
  ['a required field null', (r) => (r.regionCode = null)],
  ['a field with a default left out', (r) => delete r.exemption],
  ['an optional field null', (r) => (r.projectCode = null)],
  ['a wrong enum value', (r) => (r.exemption = 'SOMETIMES')],
  ['a number for a string', (r) => (r.title = 12)],
  ['a malformed date', (r) => (r.formedOn = '2025-02-30')],
  ['a malformed amount', (r) => (r.amount = '12.345')],
  ['a single party for the list', (r) => (r.parties = (r.parties as unknown[])[0] ?? { role: 'WINNER', creditCode: 'X' })],
  ['a list item null', (r) => (r.parties = [...(r.parties as unknown[]), null])],
  ['a string for an object', (r) => (r.details = 'none')],
  ['an array for an object', (r) => (r.details = [])],
  ['no details at all', (r) => delete r.details],
];

describe('compiled input coercion', () => {
  it('gives coerceInputValue result for a generated record of every category', () => {
    expect(inputs).toHaveLength(allCategories.length);
    for (const input of inputs) expect(expectSame(structuredClone(input))).toBe('coerced');
  });

  it.each(mutations)('agrees with coerceInputValue on %s, in every category', (_name, mutate) => {
    for (const input of inputs) {
      const changed = structuredClone(input);
      mutate(changed, Object.values(changed.details as Record<string, Record<string, unknown>>)[0]!);
      expectSame(changed);
    }
  });
});
