#!/usr/bin/env node
// The CLI runs from the compiled build; `npm start` and `npm run build` make it.
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('gongkai: not built yet; run `npm run build` (npm start builds for you)\n');
  process.exit(1);
}
await import(main.href);
