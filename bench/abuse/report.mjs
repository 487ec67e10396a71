// RESULTS.md from one run: the well-behaved clients in both phases, each attack,
// memory and CPU per process, restarts, and the verdicts of issue 19.
import { printMachine } from '../machine.mjs';
import { FLOOD_CONCURRENCY, KINDS } from './attacks.mjs';
import { count, ms, summary } from './stats.mjs';

/** The issue's limits. */
const REFUSED_WITHIN_MS = 50;
const RSS_LIMIT_MIB = 300;

/** A Markdown table; a column of numbers (and dashes) is right-aligned. */
function table(head, rows) {
  const numeric = (i) => rows.every((r) => /^[\d,.–]*( (ms|MiB|\(.*\)|of [\d,.]+))?$/.test(String(r[i]).replace(/\*\*/g, '')));
  const align = head.map((_, i) => (numeric(i) ? '---:' : '---'));
  return [`| ${head.join(' | ')} |`, `|${align.join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
const mib = (n) => (n === undefined ? '–' : `${Math.round(n)} MiB`);
const seconds = (n) => (n === undefined ? '–' : n.toFixed(1));
const isRefusal = (label) => /^4\d\d /.test(label);
const isRateLimited = (label) => label.startsWith('429 ');

/** All latencies of a phase's well-behaved clients. */
function wellBehaved(result) {
  const all = Object.values(result.latencies).flat();
  return { ...summary(all), errors: result.errorCount, rps: all.length / result.seconds };
}

function wellBehavedSection(r) {
  const calm = wellBehaved(r.calm);
  const attacked = wellBehaved(r.attacked);
  const row = (name, s) => [name, count(s.n), s.rps.toFixed(0), count(s.errors), ms(s.p50), ms(s.p90), ms(s.p99), ms(s.max)];
  const questions = Object.keys(r.calm.latencies).sort();
  const perQuestion = questions.map((q) => {
    const a = summary(r.calm.latencies[q] ?? []);
    const b = summary(r.attacked.latencies[q] ?? []);
    return [q, count(a.n), ms(a.p50), ms(a.p99), count(b.n), ms(b.p50), ms(b.p99), b.p99 && a.p99 ? (b.p99 / a.p99).toFixed(2) : '–'];
  });
  const errors = [...r.calm.errors.map((e) => ({ ...e, phase: 'no attack' })), ...r.attacked.errors.map((e) => ({ ...e, phase: 'attack' }))];
  // The attack requests (answered in 250 ms or more) in flight when the failed request was sent or answered.
  const inFlight = (e) => {
    const hits = (r.attackers.slow ?? []).filter((a) => a.sentAt <= e.sentAt + e.ms && a.sentAt + a.ms >= e.sentAt);
    return hits.slice(0, 3).map((a) => `${a.kind}: ${a.variant} (${count(a.ms)} ms)`).join('; ') || '–';
  };
  const answers = (res) => Object.entries(res.answers).map(([label, n]) => `${label}: ${count(n)}`).join(', ');
  return {
    calm,
    attacked,
    text: [
      '## Well-behaved clients',
      '',
      table(['phase', 'requests', 'req/s', 'errors', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms'], [row('no attack', calm), row('attack', attacked)]),
      '',
      `p99 under attack ÷ p99 without: **${(attacked.p99 / calm.p99).toFixed(2)}** (p50: ${(attacked.p50 / calm.p50).toFixed(2)}).`,
      '',
      `Answers without attack: ${answers(r.calm)}. Under attack: ${answers(r.attacked)}.`,
      '',
      'By question (latency in ms):',
      '',
      table(['question', 'n (no attack)', 'p50', 'p99', 'n (attack)', 'p50', 'p99', 'p99 ratio'], perQuestion),
      ...(errors.length
        ? ['', `The first errors (of ${r.calm.errorCount + r.attacked.errorCount}):`, '', table(['phase', 'at s', 'request id (server log)', 'question', 'answer', 'ms', 'message', 'slow attack requests in flight'], errors.slice(0, 20).map((e) => [e.phase, e.at, e.id, e.question, e.answer, e.ms, (e.message ?? '–').replace(/\|/g, '\\|'), inFlight(e)]))]
        : []),
    ].join('\n'),
  };
}

function attackSection(r) {
  const kinds = r.attackers.kinds;
  const rows = [];
  const refusalRows = [];
  for (const [kind, { title }] of Object.entries(KINDS)) {
    const k = kinds[kind];
    if (!k) continue;
    const total = Object.values(k.answers).reduce((s, xs) => s + xs.length, 0);
    const labels = Object.entries(k.answers).sort((a, b) => b[1].length - a[1].length);
    labels.forEach(([label, xs], i) => {
      const s = summary(xs);
      rows.push([i === 0 ? `**${kind}**: ${title}` : '', i === 0 ? `${count(total)} (${(total / r.attackers.seconds).toFixed(0)}/s)` : '', label, count(s.n), ms(s.p50), ms(s.p99), ms(s.max)]);
    });
    const refused = summary(labels.filter(([l]) => isRefusal(l) && !isRateLimited(l)).flatMap(([, xs]) => xs));
    const limited = summary(labels.filter(([l]) => isRateLimited(l)).flatMap(([, xs]) => xs));
    refusalRows.push({ kind, refused, limited });
  }
  const refusalTable = table(
    ['attack', 'refused (4xx but 429)', 'p50 ms', 'p99 ms', 'max ms', 'rate-limited (429)', 'p50 ms', 'p99 ms', 'max ms'],
    refusalRows.map(({ kind, refused, limited }) => [kind, count(refused.n), ms(refused.p50), ms(refused.p99), ms(refused.max), count(limited.n), ms(limited.p50), ms(limited.p99), ms(limited.max)]),
  );
  return {
    refusalRows,
    text: [
      '## Attacks',
      '',
      `Answers by HTTP status and \`extensions.code\` (\`limit\` in brackets); latency from sending to the last byte, in ms, under the whole phase's load.`,
      '',
      table(['attack', 'requests', 'answer', 'count', 'p50', 'p99', 'max'], rows),
      '',
      `Refusal latency per attack (the issue asks for < ${REFUSED_WITHIN_MS} ms):`,
      '',
      refusalTable,
      '',
      variantsSection(r),
    ].join('\n'),
  };
}

