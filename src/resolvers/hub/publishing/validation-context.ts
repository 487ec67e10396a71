import type { EntityManager } from '@mikro-orm/postgresql';
import { jurisdictionOf } from '../../access/policy.js';
import { Role, type Viewer } from '../../../kernel/viewer.js';
import { run, runOne } from '../../../kernel/sql/run.js';
import { sql } from '../../../kernel/sql/sql.js';
import type { ValidationContext } from './contract.js';
import { recordInputType } from './record-input-schema.js';

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

/**
 * Loads, in three small statements, what validating any number of records
 * needs: the regions, the viewer's department's domains and jurisdiction, and
 * which of the named credit codes are existing subjects.
 */
export async function loadValidationContext(em: EntityManager, viewer: Viewer, creditCodes: Iterable<string>): Promise<ValidationContext> {
  const regions = await run<{ code: string }>(em, sql`select code from region`, 'per-values');
  let publisher: ValidationContext['publisher'] = null;
  if (viewer.role === Role.PUBLISHER && viewer.departmentCode) {
    const row = await runOne<{ kind: string; region_code: string; domains: string[] }>(
      em,
      sql`select p.kind, p.region_code, coalesce(array_agg(r.domain::text) filter (where r.domain is not null), '{}') as domains
            from department p left join responsibility r on r.department_code = p.code
           where p.code = ${viewer.departmentCode} group by p.kind, p.region_code`,
      'per-values',
    );
    if (row) publisher = { departmentCode: viewer.departmentCode, domains: new Set(row.domains), jurisdiction: jurisdictionOf(row.kind, row.region_code) };
  }
  return {
    viewer,
    regions: new Set(regions.map((r) => r.code)),
    publisher,
    knownCreditCodes: await existingCreditCodes(em, creditCodes),
    inputType: await recordInputType(),
  };
}

/** Of the given credit codes, those of existing market subjects (one statement). */
export async function existingCreditCodes(em: EntityManager, creditCodes: Iterable<string>): Promise<Set<string>> {
  const codes = [...new Set([...creditCodes].map((c) => c.toUpperCase()))];
  if (codes.length === 0) return new Set();
  const known = await run<{ credit_code: string }>(
    em,
    sql`select credit_code from subject where credit_code in (select jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb))`,
  );
  return new Set(known.map((k) => k.credit_code));
}
