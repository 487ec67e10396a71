// `npm run check`: no source file over 400 lines, so each stays one job a reader can hold.
// Exempt: data tables (a department generator's word lists: words.ts and the tables named below)
// and committed migrations, which are generated and never edited once released.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const MAX_LINES = 400;
const exempt = [/^src\/db\/migrations\/Migration\d+\.ts$/, /\/generator\/(words|minerals|sectors)\.ts$/];
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'src', 'bench', 'scripts'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.(ts|mjs|js)$/.test(f) && !exempt.some((e) => e.test(f)));
const tooLong = files
  .map((f) => {
    try {
      return { f, n: readFileSync(f, 'utf8').split('\n').length - 1 };
    } catch {
      return { f, n: 0 }; // listed by git but deleted in the work tree
    }
  })
  .filter(({ n }) => n > MAX_LINES);
for (const { f, n } of tooLong) console.error(`${f}: ${n} lines (at most ${MAX_LINES}; split it along a seam, or name it a data table in ${import.meta.filename.split('/').slice(-2).join('/')})`);
process.exit(tooLong.length ? 1 : 0);