/** Per hostile query (fixed address and rotating side by side), per body, per expensive query: answers other than 429. */
function variantsSection(r) {
  const kinds = r.attackers.kinds;
  const notLimited = (tally) => Object.entries(tally ?? {}).filter(([l]) => !isRateLimited(l));
  const describe = (tally) => {
    const entries = notLimited(tally);
    return { labels: entries.map(([l]) => l).join(', ') || '–', s: summary(entries.flatMap(([, xs]) => xs)) };
  };
  const out = [];
  if (kinds.hostile || kinds.rotating) {
    out.push('Each hostile query, answers other than 429 (ms):', '');
    out.push(
      table(
        ['variant', 'answer', 'n (fixed address)', 'p50', 'p99', 'max', 'n (rotating)', 'p50', 'p99', 'max'],
        KINDS.hostile.variants.map((v) => {
          const a = describe(kinds.hostile?.variants[v.name]);
          const b = describe(kinds.rotating?.variants[v.name]);
          return [v.name, a.labels !== '–' ? a.labels : b.labels, count(a.s.n), ms(a.s.p50), ms(a.s.p99), ms(a.s.max), count(b.s.n), ms(b.s.p50), ms(b.s.p99), ms(b.s.max)];
        }),
      ),
      '',
    );
  }
  for (const kind of ['bodies', 'expensive']) {
    if (!kinds[kind]) continue;
    out.push(`Each of the ${kind === 'bodies' ? 'bodies' : 'expensive queries'}, answers other than 429 (ms):`, '');
    out.push(
      table(
        ['variant', 'answer', 'n', 'p50', 'p99', 'max'],
        KINDS[kind].variants.map((v) => {
          const d = describe(kinds[kind].variants[v.name]);
          return [v.name, d.labels, count(d.s.n), ms(d.s.p50), ms(d.s.p99), ms(d.s.max)];
        }),
      ),
      '',
    );
  }
  return out.join('\n');
}

