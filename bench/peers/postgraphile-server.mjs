// PostGraphile v5 over Gongkai's tables, in its own process as Gongkai is:
// the default preset (amber), schema public, grafserv on node:http, no watch.
//   node --import ./bench/peers/polyfill.mjs bench/peers/postgraphile-server.mjs <port> <stats port>
// env: DATABASE_URL. GET on <stats port> returns and resets the number of SQL
// statements its pool ran (transaction control excluded), for SQL/req;
// BENCH_LOG_SQL=1 prints each statement and its parameters to stderr.
import { createServer } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { addPgTableCondition, jsonPgSmartTags } from 'postgraphile/utils';

let statements = 0;
const control = /^\s*(begin|commit|rollback|select set_config)/i;
function counted(query) {
  return function (...args) {
    const text = typeof args[0] === 'string' ? args[0] : args[0]?.text;
    if (!control.test(text ?? '')) statements++;
    if (process.env.BENCH_LOG_SQL) process.stderr.write(`${text}\n${JSON.stringify(args[1] ?? null)}\n`);
    return query.apply(this, args);
  };
}
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
pool.query = counted(pool.query);
pool.on('connect', (client) => {
  client.query = counted(client.query);
});

// disclosure_party.credit_code has no foreign key to subject in Gongkai's
// schema (parties may name subjects not yet registered); PostGraphile's
// documented way to relate them anyway is a smart-tag virtual foreign key.
const VirtualForeignKey = jsonPgSmartTags({
  version: 1,
  config: {
    class: {
      disclosure_party: {
        tags: { foreignKey: '(credit_code) references subject (credit_code)' },
        // Parties are listed by role, then rank (candidates 1, 2, 3): the order
        // the other two use; amber offers orderBy on indexed columns only.
        attribute: { role: { tags: { behavior: ['+orderBy'] } }, rank: { tags: { behavior: ['+orderBy'] } } },
      },
      // The nested page lists enterprises; subject.kind has no index, so amber
      // leaves it out of `condition` until a behavior says otherwise.
      subject: { attribute: { kind: { tags: { behavior: ['+filterBy'] } } } },
    },
  },
});

// amber's `condition` is equality only; the filtered listing needs a date
// range and a city with its counties, added the documented way (graphile-utils).
const table = { schemaName: 'public', tableName: 'disclosure' };
const text = (build) => ({ type: build.graphql.GraphQLString });
const FormedOnFrom = addPgTableCondition(table, 'formedOnFrom', text, (v, { sql, sqlTableAlias }) => sql`${sqlTableAlias}.formed_on >= ${sql.value(v)}::date`);
const FormedOnTo = addPgTableCondition(table, 'formedOnTo', text, (v, { sql, sqlTableAlias }) => sql`${sqlTableAlias}.formed_on <= ${sql.value(v)}::date`);
// A city code (6301 00) covers its counties (6301 xx): the same range the floor uses.
const RegionWithin = addPgTableCondition(table, 'regionCodeWithin', text, (v, { sql, sqlTableAlias }) =>
  v == null ? null : sql`${sqlTableAlias}.region_code between ${sql.value(v)} and ${sql.value(`${String(v).slice(0, 4)}99`)}`,
);

const preset = {
  extends: [PostGraphileAmberPreset],
  plugins: [VirtualForeignKey, FormedOnFrom, FormedOnTo, RegionWithin],
  pgServices: [makePgService({ pool, schemas: ['public'] })],
  grafserv: { watch: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
await serv.addTo(server, false);
// grafserv answers every path on its server, so the count has its own port.
createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ statements }));
  statements = 0;
}).listen(Number(process.argv[3]), '127.0.0.1');
// The schema is built before the port opens, so `ready` means answering.
await pgl.getSchema();
server.listen(Number(process.argv[2]), '127.0.0.1', () => process.stdout.write('ready\n'));
