import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import type { CommandContext } from './run.js';

export async function migrateCommand({ config, logger }: CommandContext, opts: { status?: boolean }): Promise<void> {
  const db = await openDatabase(config, logger);
  try {
    const migrator = db.orm.getMigrator();
    if (opts.status) {
      for (const m of await migrator.getExecutedMigrations()) console.log(`applied  ${m.name}`);
      for (const m of await migrator.getPendingMigrations()) console.log(`pending  ${m.name}`);
      return;
    }
    const applied = await migrate(db.orm);
    console.log(applied.length ? applied.map((name) => `applied  ${name}`).join('\n') : `${db.description}: up to date`);
  } finally {
    await db.close();
  }
}
