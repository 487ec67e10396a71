import { openDatabase } from '../db/database.js';
import { pendingMigrations } from '../db/migrate.js';
import { ConfigError } from '../config.js';
import { loadReferenceData } from '../seeders/reference-data.js';
import type { CommandContext } from './run.js';

export async function seedCommand({ config, logger }: CommandContext): Promise<void> {
  const db = await openDatabase(config, logger);
  try {
    const pending = await pendingMigrations(db.orm);
    if (pending.length) throw new ConfigError(`${pending.length} migration(s) pending: run \`gongkai migrate\` first`);
    const counts = await loadReferenceData(db.orm.em.fork());
    console.log(Object.entries(counts).map(([table, n]) => `${table}: ${n}`).join('\n'));
  } finally {
    await db.close();
  }
}