function processSection(r) {
  const phases = ['no attack', 'attack'];
  const data = phases.map((p) => r.sampler.phases[p]);
  const names = [...new Set(data.flatMap((d) => Object.keys(d?.cpuByProcess ?? {})))];
  const maxWorkerRss = Math.max(0, ...data.flatMap((d) => Object.entries(d?.rss ?? {}).filter(([n]) => n.startsWith('worker')).map(([, v]) => v)));
  const primaryRss = Math.max(0, ...data.map((d) => d?.rss.primary ?? 0));
  const cpu = (d, key) => d?.cpu[key];
  const benchCpu = [r.calm.cpuSeconds, r.attacked.cpuSeconds + (r.attackers.cpuSeconds ?? 0)];
  const others = data.map((d, i) => (d ? d.cpu.machine - d.cpu.server - d.cpu.postgres - d.cpu.bench - benchCpu[i] : undefined));
  const rows = [
    ...names.map((n) => [n, mib(data[0]?.rss[n]), mib(data[1]?.rss[n]), seconds(data[0]?.cpuByProcess[n]), seconds(data[1]?.cpuByProcess[n])]),
    ['server (primary and workers)', '', '', seconds(cpu(data[0], 'server')), seconds(cpu(data[1], 'server'))],
    ['PostgreSQL (every postgres process)', '', '', seconds(cpu(data[0], 'postgres')), seconds(cpu(data[1], 'postgres'))],
    ['this benchmark (clients, attackers, sampling)', '', '', seconds(cpu(data[0], 'bench') + benchCpu[0]), seconds(cpu(data[1], 'bench') + benchCpu[1])],
    ['anything else on the machine', '', '', seconds(others[0]), seconds(others[1])],
    ['machine: busy of available CPU-seconds', '', '', data[0] ? `${seconds(data[0].cpu.machine)} of ${seconds(data[0].cpu.machineTotal)}` : '–', data[1] ? `${seconds(data[1].cpu.machine)} of ${seconds(data[1].cpu.machineTotal)}` : '–'],
  ];
  const metrics = data.map((d) => d?.metrics ?? {});
  return {
    maxWorkerRss,
    primaryRss,
    text: [
      '## Memory and CPU',
      '',
      `VmRSS of each process from /proc, sampled every second (the largest per phase); CPU-seconds (user + system) per phase from /proc, and the clients' and attackers' own.`,
      '',
      table(['process', 'max RSS, no attack', 'max RSS, attack', 'CPU s, no attack', 'CPU s, attack'], rows),
      '',
      `From /metrics every 5 s (largest seen on either worker): clients the rate limiter remembers ${count(metrics[0].rateLimitClients ?? 0)} without attack, ${count(metrics[1].rateLimitClients ?? 0)} under attack; database connections in use ${metrics[0].poolUsed ?? 0} and ${metrics[1].poolUsed ?? 0} (of 10 per worker), requests waiting for one ${metrics[0].poolPending ?? 0} and ${metrics[1].poolPending ?? 0}. ` +
        `Longest event-loop stall (\`nodejs_eventloop_lag_max_seconds\`): ${ms(metrics[0].eventLoopLagMaxMs)} ms without attack, ${ms(metrics[1].eventLoopLagMaxMs)} ms under attack. ` +
        `Major garbage collections by the end, as the last scrape counted them: ${count(r.sampler.gc.major)}, ${count(r.sampler.gc.over100ms)} of them over 100 ms, ${count(r.sampler.gc.over1s)} over 1 s.`,
    ].join('\n'),
  };
}

/** The server's own time per request, from its log lines, by sender and status: what is the server's, and what is waiting. */
function serverTimeSection(r) {
  const rows = [];
  for (const phase of ['no attack', 'attack']) {
    const groups = r.log.byPhase[phase]?.serverMs ?? {};
    for (const key of Object.keys(groups).sort()) {
      const s = summary(groups[key]);
      const [who, status] = key.split(' ');
      rows.push([phase, who, status, count(s.n), ms(s.p50), ms(s.p99), ms(s.max)]);
    }
  }
  return [
    '## Time spent in the server',
    '',
    "From the server's own log line for each request (`ms`: from the request's arrival in the handler to the end of its answer). The difference from the latencies above is time spent before the server read the request: a busy event loop, the machine's CPU.",
    '',
    table(['phase', 'sender', 'status', 'count', 'p50 ms', 'p99 ms', 'max ms'], rows),
  ].join('\n');
}

function serverLogSection(r) {
  const lines = [];
  for (const phase of ['no attack', 'attack']) {
    const c = r.log.byPhase[phase];
    if (!c) continue;
    const statuses = Object.entries(c.statuses).sort().map(([s, n]) => `${s}: ${count(n)}`).join(', ');
    const notable = Object.entries(c.notable).map(([m, n]) => `${m} ×${count(n)}`).join(', ') || 'none';
    lines.push(`- ${phase}: requests by status ${statuses}; over 1 s: ${count(c.slow)}; warnings and errors: ${notable}.`);
  }
  const restarts = r.log.restarts;
  return [
    '## Worker restarts and the server log',
    '',
    `Worker restarts ('worker exited' while serving): **${restarts.length}**${restarts.length ? `: ${restarts.map((x) => `worker ${x.worker} (pid ${x.pid}) in ${x.phase}, ${x.signal ?? `code ${x.code}`}${x.reason ? `, ${x.reason}` : ''}`).join('; ')}` : ''} ('replacing worker': ${r.log.replacing}).`,
    '',
    ...lines,
  ].join('\n');
}

