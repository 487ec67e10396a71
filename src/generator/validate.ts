import type { EntityMetadata, EntityProperty, MikroORM } from '@mikro-orm/core';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import type { CategoryDefinition } from '../entities/hub/category-registry.js';
import { isCalendarDate } from '../kernel/scalars/date.js';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Checks generated details against the model itself: every column the
 * entity needs, with a value of its type; every JSON value against the
 * GraphQL type that exposes it. Returns what is wrong, empty when nothing is.
 */
export function validateDetails(
  orm: MikroORM,
  schema: GraphQLSchema,
  category: CategoryDefinition,
  details: Record<string, unknown>,
): string[] {
  const meta = orm.getMetadata().get((category.details as { name: string }).name) as EntityMetadata;
  const problems: string[] = [];
  const known = new Set<string>(['disclosure']);
  for (const prop of Object.values(meta.props) as EntityProperty[]) {
    if (prop.name === 'disclosure' || prop.embedded || prop.persist === false) continue;
    known.add(prop.name);
    const value = details[prop.name];
    if (prop.kind === 'embedded') {
      const children = (Object.values(meta.props) as EntityProperty[]).filter((p) => p.embedded?.[0] === prop.name);
      if (value == null) {
        if (!prop.nullable) problems.push(`${prop.name}: missing`);
        continue;
      }
      for (const child of children) {
        checkScalar(problems, `${prop.name}.${child.embedded![1]}`, child, (value as Record<string, unknown>)[child.embedded![1]]);
      }
      continue;
    }
    if (value == null) {
      if (!prop.nullable) problems.push(`${prop.name}: missing`);
      continue;
    }
    if (prop.columnTypes[0] === 'jsonb' || prop.columnTypes[0] === 'json') {
      const field = (schema.getType(meta.className) as { getFields?: () => Record<string, { type: GraphQLOutputType }> })
        .getFields?.()[prop.name];
      if (field) checkGraphQL(problems, prop.name, field.type, value);
      continue;
    }
    checkScalar(problems, prop.name, prop, value);
  }
  for (const key of Object.keys(details)) {
    if (!known.has(key)) problems.push(`${key}: not a column of ${meta.className}`);
  }
  return problems;
}

function checkScalar(problems: string[], path: string, prop: EntityProperty, value: unknown): void {
  if (value == null) {
    if (!prop.nullable) problems.push(`${path}: missing`);
    return;
  }
  const type = prop.columnTypes[0] ?? '';
  if (prop.items && Array.isArray(prop.items) && !prop.items.includes(value as never)) {
    problems.push(`${path}: ${JSON.stringify(value)} is not one of ${prop.items.join(', ')}`);
  } else if (type === 'date' && !(typeof value === 'string' && isCalendarDate(value))) {
    problems.push(`${path}: ${JSON.stringify(value)} is not a YYYY-MM-DD date`);
  } else if (type.startsWith('numeric') && !(typeof value === 'string' && DECIMAL.test(value))) {
    problems.push(`${path}: ${JSON.stringify(value)} is not a decimal string`);
  } else if (/^(int|smallint|integer)/.test(type) && !Number.isInteger(value)) {
    problems.push(`${path}: ${JSON.stringify(value)} is not a whole number`);
  } else if (type === 'timestamptz' && !(typeof value === 'string' && !Number.isNaN(Date.parse(value)))) {
    problems.push(`${path}: ${JSON.stringify(value)} is not an ISO date-time`);
  } else if (/^(varchar|text)/.test(type)) {
    if (typeof value !== 'string' || value.length === 0) problems.push(`${path}: not a non-empty string`);
    const max = /varchar\((\d+)\)/.exec(type);
    if (max && typeof value === 'string' && [...value].length > Number(max[1])) problems.push(`${path}: longer than ${max[1]}`);
  }
}

function checkGraphQL(problems: string[], path: string, type: GraphQLOutputType, value: unknown): void {
  if (value == null) {
    if (isNonNullType(type)) problems.push(`${path}: missing`);
    return;
  }
  const bare = getNullableType(type);
  if (isListType(bare)) {
    if (!Array.isArray(value)) return void problems.push(`${path}: not a list`);
    value.forEach((item, i) => checkGraphQL(problems, `${path}[${i}]`, bare.ofType, item));
    return;
  }
  const named = getNamedType(type);
  if (isEnumType(named)) {
    if (!named.getValues().some((v) => v.value === value)) problems.push(`${path}: ${JSON.stringify(value)} is not a ${named.name}`);
  } else if (isObjectType(named)) {
    if (named.name === 'Subject' || named.name === 'Region') return; // resolved from a stored code
    if (typeof value !== 'object') return void problems.push(`${path}: not an object`);
    const record = value as Record<string, unknown>;
    for (const [name, field] of Object.entries(named.getFields())) {
      if (field.resolve && field.args.length === 0 && isObjectType(getNamedType(field.type))) continue;
      checkGraphQL(problems, `${path}.${name}`, field.type, record[name]);
    }
  } else if (isScalarType(named)) {
    const ok: Record<string, (v: unknown) => boolean> = {
      String: (v) => typeof v === 'string',
      Int: (v) => Number.isInteger(v),
      Float: (v) => typeof v === 'number' && Number.isFinite(v),
      Boolean: (v) => typeof v === 'boolean',
      Decimal: (v) => typeof v === 'string' && DECIMAL.test(v),
      Date: (v) => typeof v === 'string' && isCalendarDate(v),
      DateTime: (v) => typeof v === 'string' && /T\d{2}:\d{2}/.test(v) && !Number.isNaN(Date.parse(v)),
    };
    if (ok[named.name] && !ok[named.name]!(value)) problems.push(`${path}: ${JSON.stringify(value)} is not a ${named.name}`);
  }
}
