import type { EntityManager } from '@mikro-orm/postgresql';
import { run, runOne } from '../../kernel/sql/run.js';
import { sql } from '../../kernel/sql/sql.js';

/** An API token as stored, without its secret's hash (what token-admin.ts lists, revokes and audits). */
export type TokenRow = Record<string, unknown>;

const COLUMNS = sql.raw(`id, name, role, department_code as "departmentCode", created_at as "createdAt", expires_at as "expiresAt", revoked_at as "revokedAt"`);

export async function tokenRows(em: EntityManager): Promise<TokenRow[]> {
  return run(em, sql`select ${COLUMNS} from api_token order by id`);
}

export async function tokenRow(em: EntityManager, id: number): Promise<TokenRow | undefined> {
  return runOne(em, sql`select ${COLUMNS} from api_token where id = ${id}`);
}

/** A token by id, locked for the transaction, so two revocations of one token cannot both succeed. */
export async function lockToken(tx: EntityManager, id: number): Promise<TokenRow | undefined> {
  return runOne(tx, sql`select ${COLUMNS} from api_token where id = ${id} for update`);
}

/** Revokes a token now; the token as it now is. */
export async function markTokenRevoked(tx: EntityManager, id: number): Promise<TokenRow | undefined> {
  return runOne(tx, sql`update api_token set revoked_at = now() where id = ${id} returning ${COLUMNS}`);
}