function verdicts(r, wb, attacks, proc) {
  const refusalVerdicts = attacks.refusalRows
    .filter(({ kind, refused }) => ['hostile', 'rotating', 'bodies'].includes(kind) && refused.n > 0)
    .map(({ kind, refused }) => [`${kind}: refusals under ${REFUSED_WITHIN_MS} ms (p99 / max)`, `${ms(refused.p99)} / ${ms(refused.max)} ms`, refused.p99 < REFUSED_WITHIN_MS ? 'met at p99' : 'not met']);
  const errors = wb.calm.errors + wb.attacked.errors;
  return [
    ['well-behaved clients: no errors', `${count(wb.calm.errors)} without attack, ${count(wb.attacked.errors)} under attack`, errors === 0 ? 'met' : '**not met**'],
    ['no worker restarts', String(r.log.restarts.length), r.log.restarts.length === 0 ? 'met' : '**not met**'],
    ['well-behaved p99, attack ÷ no attack', `${ms(wb.attacked.p99)} ÷ ${ms(wb.calm.p99)} ms = ${(wb.attacked.p99 / wb.calm.p99).toFixed(2)}`, 'reported'],
    ...refusalVerdicts,
    [`RSS under ${RSS_LIMIT_MIB} MB per worker (max)`, `${mib(proc.maxWorkerRss)} (primary ${mib(proc.primaryRss)})`, proc.maxWorkerRss < RSS_LIMIT_MIB ? 'met' : '**not met**'],
    ...(r.mismatches.length ? [['every attack answered as expected when tried alone', r.mismatches.join('; '), '**not met**']] : []),
  ];
}

export function report(r) {
  const o = r.options;
  const wb = wellBehavedSection(r);
  const attacks = attackSection(r);
  const proc = processSection(r);
  const failed = wb.calm.errors + wb.attacked.errors > 0 || r.log.restarts.length > 0;
  const load = (l) => l.map((x) => x.toFixed(1)).join(', ');
  const text = [
    '# bench/abuse',
    '',
    `\`npm run bench:abuse\` (issue 19). One \`gongkai serve --workers ${o.workers}\` on PostgreSQL (${count(o.scale)} generated disclosures, \`gongkai seed --seed bench --until 2026-11-20\`), with the shipped operation limits and rate limits (1,200 requests a minute per address) and \`GONGKAI_TRUST_PROXY=on\`, so every simulated client is an address of its own (\`X-Forwarded-For\`). ` +
      `${o.clients} well-behaved clients, each at ${o.rate} requests a second (paced open-loop, so a slow server does not slow the clients down), ask ordinary questions from \`examples/\` (listings, a record by id, an enterprise's records and credit, dashboard counts, the catalogue, a title search): ${o.seconds} s alone, then ${o.seconds} s beside ${Object.keys(r.attackers.kinds).length === 5 ? 'four attackers' : 'the attackers'}, each sending one request at a time as fast as it is answered (the flood ${FLOOD_CONCURRENCY} at a time): ` +
      `hostile queries that the limits refuse (tests/server/operation-limits.test.ts's), the most expensive queries an anonymous client may still ask, a flood of cheap queries from one address, and oversized, batched and deeply nested bodies alternating with hostile queries each from a new address. ` +
      `An error is any answer to a well-behaved client other than HTTP 200 with data and no \`errors\`. The load generator runs on the same machine as the server and PostgreSQL (its CPU is in the table below).`,
    '',
    table(['check', 'measured', ''], verdicts(r, wb, attacks, proc)),
    '',
    wb.text,
    '',
    attacks.text,
    proc.text,
    '',
    serverTimeSection(r),
    '',
    serverLogSection(r),
    '',
    `Load average before: ${load(r.loadBefore)}; after: ${load(r.loadAfter)}. Notable server log lines (warnings, errors, 5xx, over 1 s) of this run were kept in \`${r.logPath}\`.`,
    '',
    printMachine({ postgres: r.postgres, workers: o.workers }),
    '',
  ].join('\n');
  return { text, failed };
}
