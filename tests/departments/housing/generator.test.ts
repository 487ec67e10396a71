import type { GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { buildGongkaiSchema } from '../../../src/schema/build-schema.js';
import type { TestApp } from '../../helpers/database.js';
import { categoriesOf, expectEveryFieldReadsBack, startSeededApp } from '../../helpers/generated-records.js';

// The housing generator (src/entities/departments/housing/generator.ts) on a seeded database; the checks over all
// domains' generated records are tests/generator/generator.test.ts.

let app: TestApp;
let schema: GraphQLSchema;

beforeAll(async () => {
  ({ app } = await startSeededApp());
  schema = await buildGongkaiSchema();
}, 300_000);
afterAll(async () => {
  await app?.close();
});

describe('HOUSING: generated records', () => {
  it.each(categoriesOf('HOUSING'))('%s reads back through the graph, every field', async (_name, category) => {
    await expectEveryFieldReadsBack(app, schema, category);
  });
});
