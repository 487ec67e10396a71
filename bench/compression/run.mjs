// node bench/compression/run.mjs [URL]   (a running server with the demo data, e.g. `npm start`;
// default http://127.0.0.1:4000/graphql). What each zlib setting costs on two large answers,
// and what a whole request takes with each Accept-Encoding; prints Markdown tables.
import http from 'node:http';
import zlib from 'node:zlib';
import { printMachine } from '../machine.mjs';

const url = process.argv[2] ?? 'http://127.0.0.1:4000/graphql';

const questions = {
  'disclosures(first: 100), wide': `{ disclosures(first: 100) { edges { cursor node { id domain category title amount formedOn publishedOn
    deadline daysLate overdue status version projectCode exemption provisional provisionalReason retractedOn retractionReason
    publisher { code name shortName } region { code name } timeLimit { amount basis unit }
    parties { role rank subject { creditCode name creditLevel } } publications { channel publishedOn url }
    revisions { version changedOn title reason amount snapshot } } } } }`,
  introspection:
    '{ __schema { types { name description fields { name description args { name description } type { name kind ofType { name kind } } } } } }',
};

function post(query, acceptEncoding) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({ body: Buffer.concat(chunks), encoding: res.headers['content-encoding'], ms: performance.now() - started }),
        );
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ query }));
  });
}

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)];
const median = (xs) => quantile(xs, 0.5);

// As src/server/compression.ts calls it: the quality, and the size as a hint.
const brotli = (quality) => (b) =>
  zlib.brotliCompressSync(b, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length },
  });

const settings = [
  ['gzip 4', (b) => zlib.gzipSync(b, { level: 4 })],
  ['gzip 6', (b) => zlib.gzipSync(b, { level: 6 })],
  ['br 4', brotli(4)],
  ['br 5', brotli(5)],
  ['br 6', brotli(6)],
  ['br 11 (default)', brotli(11)],
];

console.log(printMachine());
console.log('\n| answer | bytes | setting | compressed | ratio | ms (median of 50) |\n|---|---:|---|---:|---:|---:|');
for (const [name, query] of Object.entries(questions)) {
  const { body } = await post(query);
  for (const [label, compress] of settings) {
    const runs = label.startsWith('br 11') ? 5 : 50;
    const times = [];
    let out;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      out = compress(body);
      times.push(performance.now() - t);
    }
    console.log(
      `| ${name} | ${body.length} | ${label} | ${out.length} | ${((100 * out.length) / body.length).toFixed(1)}% | ${median(times).toFixed(2)} |`,
    );
  }
}

console.log(
  '\n| answer | Accept-Encoding | sent | bytes on the wire | request ms, median of 50 (loopback) | p90 |\n|---|---|---|---:|---:|---:|',
);
for (const [name, query] of Object.entries(questions)) {
  for (const accept of [undefined, 'gzip', 'gzip, deflate, br']) {
    const times = [];
    let last;
    for (let i = 0; i < 55; i++) {
      last = await post(query, accept);
      if (i >= 5) times.push(last.ms);
    }
    console.log(
      `| ${name} | ${accept ?? '(none)'} | ${last.encoding ?? 'identity'} | ${last.body.length} | ${median(times).toFixed(2)} | ${quantile(times, 0.9).toFixed(2)} |`,
    );
  }
}
