import { Role } from '../../src/kernel/viewer.js';
import { seedDatabase } from '../../src/generator/seed.js';
import { loadReferenceData } from '../../src/seeders/reference-data.js';
import { startTestApp, type TestApp } from './database.js';

/** A server to write to, and what a write names: the publisher writing, and a subject that exists. */
export interface WriteTestApp {
  app: TestApp;
  /** A PUBLISHER token of QH-FINANCE (省财政厅), which every test record is published as. */
  finance: string;
  /** The credit code of a generated subject (the first in order), for a record's parties. */
  code: string;
}

/**
 * The real server over the reference data and a small generated set (scale 20, `seed` naming it, up to
 * 2025-06-30): the setup tests/hub/publishing/write-hardening.test.ts and tests/hub/publishing/write-races.test.ts share.
 */
export async function startWriteTestApp(seed: string): Promise<WriteTestApp> {
  const app = await startTestApp({ demo: false });
  try {
    await loadReferenceData(app.database.orm.em.fork());
    await seedDatabase(app.database.orm, { scale: 20, seed, until: '2025-06-30' });
    const [first] = await app.query<{ credit_code: string }>('select credit_code from subject order by credit_code limit 1');
    const finance = await app.tokenFor(Role.PUBLISHER, 'QH-FINANCE');
    return { app, finance, code: first!.credit_code };
  } catch (err) {
    await app.close();
    throw err;
  }
}
