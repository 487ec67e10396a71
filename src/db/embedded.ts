import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { ConfigError } from '../config.js';
import { serveSessions } from './embedded-sessions.js';

/**
 * The embedded default: PostgreSQL compiled to WASM (PGlite), served on a
 * loopback socket so MikroORM and `pg` talk to it exactly as to a server
 * (db/embedded-sessions.ts). PGlite runs one statement at a time, so the
 * process that starts it uses a pool of 1; `gongkai` commands run beside it
 * connect to the same socket (the lock file names it) rather than open the
 * directory a second time.
 */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** What the lock file in the data directory says: who has it open, and where it serves it. */
interface LockOwner {
  pid: number;
  url?: string;
}

export const IN_MEMORY = 'memory://';

/** `dataDir` of `memory://` keeps everything in memory (tests, throw-away runs). */
export async function startEmbedded(dataDir: string): Promise<EmbeddedDatabase> {
  const inMemory = dataDir === IN_MEMORY;
  const lock = inMemory ? undefined : lockDataDir(dataDir);
  const release = () => lock?.release();
  let db: PGlite | undefined;
  try {
    db = await PGlite.create(inMemory ? IN_MEMORY : path.join(dataDir, 'pgdata'), {
      extensions: { pg_trgm },
    });
    const server = await serveSessions(db);
    const url = `postgres://postgres@${server.address}/postgres`;
    lock?.publish(url);
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
 * The socket of the process that has the data directory open, when one does
 * (and is alive): another process must connect there, never open the files.
 */
export function servingProcess(dataDir: string): { pid: number; url: string | undefined } | undefined {
  if (dataDir === IN_MEMORY) return undefined;
  const owner = readLock(path.join(dataDir, LOCK_FILE));
  return owner && owner.pid !== process.pid && isAlive(owner.pid) ? { pid: owner.pid, url: owner.url } : undefined;
}

const LOCK_FILE = 'gongkai.lock';

/**
 * PGlite is single-process: a second process opening the same directory
 * would corrupt it, so the directory carries a lock naming its owner and,
 * once it listens, the owner's socket.
 */
function lockDataDir(dataDir: string): { publish(url: string): void; release(): void } {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  const write = (owner: LockOwner, flag: string) => fs.writeFileSync(lockPath, JSON.stringify(owner), { flag, mode: 0o600 });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      write({ pid: process.pid }, 'wx');
      return {
        publish: (url) => write({ pid: process.pid, url }, 'w'),
        release: () => fs.rmSync(lockPath, { force: true }),
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readLock(lockPath);
      if (owner && owner.pid !== process.pid && isAlive(owner.pid)) {
        throw new ConfigError(
          `the embedded database in ${dataDir} is in use by process ${owner.pid}; stop it or set GONGKAI_DATA_DIR to another folder`,
        );
      }
      fs.rmSync(lockPath, { force: true }); // stale lock from a process that died
    }
  }
  throw new ConfigError(`could not lock ${lockPath}`);
}

/** The lock's owner; a lock written by an earlier version holds the pid alone. */
function readLock(lockPath: string): LockOwner | undefined {
  let text: string;
  try {
    text = fs.readFileSync(lockPath, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const owner = JSON.parse(text) as LockOwner | number;
    if (typeof owner === 'number') return { pid: owner };
    return Number.isInteger(owner.pid) ? { pid: owner.pid, url: typeof owner.url === 'string' ? owner.url : undefined } : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
