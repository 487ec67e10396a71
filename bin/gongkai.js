#!/usr/bin/env node
// The CLI runs from the compiled build; `npm start` and `npm run build` make it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);

// graphql-js adds development-only checks on every value it resolves unless told it
// runs in production; a deployment that wants them sets NODE_ENV=development.
process.env.NODE_ENV ??= 'production';
if (!existsSync(main)) {
  process.stderr.write('gongkai: not built yet; run `npm run build` (npm start builds for you)\n');
  process.exit(1);
}

// Seeding allocates briskly and V8 grows its heap lazily, so without a cap a
// long run's memory drifts far above what it holds. Its live set is bounded
// (one chunk of records at a time), so a capped heap keeps it at about 250 MB.
const SEED_HEAP_MB = 256;
const heapFlag = `--max-old-space-size=${SEED_HEAP_MB}`;
if (process.argv[2] === 'seed' && !process.execArgv.some((a) => a.startsWith('--max-old-space-size'))) {
  const child = spawn(process.execPath, [...process.execArgv, heapFlag, ...process.argv.slice(1)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => (signal ? process.kill(process.pid, signal) : process.exit(code ?? 1)));
} else {
  await import(main.href);
}
