import { readFileSync } from 'node:fs';
import { buildSchema, getNamedType, isInputObjectType, lexicographicSortSchema, printType, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeRecordInputSchema } from '../../../src/schema/record-input-schema.js';
import { RECORD_INPUT_TYPE } from '../../../src/resolvers/hub/import/rows.js';
import { buildGongkaiSchema } from '../../../src/schema/build-schema.js';

/** The record input type and every input type, enum and scalar under it, as SDL, by name. */
function recordInputTypes(schema: GraphQLSchema): Map<string, string> {
  const out = new Map<string, string>();
  const todo: GraphQLNamedType[] = [schema.getType(RECORD_INPUT_TYPE)!];
  while (todo.length) {
    const type = todo.pop()!;
    if (out.has(type.name)) continue;
    out.set(type.name, printType(type));
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) todo.push(getNamedType(field.type));
  }
  return out;
}

describe('the schema records are validated against (publishing, importDisclosures, `gongkai import`)', () => {
  it('has the record input type exactly as the served schema has it, every type under it included', async () => {
    // The CLI's first, as `gongkai import` builds it: in a process that has built no served schema (this file's
    // modules are its own), so its nested reference keys (BidCandidateInput.creditCode) come from its own composition.
    const cliSchema = await composeRecordInputSchema();
    const cli = recordInputTypes(cliSchema);
    const served = recordInputTypes(await buildGongkaiSchema());
    // Dozens of types: the details of every category, their enums and the scalars.
    expect(served.size).toBeGreaterThan(50);
    expect(Object.fromEntries(cli)).toEqual(Object.fromEntries(served));
    // And as the committed schema has them (schema.graphql is sorted; so is this copy): had the CLI's composition
    // missed a field resolver, both would miss its key field, and only this would tell.
    const committed = recordInputTypes(buildSchema(readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8')));
    expect(Object.fromEntries(recordInputTypes(lexicographicSortSchema(cliSchema)))).toEqual(Object.fromEntries(committed));
  });
});
