// Gongkai's SQL for bench/peers questions (second asking), each with its
// EXPLAIN ANALYZE execution time, row count and result size:
//   DATABASE_URL=… node bench/peers/explain.mjs 'nested page' 'enterprise 360'   (PLAN=1 prints plans)
// (node by id is not supported here: it needs a Gongkai id.)
import pg from 'pg';
import { questions } from './questions.mjs';
const url = process.env.DATABASE_URL;
const { startApp } = await import('../../dist/app.js');
const { createLogger } = await import('../../dist/logger.js');
const c = new pg.Client({ connectionString: url }); await c.connect();
const [{ credit_code: busiest }] = (await c.query('select credit_code from disclosure_party group by credit_code order by count(*) desc, credit_code limit 1')).rows;
let log = null;
const app = await startApp({ databaseUrl: url, dataDir: 'memory://', host: '127.0.0.1', port: 0, logLevel: 'silent', corsOrigins: '*', poolIdleMs: 30_000, statementTimeoutMs: 10_000, poolWaitMs: 5_000, rateLimits: null }, createLogger('silent', { pretty: false }), { onQuery: (sql, params) => log?.push({ sql, params }) });
const qs = questions({ busiest, nodeRecord: { id: 1, gongkaiId: 'x' } });
for (const name of process.argv.slice(2)) {
  const q = qs[name].gongkai;
  const post = () => fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(q) }).then((r) => r.json());
  await post(); log = []; await post();
  const captured = log; log = null;
  console.log('=====', name);
  for (const { sql, params } of captured) {
    // MikroORM writes ? placeholders; pg wants $n.
    let i = 0; const text = sql.replace(/\?/g, () => `$${++i}`);
    try {
      const { rows } = await c.query(`explain (analyze, buffers off, timing on) ${text}`, params);
      const lines = rows.map((r) => r['QUERY PLAN']);
      const result = await c.query(text, params);
      const bytes = JSON.stringify(result.rows).length;
      console.log(lines.at(-1), `| ${result.rows.length} rows, ${bytes} bytes |`, text.replace(/\s+/g, ' ').slice(0, 160));
      if (process.env.PLAN) console.log(lines.join('\n'));
    } catch (e) { console.log('ERR', e.message, text.slice(0, 300)); }
  }
}
await app.close(); await c.end();
