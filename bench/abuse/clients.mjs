// The well-behaved clients, run as a child process of run.mjs (so their timing
// is not delayed by the attackers' event loop): each has its own address
// (X-Forwarded-For) and sends ordinary questions from examples/ at a steady pace
// well inside the anonymous rate limit. Every latency is kept; anything but a
// 200 with data and no `errors` is an error.
//
// Paced open-loop: a client sends on its schedule whether or not its previous
// answer is back, so a slow server cannot make the clients ask less and hide
// its own slowness (coordinated omission).
import { readFileSync } from 'node:fs';
import { answerLabel, keepAliveAgent, send } from './http.mjs';
import { Tally } from './stats.mjs';

const example = (path) => readFileSync(new URL(`../../examples/${path}`, import.meta.url), 'utf8');
const pick = (list) => list[Math.floor(Math.random() * list.length)];

const DOMAINS = ['HOUSING', 'LAND_TRANSFER', 'MINING_RIGHTS', 'GOVERNMENT_PROCUREMENT', 'STATE_PROPERTY_RIGHTS', 'CONSTRUCTION_BIDDING', 'DRUG_PROCUREMENT', 'EMISSION_RIGHTS'];
const PREFECTURES = ['630000', '630100', '630200', '632200', '632300', '632500', '632600', '632700', '632800'];
// Title words that are not stop bigrams (docs/model.md): counted from their own index, as users' searches mostly are.
const WORDS = ['锂矿', '水电', '民政', '园林', '土地'];

/** The questions, each with its share of the traffic, its document and fresh variables for every request. */
export function questionMix({ nodeIds, creditCodes }) {
  return [
    { name: 'listing: region × domain', weight: 20, query: example('analyst/2-region-domain-records.graphql'), variables: () => ({ regionCode: pick(PREFECTURES), domain: pick(DOMAINS), formedFrom: `${2019 + Math.floor(Math.random() * 7)}-01-01` }) },
    { name: 'listing: new records', weight: 10, query: example('push-service/1-new-records.graphql'), variables: () => ({ since: `2026-${String(1 + Math.floor(Math.random() * 10)).padStart(2, '0')}-01`, first: 20 }) },
    { name: 'node by id', weight: 25, query: example('analyst/3-node-by-id.graphql'), variables: () => ({ id: pick(nodeIds) }) },
    { name: 'enterprise 360', weight: 15, query: example('analyst/1-subject-across-domains.graphql'), variables: () => ({ creditCode: pick(creditCodes) }) },
    { name: 'text search', weight: 10, query: 'query TextSearch($word: String!) { disclosures(filter: { text: $word }, first: 20) { totalCount edges { node { id title formedOn } } } }', variables: () => ({ word: pick(WORDS) }) },
    { name: 'dashboard: anything new', weight: 10, query: example('push-service/4-anything-new.graphql'), variables: () => ({ since: `2026-${String(1 + Math.floor(Math.random() * 10)).padStart(2, '0')}-01`, regionCode: pick(PREFECTURES) }) },
    { name: 'dashboard: counts by domain', weight: 5, query: example('dashboard/1-counts-by-domain.graphql'), variables: () => ({ from: `${2019 + Math.floor(Math.random() * 7)}-01-01`, to: '2026-12-31', regionCode: pick(PREFECTURES) }) },
    { name: 'catalogue', weight: 5, query: example('dashboard/7-catalogue.graphql'), variables: () => ({ domain: pick(DOMAINS) }) },
  ];
}

function chooser(mix) {
  const total = mix.reduce((s, q) => s + q.weight, 0);
  return () => {
    let r = Math.random() * total;
    for (const q of mix) if ((r -= q.weight) < 0) return q;
    return mix[mix.length - 1];
  };
}

/** A well-behaved client's address: 198.51.100.0/24 is TEST-NET-2, never a real client. */
export const clientAddress = (i) => `198.51.100.${i + 1}`;

/**
 * Runs `clients` clients for `seconds`, each sending `rate` requests a second
 * (evenly spaced, ±10 % jitter, starts spread over the first interval), then
 * waits for the answers still in flight.
 */
export async function runClients({ url, seconds, clients, rate, context }) {
  const base = new URL(url);
  const agent = keepAliveAgent();
  const next = chooser(questionMix(context));
  const latencies = new Tally(); // by question
  const answers = {}; // label → count
  const errors = []; // the first of them, in detail
  let errorCount = 0;
  const inFlight = new Set();
  let sent = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  const interval = 1000 / rate;

  const ask = (client) => {
    const q = next();
    const body = JSON.stringify({ query: q.query, variables: q.variables() });
    const at = (performance.now() - started) / 1000;
    const sentAt = Date.now(); // wall clock, to line an error up with the attacks in flight (attacks.mjs keeps theirs)
    const headers = { 'x-forwarded-for': clientAddress(client), 'accept-encoding': 'gzip', 'x-request-id': `wellbehaved-${++sent}` };
    const p = send(base, { body, agent, headers }).then((r) => {
      inFlight.delete(p);
      const label = answerLabel(r);
      answers[label] = (answers[label] ?? 0) + 1;
      latencies.add(q.name, r.ms);
      if (r.status !== 200 || r.code !== 'ok') {
        errorCount++;
        if (errors.length < 50) errors.push({ at: Math.round(at * 10) / 10, sentAt, id: headers['x-request-id'], client, question: q.name, answer: label, message: r.message ?? (r.status === 0 ? (r.idleMs === undefined ? 'on a new connection' : `on a connection idle ${r.idleMs} ms`) : undefined), ms: Math.round(r.ms) });
      }
    });
    inFlight.add(p);
  };

  await Promise.all(
    Array.from({ length: clients }, (_, client) => {
      return new Promise((resolve) => {
        let due = started + Math.random() * interval;
        const tick = () => {
          if (performance.now() >= end) return resolve();
          ask(client);
          due += interval * (0.9 + Math.random() * 0.2);
          setTimeout(tick, Math.max(0, due - performance.now()));
        };
        setTimeout(tick, due - started);
      });
    }),
  );
  await Promise.all(inFlight);
  agent.destroy();
  return { seconds: (performance.now() - started) / 1000, latencies: latencies.toJSON(), answers, errors, errorCount };
}

// As a child process: the job in BENCH_ABUSE_JOB, the result sent back over IPC.
if (process.send && process.env.BENCH_ABUSE_JOB) {
  const result = await runClients(JSON.parse(process.env.BENCH_ABUSE_JOB));
  // This process's own CPU time, so the report can tell the load generator's share of the machine.
  const { user, system } = process.cpuUsage();
  process.send({ ...result, cpuSeconds: (user + system) / 1e6 }, () => process.exit(0));
}
