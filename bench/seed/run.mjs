// npm run bench:seed [-- --scales 100000,1000000 --embedded 100000]
// Seeds fresh databases at each scale and prints rows/s and peak memory, with the machine.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { printMachine } from '../machine.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).flatMap((a, i, all) => (a.startsWith('--') ? [[a.slice(2), all[i + 1]]] : [])),
);
const scales = (args.scales ?? '100000,1000000').split(',').map(Number);
const embeddedScales = (args.embedded ?? '100000').split(',').filter(Boolean).map(Number);
const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const UNTIL = '2026-11-20';

function run(env, scale) {
  return new Promise((resolve, reject) => {
    // The same heap cap bin/gongkai.js gives `gongkai seed`.
    const child = spawn(process.execPath, ['--max-old-space-size=256', 'bench/seed/child.mjs', String(scale), 'bench', UNTIL], {
      env: { ...process.env, ...env, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop())) : reject(new Error(`exit ${code}`))));
  });
}

async function admin(sql) {
  const c = new pg.Client({ connectionString: server });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
}

const results = [];
const version = (await admin('show server_version')).rows[0].server_version;
for (const scale of scales) {
  const name = `gongkai_bench_seed_${scale}`;
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  process.stderr.write(`PostgreSQL ${version}: ${scale} disclosures…\n`);
  const r = await run({ DATABASE_URL: url.toString() }, scale);
  results.push({ target: `PostgreSQL ${version}`, scale, ...r });
  await admin(`drop database if exists ${name} with (force)`);
}
for (const scale of embeddedScales) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-'));
  process.stderr.write(`embedded PGlite: ${scale} disclosures…\n`);
  const env = { GONGKAI_DATA_DIR: dir };
  delete process.env.DATABASE_URL;
  const r = await run(env, scale);
  results.push({ target: 'embedded PGlite', scale, ...r });
  rmSync(dir, { recursive: true, force: true });
}

const table = [
  '| target | disclosures | all rows | seconds | rows/s | disclosures/s | peak RSS |',
  '|---|---:|---:|---:|---:|---:|---:|',
  ...results.map((r) => {
    const rows = Object.values(r.rows).reduce((a, b) => a + b, 0);
    return `| ${r.target} | ${r.scale.toLocaleString('en')} | ${rows.toLocaleString('en')} | ${r.seconds.toFixed(1)} | ${Math.round(r.rowsPerSecond).toLocaleString('en')} | ${Math.round(r.scale / r.seconds).toLocaleString('en')} | ${r.maxRssMiB} MiB |`;
  }),
].join('\n');
const report = `# bench/seed\n\n${table}\n\n${printMachine({ postgres: version })}\n`;
console.log(report);
writeFileSync(new URL('./RESULTS.md', import.meta.url), report);
