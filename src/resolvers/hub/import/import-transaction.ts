import type { EntityManager } from '@mikro-orm/postgresql';
import { run } from '../../../kernel/sql/run.js';
import { sql } from '../../../kernel/sql/sql.js';

/**
 * Room in the title search index's pending list for a whole import: GIN (fastupdate) queues new entries in a pending
 * list and merges it into the index whenever it outgrows gin_pending_list_limit (4 MB by default), which a 50,000-row
 * import did several times, in its own transaction, for about a third of the time its hub inserts took. With room
 * for the import the merge is left to autovacuum, which the import's inserts trigger, after the import has committed;
 * until then title searches also read the pending list (still correct, a little slower). Bounded, so an import of
 * millions still merges as it goes rather than leaving an unbounded list behind.
 */
const IMPORT_GIN_PENDING_LIST = '64MB';

/** Settings for the import's transaction only (`set local`: they end with it, committed or not). */
export async function tuneImportTransaction(tx: EntityManager): Promise<void> {
  await run(tx, sql.raw(`set local gin_pending_list_limit = '${IMPORT_GIN_PENDING_LIST}'`), 'generic');
}
