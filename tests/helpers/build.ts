import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * `npm run build` in `root`, one at a time: test files run side by side (vitest.config.ts), and two
 * builds at once would both write dist/ while a server started from it reads it. A later build finds
 * nothing changed and writes nothing. Every test file that builds should build through this.
 */
export function buildApp(root: string): void {
  const lock = path.join(os.tmpdir(), `gongkai-build-${createHash('sha256').update(root).digest('hex').slice(0, 16)}.lock`);
  const deadline = Date.now() + 170_000;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // A lock left by a process that died (killed mid-build) is taken over.
      const holder = Number(readFileSync(lock, 'utf8') || 0);
      if (holder && !alive(holder)) {
        rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`another test file's build (process ${holder}) holds ${lock}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  } finally {
    rmSync(lock, { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
