import type { EntityManager } from '@mikro-orm/postgresql';
import { run, runOne } from '../../kernel/sql/run.js';
import { sql } from '../../kernel/sql/sql.js';

/**
 * The catalogue's writes (adjustCatalogueItem): a version as the audit trail keeps it, locked, closed and added.
 * The reads the graph serves go through the entity (catalogue.resolver.ts).
 */
export interface StoredItem {
  itemId: number;
  domain: string;
  category: string;
  regionCode: string;
  item: string;
  contentElements: string[];
  timeLimitAmount: number;
  timeLimitUnit: string;
  timeLimitBasis: string;
  disclosureMode: string;
  channels: string[];
  responsibleDepartmentCode: string;
  supervisionChannel: string;
  version: number;
  validFrom: string;
  validUntil: string | null;
}

/** A version to add: the stored fields but its id and end. */
export type NewItem = Omit<StoredItem, 'itemId' | 'validUntil'>;

/** Every field of StoredItem, named as it is there (the audit entries' shape). */
const ITEM_COLUMNS = sql.raw(`item_id as "itemId", domain, category, region_code as "regionCode", item, content_elements as "contentElements",
  time_limit_amount as "timeLimitAmount", time_limit_unit as "timeLimitUnit", time_limit_basis as "timeLimitBasis",
  disclosure_mode as "disclosureMode", channels::text[] as channels, responsible_department_code as "responsibleDepartmentCode",
  supervision_channel as "supervisionChannel", version, valid_from::text as "validFrom", valid_until::text as "validUntil"`);

export async function regionExists(em: EntityManager, code: string): Promise<boolean> {
  return (await runOne(em, sql`select 1 from region where code = ${code}`)) !== undefined;
}

/** A version by id, locked for the transaction. */
export async function lockItem(tx: EntityManager, itemId: number): Promise<StoredItem | undefined> {
  return runOne<StoredItem>(tx, sql`select ${ITEM_COLUMNS} from catalogue_item where item_id = ${itemId} for update`);
}

/** The current versions of a category in any of `regions`, locked for the transaction. */
export async function lockCurrentItems(tx: EntityManager, domain: string, category: string, regions: readonly string[]): Promise<StoredItem[]> {
  return run<StoredItem>(
    tx,
    sql`select ${ITEM_COLUMNS} from catalogue_item
         where domain = ${domain}::domain and category = ${category} and region_code = any(${regions}::text[]) and valid_until is null
         for update`,
  );
}

/** Closes a version on `validUntil` (its last day); the version as it now is. */
export async function closeItem(tx: EntityManager, itemId: number, validUntil: string): Promise<StoredItem | undefined> {
  return runOne<StoredItem>(tx, sql`update catalogue_item set valid_until = ${validUntil}::date where item_id = ${itemId} returning ${ITEM_COLUMNS}`);
}

/** Adds a version; the version as stored. */
export async function insertItem(tx: EntityManager, v: NewItem): Promise<StoredItem> {
  const [added] = await run<StoredItem>(
    tx,
    sql`insert into catalogue_item (domain, category, region_code, item, content_elements, time_limit_amount, time_limit_unit, time_limit_basis,
                                    disclosure_mode, channels, responsible_department_code, supervision_channel, version, valid_from)
        values (${v.domain}::domain, ${v.category}, ${v.regionCode}, ${v.item}, ${v.contentElements}::text[], ${v.timeLimitAmount},
                ${v.timeLimitUnit}::time_limit_unit, ${v.timeLimitBasis}, ${v.disclosureMode}::disclosure_mode, ${v.channels}::channel[],
                ${v.responsibleDepartmentCode}, ${v.supervisionChannel}, ${v.version}, ${v.validFrom}::date)
        returning ${ITEM_COLUMNS}`,
  );
  return added!;
}
