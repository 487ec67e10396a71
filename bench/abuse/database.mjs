// The benchmark's own database, seeded with the project's CLI, and what the
// well-behaved clients ask about (ids, credit codes) read from it.
import { spawn } from 'node:child_process';
import pg from 'pg';
import { globalId } from '../read/questions.mjs';
import { typeNameLookup } from '../read/type-names.mjs';

export const NAME = 'gongkai_bench_abuse';
const SEED = 'bench';
// Fixed, so the same rows come out on any machine and any day (as bench/read).
const UNTIL = '2026-11-20';

export function databaseUrl(server, name = NAME) {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

async function query(url, sql, params) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows;
  } finally {
    await c.end();
  }
}

function gongkai(argv, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/gongkai.js', ...argv], { env: { ...process.env, ...env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`gongkai ${argv.join(' ')} exited ${code}`))));
  });
}

/**
 * Seeds `scale` disclosures once; a later run with the same parameters reuses
 * them (the parameters are kept as the database's comment, written only once
 * seeding has finished, so a half-seeded database is never reused).
 */
export async function prepareDatabase(server, scale, log) {
  const url = databaseUrl(server);
  const params = `gongkai bench/abuse: scale=${scale} seed=${SEED} until=${UNTIL}`;
  const [existing] = await query(server, `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`, [NAME]);
  if (existing?.comment === params) {
    log(`reusing ${NAME} (${scale.toLocaleString('en')} disclosures)`);
    // Reused data, current schema: later migrations apply to it as to any database.
    await gongkai(['migrate'], { DATABASE_URL: url });
    await query(url, 'vacuum analyze');
    return url;
  }
  if (existing) await query(server, `drop database ${NAME} with (force)`);
  await query(server, `create database ${NAME}`);
  log(`seeding ${scale.toLocaleString('en')} disclosures into ${NAME}…`);
  const started = performance.now();
  await gongkai(['migrate'], { DATABASE_URL: url });
  await gongkai(['seed', '--scale', String(scale), '--seed', SEED, '--until', UNTIL], { DATABASE_URL: url });
  await query(url, 'vacuum analyze');
  await query(server, `comment on database ${NAME} is '${params}'`);
  log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return url;
}

/**
 * What the well-behaved clients ask about: public records to fetch by id, and
 * subjects to look up, both the busiest (heavy enterprise 360s) and a spread.
 */
export async function clientContext(url) {
  const typeName = await typeNameLookup();
  const visible = `exemption = 'NONE' and published_on <= (now() at time zone 'Asia/Shanghai')::date`;
  const records = await query(url, `select id, domain, category from disclosure where ${visible} order by md5(id::text) limit 300`);
  const busiest = await query(url, 'select credit_code from disclosure_party group by credit_code order by count(*) desc, credit_code limit 20');
  const spread = await query(url, `select credit_code from subject where kind = 'ENTERPRISE' order by md5(credit_code) limit 200`);
  return {
    nodeIds: records.map((r) => globalId(typeName(r.domain, r.category), r.id)),
    creditCodes: [...busiest, ...spread].map((r) => r.credit_code),
  };
}

export async function serverVersion(server) {
  return (await query(server, 'show server_version'))[0].server_version;
}
