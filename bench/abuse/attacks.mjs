// The attackers, run as a child process of run.mjs. Four at once, each from
// its own address, each sending its next request as soon as the last is
// answered ("flat out"): hostile queries the limits refuse, the most expensive
// queries they still admit, a flood of cheap queries (32 in flight, so that one
// address does meet its rate limit), and oversized or odd bodies. The fifth
// kind takes every other request of the fourth attacker and sends a hostile
// query from a new address each time, past any per-address limit, to show the
// limiter's memory stays bounded and the operation limits hold on their own.
//
// The hostile queries are those of tests/server/operation-limits.test.ts (issue 19);
// there they are timed once on a quiet server, here many times under load.
import { answerLabel, keepAliveAgent, send } from './http.mjs';
import { Tally } from './stats.mjs';

const aliases = (n, field) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
const post = (query, variables) => ({ body: JSON.stringify(variables ? { query, variables } : { query }) });

/** `{ regions { children { parent { children { parent … { code } … }`: the 188-byte query that took the process down. */
export function regionsLoop(levels) {
  let inner = '{ code }';
  for (let i = levels; i >= 1; i--) inner = `{ ${i % 2 ? 'children' : 'parent'} ${inner} }`;
  return `{ regions ${inner} }`;
}

/** disclosures(first) → parties → subject → disclosures(first) …, `levels` times. */
function nestedDisclosures(levels, first = 100, leaf = 'id') {
  let inner = `{ edges { node { ${leaf} } } }`;
  for (let i = 1; i < levels; i++) inner = `{ edges { node { ${leaf} parties { subject { disclosures(first: ${first}) ${inner} } } } } }`;
  return `{ disclosures(first: 100) ${inner} }`;
}

function fragmentChain(n) {
  let chain = 'fragment F0 on Region { code }';
  for (let i = 1; i <= n; i++) chain += ` fragment F${i} on Region { children { ...F${i - 1} } }`;
  return `{ regions { ...F${n} } } ${chain}`;
}

function fragmentBomb(n) {
  let bomb = 'fragment B0 on Region { code }';
  for (let i = 1; i <= n; i++) bomb += ` fragment B${i} on Region { children { ...B${i - 1} } parent { ...B${i - 1} } }`;
  return `{ regions { ...B${n} } } ${bomb}`;
}

/**
 * Refused by the operation limits before they run (HTTP 400 OPERATION_LIMIT, or
 * GRAPHQL_VALIDATION_FAILED for the cycle), or by the 64 KiB an anonymous body may be (413); `expect` is checked once before the
 * run, so a change in the limits shows up as a failed check, not a quiet drift.
 */
const HOSTILE = [
  { name: 'regions loop, 188 bytes', expect: '400 OPERATION_LIMIT (depth)', request: () => post(regionsLoop(12)) },
  { name: 'regions loop by GET', expect: '400 OPERATION_LIMIT (depth)', request: () => ({ method: 'GET', path: `/graphql?query=${encodeURIComponent(regionsLoop(12))}` }) },
  { name: 'disclosures→parties→subject→disclosures ×2', expect: '400 OPERATION_LIMIT (cost)', request: () => post(nestedDisclosures(2)) },
  { name: 'disclosures→parties→subject→disclosures ×3', expect: '400 OPERATION_LIMIT (depth)', request: () => post(nestedDisclosures(3)) },
  { name: '1,000 aliases of a stop-word count', expect: '413 BAD_REQUEST', request: () => post(aliases(1000, 'disclosures(filter: { text: "公告" }, first: 100) { totalCount }')) },
  { name: '40 aliases of a stop-word count', expect: '400 OPERATION_LIMIT (aliases)', request: () => post(aliases(40, 'disclosures(filter: { text: "公告" }, first: 100) { totalCount }')) },
  { name: "10 aliases of departments' one-character count", expect: '400 OPERATION_LIMIT (cost)', request: () => post(aliases(10, `departments { disclosures(filter: { text: "'" }, first: 1) { totalCount } }`)) },
  { name: 'fragment chain, 12 deep', expect: '400 OPERATION_LIMIT (depth)', request: () => post(fragmentChain(12)) },
  { name: 'fragment bomb, 2^8 paths', expect: '400 OPERATION_LIMIT (cost)', request: () => post(fragmentBomb(8)) },
  { name: 'fragment cycle', expect: '400 GRAPHQL_VALIDATION_FAILED', request: () => post('{ regions { ...A } } fragment A on Region { children { ...B } } fragment B on Region { parent { ...A } }') },
  { name: '25 directives', expect: '400 OPERATION_LIMIT (directives)', request: () => post(`{ regions${' @skip(if: false)'.repeat(25)} { code } }`) },
  { name: '600 KB of tokens', expect: '413 BAD_REQUEST', request: () => post(`{ regions { ${'code '.repeat(100_000)}} }`) },
  { name: 'nested introspection', expect: '400 OPERATION_LIMIT (introspectionLists)', request: () => post('{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }') },
];

