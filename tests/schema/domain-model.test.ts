import { readFileSync } from 'node:fs';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInterfaceType,
  isListType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGongkaiSchema } from '../../src/schema/build-schema.js';

interface FieldSpec {
  path: string;
  zh: string;
  kind: string;
}
interface CategorySpec {
  domain: string;
  domainZh: string;
  category: string;
  zh: string;
  type: string;
  fields: FieldSpec[];
}

const catalogue = JSON.parse(
  readFileSync(new URL('../fixtures/domain-catalogue.json', import.meta.url), 'utf8'),
) as CategorySpec[];

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGongkaiSchema();
});

/** What each kind of value must be in the schema: typed, not a bag of strings. */
function checkKind(field: GraphQLField<unknown, unknown>, kind: string): string | undefined {
  const bare = getNullableType(field.type);
  const named = getNamedType(field.type);
  const is = (name: string) => named.name === name && !isListType(bare);
  const ok: Record<string, () => boolean> = {
    money: () => is('Decimal'),
    date: () => is('Date'),
    datetime: () => is('DateTime'),
    subject: () => is('Subject'),
    area: () => is('Area'),
    int: () => is('Int'),
    coordinates: () => isListType(bare) && named.name === 'GeoPoint',
    list: () => isListType(bare) && isObjectType(named),
    enum: () => isEnumType(named) && !isListType(bare),
    object: () => isObjectType(named) && !isListType(bare),
    text: () => (named.name === 'String' || isEnumType(named)) && !isListType(bare),
    any: () => true,
  };
  if (!ok[kind]) return `unknown kind ${kind}`;
  return ok[kind]() ? undefined : `is ${String(field.type)}, expected ${kind}`;
}

function walk(type: GraphQLObjectType, path: string): GraphQLField<unknown, unknown> | undefined {
  const [head, ...rest] = path.split('.');
  const field = type.getFields()[head!];
  if (!field || rest.length === 0) return field;
  const inner = getNamedType(field.type);
  return isObjectType(inner) ? walk(inner, rest.join('.')) : undefined;
}

describe('every category and field of the plan is a typed part of the schema', () => {
  it('lists 32 categories in 8 domains, one concrete Disclosure type each, and no others', () => {
    expect(new Set(catalogue.map((c) => c.domain)).size).toBe(8);
    expect(catalogue.length).toBe(32);
    const iface = schema.getType('Disclosure');
    expect(isInterfaceType(iface)).toBe(true);
    const implementations = schema.getPossibleTypes(iface as never).map((t) => t.name).sort();
    expect(implementations).toEqual(catalogue.map((c) => c.type).sort());
  });

  it.each(catalogue.map((c) => [`${c.domain}.${c.category} ${c.zh}`, c] as const))('%s', (_name, spec) => {
    const type = schema.getType(spec.type);
    expect(isObjectType(type), `${spec.type} is an object type`).toBe(true);
    const object = type as GraphQLObjectType;
    expect(object.getInterfaces().map((i) => i.name).sort()).toEqual(['Disclosure', 'Node']);
    expect(object.description).toContain(spec.zh);
    const problems: string[] = [];
    for (const f of spec.fields) {
      const field = walk(object, f.path);
      if (!field) {
        problems.push(`${f.path} (${f.zh}) is missing`);
        continue;
      }
      if (!field.description?.includes(f.zh)) problems.push(`${f.path}: description "${field.description}" lacks ${f.zh}`);
      const kindProblem = checkKind(field, f.kind);
      if (kindProblem) problems.push(`${f.path}: ${kindProblem}`);
    }
    expect(problems).toEqual([]);
  });

  it('names each concrete type in its domain (the description carries the domain term too)', () => {
    const missing = catalogue
      .filter((c) => !(schema.getType(c.type)?.description ?? '').includes(c.domainZh))
      .map((c) => c.type);
    expect(missing).toEqual([]);
  });
});
