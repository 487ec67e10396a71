// One bench/read question against a running server, for profiling:
//   NODE_ENV=production node --cpu-prof --cpu-prof-dir=/tmp/prof dist/cli/main.js serve &
//   DATABASE_URL=… node bench/read/load.mjs http://127.0.0.1:4000/graphql 'nested page' 10 4
//   kill -INT %1; node bench/cpu-top.mjs /tmp/prof/*.cpuprofile
import autocannon from 'autocannon';
import pg from 'pg';
import { questions } from './questions.mjs';
import { typeNameLookup } from './type-names.mjs';
const [url, name, seconds, conns] = process.argv.slice(2);
const c = new pg.Client({ connectionString: process.env.DATABASE_URL }); await c.connect();
const [{ credit_code: busiest }] = (await c.query('select credit_code from disclosure_party group by credit_code order by count(*) desc, credit_code limit 1')).rows;
const [nodeRecord] = (await c.query('select id, domain, category from disclosure order by id limit 1 offset 4999')).rows;
await c.end();
const q = questions({ busiest, nodeRecord, typeName: await typeNameLookup() })[name];
const r = await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q.query, variables: q.variables }), connections: Number(conns ?? 1), duration: Number(seconds ?? 10) });
console.log(name, 'rps', r.requests.average, 'p50', r.latency.p50, 'mean', r.latency.average, 'non2xx', r.non2xx);
