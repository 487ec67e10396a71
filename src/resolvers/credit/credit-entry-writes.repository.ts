import type { EntityManager } from '@mikro-orm/postgresql';
import { runOne } from '../../kernel/sql/run.js';
import { sql } from '../../kernel/sql/sql.js';

/** The stored fields of a credit entry, as the audit trail keeps them (addCreditEntry, revokeCreditEntry). */
export interface StoredEntry {
  entryId: number;
  list: string;
  subjectCreditCode: string;
  reason: string;
  legalBasis: string;
  decidedByCode: string;
  decidedOn: string;
  validFrom: string;
  validUntil: string | null;
  measures: unknown;
  revokedOn: string | null;
  revocationReason: string | null;
  basisDisclosureId: number | null;
}

/** An entry to add: the stored fields but its id and revocation; `measures` as JSON. */
export type NewEntry = Omit<StoredEntry, 'entryId' | 'revokedOn' | 'revocationReason'>;

const ENTRY_COLUMNS = sql.raw(`entry_id as "entryId", list, credit_code as "subjectCreditCode", reason, legal_basis as "legalBasis",
  decided_by_code as "decidedByCode", decided_on::text as "decidedOn", valid_from::text as "validFrom", valid_until::text as "validUntil",
  measures, revoked_on::text as "revokedOn", revocation_reason as "revocationReason", basis_disclosure_id as "basisDisclosureId"`);

export async function subjectExists(em: EntityManager, creditCode: string): Promise<boolean> {
  return (await runOne(em, sql`select 1 from subject where credit_code = ${creditCode}`)) !== undefined;
}

export async function insertEntry(tx: EntityManager, e: NewEntry): Promise<StoredEntry> {
  const row = await runOne<StoredEntry>(
    tx,
    sql`insert into credit_entry (list, credit_code, reason, legal_basis, decided_by_code, decided_on, valid_from, valid_until, measures, basis_disclosure_id)
        values (${e.list}, ${e.subjectCreditCode}, ${e.reason}, ${e.legalBasis}, ${e.decidedByCode}, ${e.decidedOn}::date, ${e.validFrom}::date,
                ${e.validUntil}::date, ${JSON.stringify(e.measures)}::jsonb, ${e.basisDisclosureId}::int)
        returning ${ENTRY_COLUMNS}`,
  );
  return row!;
}

/** An entry by id, locked for the transaction. */
export async function lockEntry(tx: EntityManager, entryId: number): Promise<StoredEntry | undefined> {
  return runOne<StoredEntry>(tx, sql`select ${ENTRY_COLUMNS} from credit_entry where entry_id = ${entryId} for update`);
}

/** Marks an entry revoked; the entry as it now is. */
export async function markRevoked(tx: EntityManager, entryId: number, revokedOn: string, reason: string): Promise<StoredEntry | undefined> {
  return runOne<StoredEntry>(
    tx,
    sql`update credit_entry set revoked_on = ${revokedOn}::date, revocation_reason = ${reason} where entry_id = ${entryId} returning ${ENTRY_COLUMNS}`,
  );
}
