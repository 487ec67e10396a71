// One bench/peers question against one running engine, for profiling:
//   NODE_ENV=production node --cpu-prof --cpu-prof-dir=/tmp/prof dist/cli/main.js serve &
//   DATABASE_URL=… node bench/peers/load.mjs gongkai http://127.0.0.1:4000/graphql 'enterprise 360' 10 8
//   kill -INT %1; node bench/cpu-top.mjs /tmp/prof/*.cpuprofile
// engine: gongkai | postgraphile.
import autocannon from 'autocannon';
import pg from 'pg';
import { typeNameLookup } from '../read/type-names.mjs';
import { questions } from './questions.mjs';

const [engine, url, name, seconds, conns] = process.argv.slice(2);
const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
await c.connect();
const [{ credit_code: busiest }] = (await c.query('select credit_code from disclosure_party group by credit_code order by count(*) desc, credit_code limit 1')).rows;
const { rows: [{ n }] } = await c.query('select count(*)::int as n from disclosure');
const { rows: [record] } = await c.query('select id, domain, category from disclosure where id = $1', [Math.ceil(n / 2)]);
await c.end();
const typeName = await typeNameLookup();
const gongkaiId = Buffer.from(`${typeName(record.domain, record.category)}:${record.id}`, 'utf8').toString('base64url');
const q = questions({ busiest, nodeRecord: { id: record.id, gongkaiId } })[name][engine];
const r = await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q.query, variables: q.variables }), connections: Number(conns ?? 1), duration: Number(seconds ?? 10) });
console.log(engine, name, 'rps', r.requests.average, 'p50', r.latency.p50, 'mean', r.latency.average, 'non2xx', r.non2xx);
