import { readFileSync } from 'node:fs';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInterfaceType,
  isListType,
  isObjectType,
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { allCategories } from '../../src/entities/index.js';
import { manifestOf } from '../../src/entities/departments/manifests.js';
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
  /** The categories the manifests add beyond the plan's 32 (a department may add one without touching this file). */
  const beyondPlan = allCategories.filter((c) => !catalogue.some((spec) => spec.domain === c.domain && spec.category === c.code));
  const typeName = (c: (typeof allCategories)[number]) => (c.details as { name: string }).name;

  it("lists the plan's 32 categories in 8 domains, one concrete Disclosure type each; every other is a registered category", () => {
    expect(new Set(catalogue.map((c) => c.domain)).size).toBe(8);
    expect(catalogue.length).toBe(32);
    const iface = schema.getType('Disclosure');
    expect(isInterfaceType(iface)).toBe(true);
    const implementations = schema.getPossibleTypes(iface as never).map((t) => t.name).sort();
    expect(implementations).toEqual(expect.arrayContaining(catalogue.map((c) => c.type)));
    expect(implementations).toEqual(allCategories.map(typeName).sort());
    expect(allCategories.length).toBe(catalogue.length + beyondPlan.length);
  });

  it("types each category beyond the plan as the plan's are: its domain's and its own 中文 names, a description on every field, its subjects by role", () => {
    for (const category of beyondPlan) {
      const where = `${category.domain}.${category.code}`;
      const object = schema.getType(typeName(category));
      expect(isObjectType(object), where).toBe(true);
      const type = object as GraphQLObjectType;
      expect(type.getInterfaces().map((i) => i.name).sort(), where).toEqual(['Disclosure', 'Node']);
      expect(type.description, where).toContain(manifestOf(category.domain)!.zh);
      expect(type.description, where).toContain(category.zh);
      const disclosureFields = Object.keys((schema.getType('Disclosure') as GraphQLInterfaceType).getFields());
      const own = Object.values(type.getFields()).filter((f) => !disclosureFields.includes(f.name));
      expect(own.length, where).toBeGreaterThan(0);
      for (const f of own) expect(f.description ?? '', `${where}.${f.name}`).toMatch(/\p{Script=Han}/u);
      for (const [field, role] of Object.entries(category.partyFields)) {
        const subject = type.getFields()[field];
        expect(subject && getNamedType(subject.type).name, `${where}.${field}`).toBe('Subject');
        expect(category.roles, `${where}.${field}`).toContain(role);
      }
    }
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
