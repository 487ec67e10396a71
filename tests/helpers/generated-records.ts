import {
  getNamedType,
  isEnumType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredCategories, type CategoryDefinition } from '../../src/entities/hub/category-registry.js';
import { toGlobalId } from '../../src/kernel/node.js';
import { seedDatabase, type SeedSummary } from '../../src/generator/seed.js';
import type { GenerationPlan } from '../../src/generator/setup.js';
import { buildGongkaiSchema } from '../../src/schema/build-schema.js';
import { loadReferenceData } from '../../src/seeders/reference-data.js';
import { readEverythingAsSupervisor, startTestApp, type TestApp } from './database.js';

/*
 * For each department's tests/departments/<d>/generator.test.ts: a database of generated records,
 * and the check that its categories' records read back through the graph. The checks over all
 * domains at once (counts, references, determinism, mixes) are tests/generator/generator.test.ts.
 */

/**
 * The generated history these files seed. Small: the first records of a run cover every category once
 * (generator/records.ts), and the rest are drawn by weight, so each category has a few.
 */
export const DEPARTMENT_PLAN: GenerationPlan = { scale: 1_000, seed: 'test-a', until: '2026-11-20' };

/** The real server on a fresh database with the reference data and `plan`'s records, read as SUPERVISOR. */
export async function startSeededApp(plan: GenerationPlan = DEPARTMENT_PLAN): Promise<{ app: TestApp; summary: SeedSummary }> {
  const app = await startTestApp({ demo: false });
  // These tests are about what each list, filter and figure means over every row: read it all.
  await readEverythingAsSupervisor(app);
  await loadReferenceData(app.database.orm.em.fork());
  const summary = await seedDatabase(app.database.orm, plan);
  return { app, summary };
}

/** A domain's registered categories, as it.each rows named `DOMAIN.CODE`. */
export function categoriesOf(domain: string): (readonly [string, CategoryDefinition])[] {
  const categories = registeredCategories().filter((c) => c.domain === domain);
  // An empty it.each would pass without a test: a wrong domain name must fail instead.
  if (categories.length === 0) throw new Error(`no category of domain ${domain} is registered`);
  return categories.map((c) => [`${c.domain}.${c.code}`, c] as const);
}

/** Every field of a type, recursively (objects by their leaves), skipping arguments and cycles. */
function selection(type: GraphQLObjectType, depth: number): string {
  const fields: string[] = [];
  for (const [name, field] of Object.entries(type.getFields())) {
    if (field.args.some((a) => a.type.toString().endsWith('!'))) continue;
    const named = getNamedType(field.type);
    if (isScalarType(named) || isEnumType(named)) fields.push(name);
    else if ((isObjectType(named) || isInterfaceType(named)) && depth > 0) {
      fields.push(`${name} { ${isObjectType(named) ? selection(named, depth - 1) : '__typename'} }`);
    }
  }
  return fields.join(' ') || '__typename';
}

/** Reads the category's first three generated records through the graph, every field: no errors, every party field filled. */
export async function expectEveryFieldReadsBack(app: TestApp, schema: GraphQLSchema, category: CategoryDefinition): Promise<void> {
  const typeName = (category.details as { name: string }).name;
  const rows = await app.query<{ id: number }>(
    'select id from disclosure where domain = ? and category = ? order by id limit 3',
    [category.domain, category.code],
  );
  expect(rows.length).toBeGreaterThan(0);
  const type = schema.getType(typeName) as GraphQLObjectType;
  for (const { id } of rows) {
    const { body } = await app.graphql(`query ($id: ID!) { node(id: $id) { ... on ${typeName} { ${selection(type, 2)} } } }`, {
      id: toGlobalId(typeName, String(id)),
    });
    expect(body.errors).toBeUndefined();
    expect(body.data!.node).not.toBeNull();
    for (const field of Object.keys(category.partyFields)) {
      expect((body.data!.node as Record<string, unknown>)[field], `${typeName}.${field}`).not.toBeNull();
    }
  }
}

/**
 * A department's generator test: a seeded server for the file, and each of `domain`'s categories read back
 * through the graph, every field. Returns the server, for the department's own checks beside these.
 */
export function describeGeneratedRecords(domain: string): { app: () => TestApp } {
  let app: TestApp;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    ({ app } = await startSeededApp());
    schema = await buildGongkaiSchema();
  }, 300_000);
  afterAll(async () => {
    await app?.close();
  });
  describe(`${domain}: generated records`, () => {
    it.each(categoriesOf(domain))('%s reads back through the graph, every field', async (_name, category) => {
      await expectEveryFieldReadsBack(app, schema, category);
    });
  });
  return { app: () => app };
}
