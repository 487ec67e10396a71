import type { EntityManager } from '@mikro-orm/postgresql';
import type { SubjectKind } from '../../entities/credit/subject.entity.js';
import { run } from '../../kernel/sql/run.js';
import { sql, type Sql } from '../../kernel/sql/sql.js';

/** The stored fields of a subject, as the audit trail keeps them (upsertSubjects). */
export interface SubjectRow {
  creditCode: string;
  name: string;
  kind: SubjectKind;
  regionCode: string | null;
  legalRepresentative: string | null;
  creditLevel: string | null;
  performanceCapacity: string | null;
  personnelReputation: string | null;
  idNumber: string | null;
  contactPhone: string | null;
}

/** A row to write: the stored fields, name and kind checked present before it is written. */
export type SubjectWrite = Omit<SubjectRow, 'name' | 'kind'> & { name: string | null; kind: SubjectKind | null };

const SUBJECT_COLUMNS = sql.raw(`credit_code as "creditCode", name, kind, region_code as "regionCode", legal_representative as "legalRepresentative",
  credit_level as "creditLevel", performance_capacity as "performanceCapacity", personnel_reputation as "personnelReputation",
  id_number as "idNumber", contact_phone as "contactPhone"`);

/** Rows as one JSON parameter, each a SubjectWrite. */
function recordset(rows: readonly SubjectWrite[]): Sql {
  return sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v("creditCode" text, name text, kind text, "regionCode" text, "legalRepresentative" text,
    "creditLevel" text, "performanceCapacity" text, "personnelReputation" text, "idNumber" text, "contactPhone" text)`;
}

/** Of `codes`, the region codes that exist. */
export async function knownRegions(tx: EntityManager, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  return new Set((await run<{ code: string }>(tx, sql`select code from region where code = any(${codes}::text[])`)).map((r) => r.code));
}

/** The stored subjects among `codes`, with the department that registered each, locked for the transaction. */
export async function lockSubjects(tx: EntityManager, codes: readonly string[]): Promise<(SubjectRow & { registeredByCode: string | null })[]> {
  if (codes.length === 0) return [];
  return run(tx, sql`select ${SUBJECT_COLUMNS}, registered_by_code as "registeredByCode" from subject where credit_code = any(${codes}::text[]) for update`);
}

/** Registers new subjects to `registeredBy`; how many were added (one another write registered meanwhile is not). */
export async function insertSubjects(tx: EntityManager, rows: readonly SubjectWrite[], registeredBy: string | null): Promise<number> {
  const inserted = await run(
    tx,
    sql`insert into subject (credit_code, name, kind, region_code, legal_representative, credit_level, performance_capacity, personnel_reputation,
                             id_number, contact_phone, registered_by_code)
        select v."creditCode", v.name, v.kind::subject_kind, v."regionCode", v."legalRepresentative", v."creditLevel", v."performanceCapacity",
               v."personnelReputation", v."idNumber", v."contactPhone", ${registeredBy}
          from ${recordset(rows)}
        on conflict (credit_code) do nothing returning credit_code`,
  );
  return inserted.length;
}

/** Writes every field of stored subjects. */
export async function updateSubjects(tx: EntityManager, rows: readonly SubjectWrite[]): Promise<void> {
  await run(
    tx,
    sql`update subject s set name = v.name, kind = v.kind::subject_kind, region_code = v."regionCode", legal_representative = v."legalRepresentative",
               credit_level = v."creditLevel", performance_capacity = v."performanceCapacity", personnel_reputation = v."personnelReputation",
               id_number = v."idNumber", contact_phone = v."contactPhone"
          from ${recordset(rows)} where s.credit_code = v."creditCode"`,
  );
}
