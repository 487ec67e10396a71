import type { EntityManager } from '@mikro-orm/postgresql';
import { getNullableType, type GraphQLInputObjectType, type GraphQLSchema } from 'graphql';
import { jurisdictionOf } from '../../access/policy.js';
import { Role, type Viewer } from '../../../kernel/viewer.js';
import { executeBound } from '../../../kernel/sql/bound-sql.js';
import type { ValidationContext } from './index.js';

/** Every credit code a raw record names (parties, and `creditCode` fields anywhere in its details), for loadValidationContext. */
export function collectCreditCodes(raw: unknown, into: Set<string> = new Set()): Set<string> {
  const walk = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) for (const v of value) walk(v);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
    else if (key === 'creditCode' && typeof value === 'string') into.add(value.toUpperCase());
  };
  walk(raw);
  return into;
}

let schemaPromise: Promise<GraphQLSchema> | undefined;

/** The schema the input types are coerced against; the app hands its own over, a CLI builds one once. */
export function useSchema(schema: GraphQLSchema): void {
  schemaPromise = Promise.resolve(schema);
}

async function publishInputType(): Promise<GraphQLInputObjectType> {
  // Imported lazily: the schema's resolvers import this module.
  schemaPromise ??= import('../../../schema/build-schema.js').then((m) => m.buildGongkaiSchema());
  const type = (await schemaPromise).getType('PublishDisclosureInput');
  if (!type) throw new Error('the schema has no PublishDisclosureInput');
  return getNullableType(type) as GraphQLInputObjectType;
}

/**
 * Loads, in three small statements, what validating any number of records
 * needs: the regions, the viewer's department's domains and jurisdiction, and
 * which of the named credit codes are existing subjects.
 */
export async function loadValidationContext(em: EntityManager, viewer: Viewer, creditCodes: Iterable<string>): Promise<ValidationContext> {
  const regions = (await em.execute('select code from region')) as { code: string }[];
  let publisher: ValidationContext['publisher'] = null;
  if (viewer.role === Role.PUBLISHER && viewer.departmentCode) {
    const [row] = (await em.execute(
      `select p.kind, p.region_code, coalesce(array_agg(r.domain::text) filter (where r.domain is not null), '{}') as domains
         from department p left join responsibility r on r.department_code = p.code
        where p.code = ? group by p.kind, p.region_code`,
      [viewer.departmentCode],
    )) as { kind: string; region_code: string; domains: string[] }[];
    if (row) publisher = { departmentCode: viewer.departmentCode, domains: new Set(row.domains), jurisdiction: jurisdictionOf(row.kind, row.region_code) };
  }
  return {
    viewer,
    regions: new Set(regions.map((r) => r.code)),
    publisher,
    knownCreditCodes: await existingCreditCodes(em, creditCodes),
    inputType: await publishInputType(),
  };
}

/** Of the given credit codes, those of existing market subjects (one statement). */
export async function existingCreditCodes(em: EntityManager, creditCodes: Iterable<string>): Promise<Set<string>> {
  const codes = [...new Set([...creditCodes].map((c) => c.toUpperCase()))];
  if (codes.length === 0) return new Set();
  const known = await executeBound<{ credit_code: string }>(em, 'select credit_code from subject where credit_code in (select jsonb_array_elements_text($1::jsonb))', [JSON.stringify(codes)]);
  return new Set(known.map((k) => k.credit_code));
}
