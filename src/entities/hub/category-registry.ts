import type { EntityClass } from '@mikro-orm/core';
import type { Domain } from '../core/domain.js';
import type { PartyRole } from './enums.js';

/**
 * One category of the plan (e.g. 政府采购 · 采购结果): its domain and code,
 * the class holding its typed details (a MikroORM entity that is also the
 * concrete GraphQL type), and how it names subjects.
 *
 * Adding a category is a change in one module: define the class, describe it
 * here, list it in the module's `categories`.
 */
export interface CategoryDefinition<T extends object = object> {
  domain: Domain;
  /** The category code, unique within the domain ("RESULT"). */
  code: string;
  /** 中文 name, as the plan writes it. */
  zh: string;
  details: EntityClass<T>;
  /** Typed subject fields of the GraphQL type, resolved from the record's parties by role. */
  partyFields: Record<string, PartyRole>;
  /** Every role a party of such a record may have. */
  roles: readonly PartyRole[];
}

export function defineCategory<T extends object>(definition: CategoryDefinition<T>): CategoryDefinition<T> {
  return definition;
}

const byKey = new Map<string, CategoryDefinition>();
const key = (domain: string, code: string) => `${domain}.${code}`;

/** Called once per module when the schema is composed; a duplicate is a programming error. */
export function registerCategories(definitions: readonly CategoryDefinition[]): void {
  for (const definition of definitions) {
    const k = key(definition.domain, definition.code);
    const existing = byKey.get(k);
    if (existing && existing !== definition) throw new Error(`category ${k} is defined twice`);
    byKey.set(k, definition);
  }
}

export function findCategory(domain: string, code: string): CategoryDefinition | undefined {
  return byKey.get(key(domain, code));
}

export function registeredCategories(): CategoryDefinition[] {
  return [...byKey.values()];
}

/** Per domain, per code: asked for every record a page shows (its __typename and id), without building a key string each time. */
const typeNames = new Map<string, Map<string, string>>();

/** The GraphQL type name of a record: its category's details class. */
export function typeNameOf(domain: string, code: string): string {
  const name = typeNames.get(domain)?.get(code);
  if (name) return name;
  const definition = byKey.get(key(domain, code));
  if (!definition) throw new Error(`no category ${key(domain, code)} is registered`);
  const found = (definition.details as { name: string }).name;
  let byCode = typeNames.get(domain);
  if (!byCode) typeNames.set(domain, (byCode = new Map()));
  byCode.set(code, found);
  return found;
}

/** The category whose details class is this GraphQL type (a global id names its type). */
export function findCategoryByTypeName(typeName: string): CategoryDefinition | undefined {
  return [...byKey.values()].find((c) => (c.details as { name: string }).name === typeName);
}