/**
 * The most expensive questions an anonymous client may still ask: each under
 * every limit (checked before the run), each reading far more than it answers.
 */
const EXPENSIVE = [
  // 4 · (1 + 60 · (1 + 100)) = 24,244 of 30,000: every department's count of a one-character search.
  { name: "4 aliases of departments' two-character count", expect: '200 ok', request: () => post(aliases(4, `departments { disclosures(filter: { text: "项目" }, first: 1) { totalCount } }`)) },
  // 29 counts of a one-letter search (29 · 102 of 30,000; 29 of 30 aliases).
  { name: '29 counts of a one-letter search (refused since)', expect: '200 BAD_USER_INPUT', request: () => post(aliases(29, 'disclosures(filter: { text: "a" }, first: 0) { totalCount }')) },
  // A stop bigram's count reads every match (docs/model.md).
  { name: '29 counts of a stop bigram', expect: '200 ok', request: () => post(aliases(29, 'disclosures(filter: { text: "公告" }, first: 0) { totalCount }')) },
  // The largest nesting under the cost limit: 100 records · 5 parties · 27 records each, titles (about 240 KB).
  { name: '100 records · parties · 27 of theirs', expect: '200 ok', request: () => post(nestedDisclosures(2, 27, 'title')) },
  // Region and prefecture counts of one-character searches (a dashboard asked as badly as it can be).
  { name: 'regions × two-character counts', expect: '200 ok', request: () => post(`{ regions { code a: disclosures(filter: { text: "项目" }, first: 0) { totalCount } b: disclosures(filter: { text: "公示", overdue: true }, first: 0) { totalCount } children { code a: disclosures(filter: { text: "招标" }, first: 0) { totalCount } b: disclosures(filter: { text: "结果", overdue: true }, first: 0) { totalCount } } } }`) },
];

const MiB = 1024 * 1024;
const deepArray = (bytes) => '['.repeat(bytes / 2) + ']'.repeat(bytes / 2);
const manyVariables = Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`v${i}`, i]));

