import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { buildGongkaiSchema } from '../../src/schema/build-schema.js';

// Every mutation must be walked through every role by some permission test
// (tests/access/permissions-*.test.ts): a new mutation without one fails here.
it('every mutation has a permission test', async () => {
  const schema = await buildGongkaiSchema();
  const mutations = Object.keys(schema.getMutationType()!.getFields()).sort();
  const folder = new URL('./', import.meta.url);
  const texts = readdirSync(folder)
    .filter((f) => /^permissions-(?!coverage).*\.test\.ts$/.test(f))
    .map((f) => readFileSync(new URL(f, folder), 'utf8'));
  expect(texts.length).toBeGreaterThan(0);
  const untested = mutations.filter((m) => !texts.some((t) => new RegExp(`\\b${m}\\b`).test(t)));
  expect(untested).toEqual([]);
  expect(mutations.length).toBeGreaterThanOrEqual(15);
});
