import { getNamedType, isInputObjectType, printType, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { recordInputSchema } from '../../../src/resolvers/hub/import/record-input-schema.js';
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

describe('the schema `gongkai import` validates rows against', () => {
  it('has the record input type exactly as the served schema has it, every type under it included', async () => {
    const served = recordInputTypes(await buildGongkaiSchema());
    const cli = recordInputTypes(await recordInputSchema());
    // Dozens of types: the details of every category, their enums and the scalars.
    expect(served.size).toBeGreaterThan(50);
    expect(Object.fromEntries(cli)).toEqual(Object.fromEntries(served));
  });
});