/** Bodies the server must refuse, or read and shrug off, at the edge: over the size limit, batched, huge or deep variables. */
const BODIES = [
  { name: 'body of 1 MiB + 1 byte', expect: '413 BAD_REQUEST', request: () => ({ body: JSON.stringify({ query: '{ __typename }', pad: 'x'.repeat(MiB) }).slice(0, MiB + 1) }) },
  { name: 'batch of 100 operations', expect: '400 BAD_REQUEST', request: () => ({ body: JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ regions { code } }' }))) }) },
  { name: '60,000 unused variables (880 KB)', expect: '413 BAD_REQUEST', request: () => post('{ __typename }', manyVariables) },
  { name: 'a 300,000-character search text', expect: '413 BAD_REQUEST', request: () => post('query ($t: String) { disclosures(filter: { text: $t }, first: 1) { totalCount } }', { t: '锂'.repeat(300_000) }) },
  { name: 'a variable nested 500,000 deep (1 MiB of [)', expect: '413 BAD_REQUEST', request: () => ({ body: `{"query":"query ($d: [Domain!]) { disclosures(filter: { domains: $d }, first: 1) { totalCount } }","variables":{"d":${deepArray(MiB - 200)}}}` }) },
  { name: '900 KB that is not JSON', expect: '413 BAD_REQUEST', request: () => ({ body: `{"query": "{ __typename }"${' '.repeat(900_000)}` }) },
];

const FLOOD = [{ name: 'regions, flat out', expect: '200 ok', request: () => post('{ regions { code name } }') }];

/** Attack kinds, in the order of the report. Addresses are from 203.0.113.0/24 (TEST-NET-3) and, rotating, 10.0.0.0/8. */
export const KINDS = {
  hostile: { title: 'hostile queries (refused by the limits)', address: '203.0.113.1', variants: HOSTILE },
  expensive: { title: 'most expensive admitted queries', address: '203.0.113.2', variants: EXPENSIVE },
  flood: { title: 'flood of cheap queries from one address', address: '203.0.113.3', variants: FLOOD },
  bodies: { title: 'large bodies, many variables, batches', address: '203.0.113.4', variants: BODIES },
  rotating: { title: 'hostile queries, a new address each', address: null, variants: HOSTILE },
};

/** Attack requests answered this slowly are kept with their times. */
const SLOW_MS = 250;

/** Requests the flood keeps in flight (the others send one at a time). */
export const FLOOD_CONCURRENCY = 32;

/** The n-th rotating address: 10.0.0.1, 10.0.0.2 … (16 million before it wraps). */
export const rotatingAddress = (n) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

/** Every variant's request, built once: the 1 MiB bodies are the same every time. */
function prepared(kind) {
  return KINDS[kind].variants.map((v) => ({ ...v, built: v.request() }));
}

/**
 * One attacker: its kinds taken in turn (one kind, or bodies and rotating alternating), `concurrency` requests in
 * flight (each sent as soon as the one before it is answered) until `end`.
 */
async function attacker({ base, kinds, concurrency = 1, end, record, timeoutMs }) {
  const agent = keepAliveAgent(concurrency);
  const variants = Object.fromEntries(kinds.map((k) => [k, prepared(k)]));
  const turn = Object.fromEntries(kinds.map((k) => [k, 0]));
  let i = 0;
  let sent = 0;
  let rotation = 0;
  const loop = async () => {
    while (performance.now() < end) {
      const kind = kinds[i++ % kinds.length];
      const v = variants[kind][turn[kind]++ % variants[kind].length];
      const address = KINDS[kind].address ?? rotatingAddress(++rotation);
      const sentAt = Date.now();
      // The server logs each request's id with the time it spent on it: run.mjs reads the kind back from the prefix.
      const headers = { 'x-forwarded-for': address, 'x-request-id': `${kind}-${++sent}` };
      const r = await send(base, { ...v.built, agent, timeoutMs, headers });
      record(kind, v.name, r, sentAt);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  agent.destroy();
}

/** The four attackers, for `seconds`; per kind, latencies by answer, and per variant by answer. */
export async function runAttackers({ url, seconds, only, timeoutMs = 30_000 }) {
  const base = new URL(url);
  const byKind = {};
  // The slow ones with their wall-clock times, to line up with any error a well-behaved client saw.
  const slow = [];
  const record = (kind, variant, r, sentAt) => {
    const k = (byKind[kind] ??= { answers: new Tally(), variants: {} });
    const label = answerLabel(r);
    k.answers.add(label, r.ms);
    (k.variants[variant] ??= new Tally()).add(label, r.ms);
    if (r.ms >= SLOW_MS && slow.length < 10_000) slow.push({ sentAt, ms: Math.round(r.ms), kind, variant, answer: label });
  };
  const started = performance.now();
  const end = started + seconds * 1000;
  // The flood keeps several requests in flight: one at a time, a loaded server answers too slowly for one address
  // to reach its rate limit, and meeting the limit is what that attack is for.
  const slots = [{ kinds: ['hostile'] }, { kinds: ['expensive'] }, { kinds: ['flood'], concurrency: FLOOD_CONCURRENCY }, { kinds: ['bodies', 'rotating'] }]
    .map((slot) => ({ ...slot, kinds: slot.kinds.filter((k) => !only || only.includes(k)) }))
    .filter((slot) => slot.kinds.length > 0);
  await Promise.all(slots.map((slot) => attacker({ base, ...slot, end, record, timeoutMs })));
  return {
    seconds: (performance.now() - started) / 1000,
    slow,
    kinds: Object.fromEntries(Object.entries(byKind).map(([kind, k]) => [kind, { answers: k.answers.toJSON(), variants: Object.fromEntries(Object.entries(k.variants).map(([v, t]) => [v, t.toJSON()])) }])),
  };
}

/** Each variant once, from an address of its own: does it get the answer it is meant to get? Mismatches, as text. */
export async function checkVariants(url) {
  const base = new URL(url);
  const problems = [];
  let n = 0;
  for (const [kind, { variants }] of Object.entries(KINDS)) {
    if (kind === 'rotating') continue;
    for (const v of variants) {
      // Twice: the first asking of a document warms the code paths (and is compiled only from the second).
      let r;
      for (let i = 0; i < 2; i++) r = await send(base, { ...v.request(), headers: { 'x-forwarded-for': `192.0.2.${++n % 250}` } });
      if (answerLabel(r) !== v.expect) problems.push(`${kind} · ${v.name}: expected ${v.expect}, got ${answerLabel(r)}${r.message ? ` (${r.message})` : ''}`);
    }
  }
  return problems;
}

if (process.send && process.env.BENCH_ABUSE_JOB) {
  const result = await runAttackers(JSON.parse(process.env.BENCH_ABUSE_JOB));
  // This process's own CPU time, so the report can tell the load generator's share of the machine.
  const { user, system } = process.cpuUsage();
  process.send({ ...result, cpuSeconds: (user + system) / 1e6 }, () => process.exit(0));
}
