import type { EntityManager } from '@mikro-orm/postgresql';
import { runOne } from '../../kernel/sql/run.js';
import { sql } from '../../kernel/sql/sql.js';

/** A department's names as the audit trail keeps them (updateDepartment). */
export interface StoredDepartment {
  code: string;
  name: string;
  shortName: string;
  kind: string;
  regionCode: string;
}

const COLUMNS = sql.raw(`code, name, short_name as "shortName", kind, region_code as "regionCode"`);

export async function departmentExists(em: EntityManager, code: string): Promise<boolean> {
  return (await runOne(em, sql`select 1 from department where code = ${code}`)) !== undefined;
}

/** A department by code, locked for the transaction. */
export async function lockDepartment(tx: EntityManager, code: string): Promise<StoredDepartment | undefined> {
  return runOne<StoredDepartment>(tx, sql`select ${COLUMNS} from department where code = ${code} for update`);
}

/** Renames a department; the department as it now is. */
export async function renameDepartment(tx: EntityManager, code: string, name: string, shortName: string): Promise<StoredDepartment | undefined> {
  return runOne<StoredDepartment>(tx, sql`update department set name = ${name}, short_name = ${shortName} where code = ${code} returning ${COLUMNS}`);
}
