// npm run bench:import [-- --rows 50000 --runs 3]
// Imports N generated records with the compiled CLI into a fresh PostgreSQL
// database (`runs` times, each into a new copy of the prepared database, and
// reports the median: one run on a shared machine moves by ±10 %), then the
// same file again (nothing may change), then the file with every tenth record
// changed (revisions); prints rows/s and peak RSS with the machine, and writes
// bench/import/RESULTS.md.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { printMachine } from '../machine.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).flatMap((a, i, all) => (a.startsWith('--') ? [[a.slice(2), all[i + 1]]] : [])),
);
/** A whole number of at least `min` from `--name`, or the default; anything else stops the run with a message. */
function count(name, fallback, min) {
  const value = args[name] ?? String(fallback);
  if (!/^\d+$/.test(value) || Number(value) < min) {
    process.stderr.write(`bench:import: --${name} must be a whole number of at least ${min}, got "${value}"\n`);
    process.exit(2);
  }
  return Number(value);
}
const rows = count('rows', 50000, 10);
const runs = count('runs', 3, 1);
const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = 'gongkai_bench_import';
const url = new URL(server);
url.pathname = `/${name}`;
// The prepared database (reference data, subjects, the token): each first import starts from a copy of it.
const base = `${name}_base`;
const baseUrl = new URL(server);
baseUrl.pathname = `/${base}`;
const dir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-import-'));
const file = path.join(dir, 'records.ndjson');
const changedFile = path.join(dir, 'records-changed.ndjson');

function run(command, argv, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { env: { ...process.env, LOG_LEVEL: 'silent', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${argv.join(' ')}: exit ${code}\n${err.slice(0, 4000)}`))));
  });
}

async function admin(sql, connectionString = server) {
  const c = new pg.Client({ connectionString });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
}

/** One `gongkai import` run of the compiled CLI, timed from spawn to exit, with its peak RSS. */
async function importOnce(label, path, token) {
  const rssFile = `${path}.rss`;
  // The 1-minute load average as the run starts: on a shared machine, figures mean little without it.
  const load = os.loadavg()[0];
  const started = process.hrtime.bigint();
  const out = await run(process.execPath, ['--import', './bench/import/rss.mjs', 'bin/gongkai.js', 'import', path], {
    DATABASE_URL: url.toString(),
    GONGKAI_TOKEN: token,
    RSS_OUT: rssFile,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const m = /(\d+) created, (\d+) revised, (\d+) unchanged/.exec(out);
  if (!m) throw new Error(`unexpected output: ${out}`);
  const [created, revised, unchanged] = m.slice(1).map(Number);
  return { label, seconds, created, revised, unchanged, load, rssMiB: Number(readFileSync(rssFile, 'utf8')) };
}

/** The same file with every tenth record's title changed: each such row is a revision. */
async function changeEveryTenth(from, to) {
  const out = createWriteStream(to);
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(from) })) {
    if (!line) continue;
    let text = line;
    if (n++ % 10 === 0) {
      const record = JSON.parse(line);
      record.title = `${record.title}（更正）`;
      text = JSON.stringify(record);
    }
    if (!out.write(text + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

const version = (await admin('show server_version')).rows[0].server_version;
await admin(`drop database if exists ${name} with (force)`);
await admin(`drop database if exists ${base} with (force)`);
await admin(`create database ${base}`);
/** A new copy of the prepared database, written out (checkpoint) so no run pays for the one before. */
async function freshCopy() {
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name} template ${base}`);
  await admin('checkpoint');
}
try {
  process.stderr.write(`preparing ${rows} records…\n`);
  const prepared = JSON.parse((await run(process.execPath, ['bench/import/prepare.mjs', String(rows), file], { DATABASE_URL: baseUrl.toString() })).trim());
  // Statistics and hint bits of the prepared tables settled now, not by autovacuum during a timed run.
  await admin('vacuum analyze', baseUrl.toString());
  await changeEveryTenth(file, changedFile);
  const firsts = [];
  for (let i = 1; i <= runs; i++) {
    process.stderr.write(`first import (all new), run ${i} of ${runs}…\n`);
    await freshCopy();
    firsts.push(await importOnce('first import (all new)', file, prepared.token));
  }
  // The median run is reported; the database the last run left is the one imported into again.
  const median = [...firsts].sort((a, b) => a.seconds - b.seconds)[(runs - 1) >> 1];
  const results = [{ ...median, label: `first import (all new), median of ${runs}` }];
  for (const [label, f] of [['same file again', file], ['every tenth row changed', changedFile]]) {
    process.stderr.write(`${label}…\n`);
    results.push(await importOnce(label, f, prepared.token));
  }
  const [first, again, changed] = results;
  if (again.created !== 0 || again.revised !== 0 || again.unchanged !== prepared.rows) throw new Error(`the second import changed something: ${JSON.stringify(again)}`);
  if (first.created !== prepared.rows) throw new Error(`the first import created ${first.created} of ${prepared.rows}`);
  if (changed.revised !== Math.ceil(prepared.rows / 10)) throw new Error(`the changed file revised ${changed.revised}`);
  const table = [
    '| run | rows | created | revised | unchanged | seconds | rows/s | peak RSS | load average |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.label} | ${prepared.rows.toLocaleString('en')} | ${r.created.toLocaleString('en')} | ${r.revised.toLocaleString('en')} | ${r.unchanged.toLocaleString('en')} | ${r.seconds.toFixed(1)} | ${Math.round(prepared.rows / r.seconds).toLocaleString('en')} | ${r.rssMiB} MiB | ${r.load.toFixed(2)} |`,
    ),
  ].join('\n');
  const spread = `First import, each run (s): ${firsts.map((r) => r.seconds.toFixed(1)).join(', ')}.`;
  const report =
    `# bench/import\n\n` +
    `\`gongkai import\` (the compiled CLI, timed from start to exit: schema, connection and one transaction) of ` +
    `${prepared.rows.toLocaleString('en')} generated records (${prepared.categories} categories, naming ${prepared.subjects.toLocaleString('en')} subjects; ` +
    `NDJSON, ${(prepared.bytes / 2 ** 20).toFixed(1)} MiB) published by ${prepared.department}, into a fresh PostgreSQL ${version} database. ` +
    `The load average is the machine's 1-minute figure as each run starts (${os.cpus().length} CPUs; more than that means the run shared them).\n\n` +
    `${table}\n\n${spread}\n\n${printMachine({ postgres: version })}\n`;
  console.log(report);
  writeFileSync(new URL('./RESULTS.md', import.meta.url), report);
} finally {
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`drop database if exists ${base} with (force)`);
  rmSync(dir, { recursive: true, force: true });
}
