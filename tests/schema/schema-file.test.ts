import { readFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildGongkaiSchema } from '../../src/schema/build-schema.js';

describe('schema.graphql', () => {
  it('is what the code builds (run `npm run codegen` and review the diff when this fails)', async () => {
    const committed = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
    const built = printSchema(lexicographicSortSchema(await buildGongkaiSchema()));
    expect(committed.trim()).toBe(built.trim());
  });
});
