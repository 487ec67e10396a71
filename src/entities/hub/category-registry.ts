import type { EntityClass } from '@mikro-orm/core';
import type { DomainManifest } from '../core/domain-manifest.js';
import type { Domain } from '../core/domain.js';
import type { PartyRole } from './enums.js';

/**
 * One category of the plan (e.g. 政府采购 · 采购结果): its domain and code,
 * the class holding its typed details (a MikroORM entity that is also the
 * concrete GraphQL type), and how it names subjects.
 *
 * A category is written down once, in its department's manifest (pure data);
 * the department's index.ts gives each one its details class with
 * defineCategories, and the composed schema registers them all.
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

/** The category codes of a manifest, as a union ('MINING_NOTICE' | 'DEAL' | …). */
type CodeOf<M extends DomainManifest> = M['categories'][number]['code'];

/**
 * A department's categories, in its manifest's order, each with its details class: the map must
 * name a class for every category the manifest lists (and no other), so a category without its
 * class does not compile.
 */
export function defineCategories<M extends DomainManifest>(
  manifest: M,
  details: { readonly [C in CodeOf<M>]: EntityClass<object> },
): CategoryDefinition[] {
  return manifest.categories.map((category) => {
    const detailsClass = details[category.code as CodeOf<M>];
    // The types hold a compiled build to this; a run that skips them (tests through SWC) is stopped here.
    if (typeof detailsClass !== 'function') throw new Error(`category ${manifest.domain}.${category.code} has no details class`);
    return {
      domain: manifest.domain as Domain,
      code: category.code,
      zh: category.zh,
      details: detailsClass,
      // The manifest writes roles as the enum's string values, which they are.
      partyFields: { ...category.partyFields } as Record<string, PartyRole>,
      roles: [...category.roles] as PartyRole[],
    };
  });
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
