// Prepares one import benchmark database and file, in its own process.
// argv: rows file; env: DATABASE_URL. Migrates, loads the reference data,
// generates records (src/generator) until `rows` of them fall to one
// department (Xining's government: its prefecture, in every domain it is
// responsible for), writes the subjects they name (a record names existing
// subjects) and the records as NDJSON, and creates the department's token.
// Prints { token, department, rows, categories, bytes } as JSON.
import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { createToken } from '../../dist/resolvers/access/tokens.js';
import { readCalendar } from '../../dist/resolvers/calendar/calendar-store.js';
import { readTimeLimitRules } from '../../dist/resolvers/calendar/time-limit-store.js';
import { loadConfig } from '../../dist/config.js';
import { openDatabase } from '../../dist/db/database.js';
import { migrate } from '../../dist/db/migrate.js';
import { registeredCategories } from '../../dist/entities/hub/category-registry.js';
import '../../dist/entities/index.js';
import { prepareGeneration } from '../../dist/generator/setup.js';
import { writerFor } from '../../dist/generator/writer.js';
import { createLogger } from '../../dist/logger.js';
import { detailsFieldOf } from '../../dist/resolvers/hub/publishing/input-types.js';
import { loadReferenceData } from '../../dist/seeders/reference-data.js';

const DEPARTMENT = 'GOV-630100';
const UNTIL = '2026-11-20';
const [rowsArg, file] = process.argv.slice(2);
const wanted = Number(rowsArg);

const db = await openDatabase(loadConfig(), createLogger('silent', { pretty: false }));
await migrate(db.orm);
const em = db.orm.em.fork();
await loadReferenceData(em);
const domains = new Set(
  (await em.execute('select domain from responsibility where department_code = ?', [DEPARTMENT])).map((r) => r.domain),
);
const [calendar, timeLimits] = await Promise.all([readCalendar(em), readTimeLimitRules(em)]);
// Xining is about a quarter of the records and its government answers for six of the eight domains.
const { factory, subjects } = prepareGeneration({ scale: wanted * 5, seed: 'bench-import', until: UNTIL }, { calendar, timeLimits });
const detailsField = new Map(registeredCategories().map((c) => [`${c.domain}.${c.code}`, detailsFieldOf(c)]));

const out = createWriteStream(file);
const named = new Set();
const categories = new Set();
let kept = 0;
for (let id = 1; kept < wanted; id++) {
  const r = factory.make(id, 1);
  const e = r.envelope;
  if (!domains.has(e.domain) || !e.region.startsWith('6301')) continue;
  kept++;
  categories.add(`${e.domain}.${e.category}`);
  for (const p of r.parties) named.add(p.creditCode);
  collectCodes(r.details, named);
  const input = {
    externalId: `XN-${e.domain}-${id}`,
    domain: e.domain,
    category: e.category,
    title: e.title,
    regionCode: e.region,
    formedOn: e.formedOn,
    publishedOn: e.publishedOn,
    amount: e.amount,
    projectCode: e.projectCode,
    exemption: e.exemption,
    exemptionBasis: e.exemptionBasis,
    parties: r.parties.map((p) => ({ role: p.role, creditCode: p.creditCode, ...(p.rank != null ? { rank: p.rank } : {}) })),
    publications: r.publications.map((p) => ({ channel: p.channel, publishedOn: p.publishedOn, url: p.url })),
    details: { [detailsField.get(`${e.domain}.${e.category}`)]: r.details },
  };
  // Areas are held with 4 decimals (all zeros past the second); the Decimal input takes at most 2.
  const line = JSON.stringify(input, (_k, v) => (typeof v === 'string' && /^-?\d+\.\d{2}0+$/.test(v) ? v.replace(/^(-?\d+\.\d{2})0+$/, '$1') : v));
  if (!out.write(line + '\n')) await once(out, 'drain');
}
out.end();
await once(out, 'finish');

// The subjects the records name must exist: importing records does not create market subjects.
const writer = writerFor(db.orm, 'Subject', 5000, true);
for (const s of subjects.subjects) if (named.has(s.creditCode)) writer.add({ ...s, region: s.regionCode });
await writer.flush(db.orm.em.fork());
await db.orm.em.getConnection().execute('vacuum analyze');

const { secret } = await createToken(em, { name: 'bench import', role: 'PUBLISHER', departmentCode: DEPARTMENT });
await db.close();
process.stdout.write(
  JSON.stringify({ token: secret, department: DEPARTMENT, rows: kept, categories: categories.size, subjects: named.size, bytes: (await stat(file)).size }) + '\n',
);

function collectCodes(value, into) {
  if (Array.isArray(value)) for (const v of value) collectCodes(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'creditCode' && typeof v === 'string') into.add(v);
      else collectCodes(v, into);
    }
  }
}
