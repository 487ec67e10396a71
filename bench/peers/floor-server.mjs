// The floor for bench/peers: plain SQL through pg, served over HTTP as JSON in
// its own process (as the two engines are), so all three pay for HTTP and JSON.
// argv: port; env: DATABASE_URL, BENCH_CONTEXT (JSON: busiest, nodeRecord).
import http from 'node:http';
import pg from 'pg';
import { questions } from './questions.mjs';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const qs = questions(JSON.parse(process.env.BENCH_CONTEXT));
const server = http.createServer(async (req, res) => {
  const name = new URL(req.url, 'http://x').searchParams.get('q');
  for await (const chunk of req) void chunk;
  try {
    const data = await qs[name].floor(pool);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ data }));
  } catch (err) {
    res.writeHead(500);
    res.end(String(err));
  }
});
server.listen(Number(process.argv[2]), '127.0.0.1', () => process.stdout.write('ready\n'));
