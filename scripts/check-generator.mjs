// Usage: npm run build && node scripts/check-generator.mjs DOMAIN [records per category]
// Runs the domain's category generators and checks every generated details
// object against the entities and the schema; prints one sample per category.
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';

const [domain, perCategory = '300'] = process.argv.slice(2);
const { ormOptions } = await import('../dist/db/orm-options.js');
const { buildGongkaiSchema } = await import('../dist/schema/build-schema.js');
const { findCategory } = await import('../dist/entities/hub/category-registry.js');
const { prepareGeneration } = await import('../dist/generator/setup.js');
const { validateDetails } = await import('../dist/generator/validate.js');

const orm = await MikroORM.init({ ...ormOptions({ clientUrl: 'postgres://x@127.0.0.1:1/x', poolMax: 1 }), connect: false });
const schema = await buildGongkaiSchema();
const { factory } = prepareGeneration({ scale: 20000, seed: 'check', until: '2026-11-27' });
let failures = 0;
const entries = factory.categories.filter((c) => !domain || c.domain === domain);
if (entries.length === 0) console.log(`no generators for ${domain}`);
for (const entry of entries) {
  const definition = findCategory(entry.domain, entry.code);
  for (let i = 1; i <= Number(perCategory); i++) {
    const record = factory.make(i, 1, { domain: entry.domain, code: entry.code });
    const problems = validateDetails(orm, schema, definition, record.details);
    const roles = new Set(definition.roles);
    for (const p of record.parties) if (!roles.has(p.role)) problems.push(`party role ${p.role} not allowed`);
    for (const [field, role] of Object.entries(definition.partyFields)) {
      if (!record.parties.some((p) => p.role === role)) problems.push(`no ${role} party for ${field}`);
    }
    if (problems.length) {
      failures++;
      if (failures < 20) console.log(`${entry.domain}.${entry.code} #${i}:`, problems);
    }
    if (i === 1) console.log(`${entry.domain}.${entry.code}`, JSON.stringify({ title: record.envelope.title, amount: record.envelope.amount, details: record.details, parties: record.parties }, null, 0).slice(0, 600));
  }
}
console.log(failures ? `${failures} records with problems` : 'all generated records valid');
await orm.close(true);
process.exitCode = failures ? 1 : 0;
