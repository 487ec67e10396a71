import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { ConfigError } from '../config.js';

/**
 * The embedded default: PostgreSQL compiled to WASM (PGlite), served on a
 * loopback socket so MikroORM and `pg` talk to it exactly as to a server.
 * The socket takes one connection, so callers must use a pool of 1.
 */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export const IN_MEMORY = 'memory://';

/** `dataDir` of `memory://` keeps everything in memory (tests, throw-away runs). */
export async function startEmbedded(dataDir: string): Promise<EmbeddedDatabase> {
  const inMemory = dataDir === IN_MEMORY;
  const release = inMemory ? () => {} : lockDataDir(dataDir);
  let db: PGlite | undefined;
  try {
    db = await PGlite.create(inMemory ? IN_MEMORY : path.join(dataDir, 'pgdata'), {
      extensions: { pg_trgm },
    });
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
    await server.start();
    const url = `postgres://postgres@${server.getServerConn()}/postgres`;
    const pglite = db;
    return {
      url,
      async stop() {
        await server.stop();
        // close() checkpoints, so the data directory is consistent on disk.
        await pglite.close();
        release();
      },
    };
  } catch (err) {
    await db?.close().catch(() => {});
    release();
    throw err;
  }
}

/**
 * PGlite is single-process: a second process opening the same directory
 * would corrupt it, so the directory carries a lock naming its owner.
 */
function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'gongkai.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockPath, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(fs.readFileSync(lockPath, 'utf8'));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new ConfigError(
          `the embedded database in ${dataDir} is in use by process ${owner}; stop it or set GONGKAI_DATA_DIR to another folder`,
        );
      }
      fs.rmSync(lockPath, { force: true }); // stale lock from a process that died
    }
  }
  throw new ConfigError(`could not lock ${lockPath}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
