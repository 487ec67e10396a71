import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Prefix of this run's template databases (tests/helpers/database.ts); empty without a server. */
    gongkaiTestRun: string;
  }
}

/**
 * Names this run, so the template databases its test files make are its own
 * (another run may share the server), and drops them once every file is done.
 */
export default function setup(project: TestProject): (() => Promise<void>) | void {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    project.provide('gongkaiTestRun', '');
    return;
  }
  const run = `gongkai_template_${process.pid}_${randomBytes(3).toString('hex')}`;
  project.provide('gongkaiTestRun', run);
  return async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(`select datname from pg_database where starts_with(datname, $1)`, [`${run}_`]);
      for (const { datname } of rows) {
        const name = pg.escapeIdentifier(datname);
        // A template cannot be dropped as such.
        await client.query(`alter database ${name} with is_template false`);
        await client.query(`drop database if exists ${name} with (force)`);
      }
    } finally {
      await client.end();
    }
  };
}
