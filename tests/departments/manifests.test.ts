import { readFileSync } from 'node:fs';
import { getMetadataStorage } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The composed entity list: importing it registers every department's categories, as the server does.
import { allEntities } from '../../src/entities/index.js';
import { Domain } from '../../src/entities/core/domain.js';
import { DOMAIN_MANIFESTS } from '../../src/entities/departments/manifests.js';
import { findCategory } from '../../src/entities/hub/category-registry.js';
import { categoryGenerators } from '../../src/generator/department-generators.js';
import { prepareGeneration } from '../../src/generator/setup.js';
import { WorkingDayCalendar } from '../../src/kernel/time/working-days.js';
import { TimeLimitRules } from '../../src/kernel/time/time-limits.js';
import { loadCatalogue } from '../../src/reference-data/catalogue.js';
import { loadHolidaySchedules } from '../../src/reference-data/holidays.js';
import { DOMAIN_NAMES } from '../../src/resolvers/oversight/yearly-report/labels.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { HEADINGS, planText } from '../helpers/plan.js';

/*
 * Each department's manifest (src/entities/departments/<domain>/manifest.ts) is the one place its
 * domain and categories are written down; everything else is derived from it or wired to it. This
 * file holds every manifest to what must follow from it: a catalogue item per category, a
 * generator, a registered details class, and the class's table in a migrated database. What a
 * manifest should say comes from elsewhere: the plan's text (its domain headings, in order) and
 * DOMAIN.md transcribed as tests/fixtures/domain-catalogue.json (codes, 中文 names and GraphQL
 * type of each category); what a migrated database holds is asked of PostgreSQL itself.
 */

interface CategorySpec {
  domain: string;
  domainZh: string;
  category: string;
  zh: string;
  type: string;
  fields: { path: string; kind: string }[];
}
const spec = JSON.parse(readFileSync(new URL('../fixtures/domain-catalogue.json', import.meta.url), 'utf8')) as CategorySpec[];

/** The plan's domain headings (住房保障领域 …) in the order its text has them, with the words before 领域. */
const planDomains = Object.entries(HEADINGS)
  .map(([heading, domain]) => ({ domain, zh: heading.replace(/领域$/, ''), at: planText.indexOf(heading) }))
  .sort((a, b) => a.at - b.at);

const domains = [...new Set(spec.map((c) => c.domain))];
const specOf = (domain: string) => spec.filter((c) => c.domain === domain);
const manifestOf = (domain: string) => DOMAIN_MANIFESTS.find((m) => m.domain === domain);

describe('the manifests list', () => {
  it("has one manifest per domain of the plan, in the plan's order, named in the plan's words", () => {
    expect(planDomains.every((d) => d.at >= 0)).toBe(true);
    expect(DOMAIN_MANIFESTS.map((m) => [m.domain, m.zh])).toEqual(planDomains.map((d) => [d.domain, d.zh]));
    expect(domains).toEqual(planDomains.map((d) => d.domain));
  });

  it("gives the Domain enum and the yearly report's labels their values, order and words", () => {
    expect(Object.values(Domain)).toEqual(planDomains.map((d) => d.domain));
    const registered = getMetadataStorage().enums.find((e) => e.name === 'Domain')!;
    expect(Object.keys(registered.enumObj)).toEqual(planDomains.map((d) => d.domain));
    for (const { domain, zh } of planDomains) {
      expect(registered.valuesConfig[domain]?.description, domain).toBe(zh);
      expect(DOMAIN_NAMES[domain], domain).toBe(zh);
    }
  });
});

describe.each(domains)('%s', (domain) => {
  const manifest = manifestOf(domain)!;
  const want = specOf(domain);
  const key = (code: string) => `${domain}.${code}`;
  /** The manifest's categories: the plan's, and any it adds beyond them (each must be as complete). */
  const codes = manifest.categories.map((c) => c.code);

  it("lists DOMAIN.md's categories in the plan's order, with their 中文 names", () => {
    expect(manifest.zh).toBe(want[0]!.domainZh);
    const ofPlan = manifest.categories.filter((c) => want.some((w) => w.category === c.code));
    expect(ofPlan.map((c) => [c.code, c.zh])).toEqual(want.map((c) => [c.category, c.zh]));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('has exactly one catalogue item per category, named as the plan names it', () => {
    const rows = loadCatalogue().filter((r) => r.domain === domain);
    expect(rows.map((r) => r.category)).toEqual(codes);
    for (const c of want) expect(rows.find((r) => r.category === c.category)?.item, key(c.category)).toBe(c.zh);
    for (const row of rows) {
      expect(row.contentElements.length, key(row.category)).toBeGreaterThan(0);
      expect(row.channels[0], key(row.category)).toBe('GOVERNMENT_WEBSITE');
    }
  });

  it('has a generator for each category and for no other', () => {
    const generators = categoryGenerators[domain as Domain];
    expect(Object.keys(generators).sort()).toEqual([...codes].sort());
    for (const code of codes) expect(typeof generators[code], key(code)).toBe('function');
  });

  it('registers each category with its details class, the one DOMAIN.md names as its GraphQL type', () => {
    for (const code of codes) {
      const category = findCategory(domain, code);
      expect(category, key(code)).toBeDefined();
      expect(allEntities, key(code)).toContain(category!.details);
    }
    for (const c of want) {
      const category = findCategory(domain, c.category)!;
      expect((category.details as { name: string }).name, key(c.category)).toBe(c.type);
      // DOMAIN.md's subject fields of the record itself are resolved from its parties, by role.
      for (const f of c.fields.filter((f) => f.kind === 'subject' && !f.path.includes('.'))) {
        expect(Object.keys(category.partyFields), `${key(c.category)}.${f.path}`).toContain(f.path);
        expect(category.roles, `${key(c.category)}.${f.path}`).toContain(category.partyFields[f.path]);
      }
    }
  });
});

describe('generating a record of each category', () => {
  const catalogue = loadCatalogue();
  const { factory } = prepareGeneration(
    { scale: 1000, seed: 'manifests', until: '2026-11-20' },
    {
      calendar: new WorkingDayCalendar(loadHolidaySchedules()),
      timeLimits: new TimeLimitRules(catalogue.map((r) => ({ ...r, timeLimit: r.timeLimit }))),
    },
  );

  const every = DOMAIN_MANIFESTS.flatMap((m) => m.categories.map((c) => [`${m.domain}.${c.code}`, m.domain, c.code] as const));
  it.each(every)('%s', (_, domain, code) => {
    const record = factory.make(1, 1, { domain, code });
    expect([record.envelope.domain, record.envelope.category]).toEqual([domain, code]);
    expect(record.envelope.title.trim()).not.toBe('');
    expect(Object.keys(record.details).length).toBeGreaterThan(0);
  });
});

describe('in a migrated database', () => {
  let db: TestDatabase;
  /** Tables whose primary key is exactly disclosure_id, a foreign key to disclosure(id): one record's typed details. */
  let detailsTables: Set<string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    const rows = await db.query<{ table_name: string }>(`
      select pk.table_name
        from information_schema.table_constraints pk
        join information_schema.key_column_usage k
          on k.constraint_schema = pk.constraint_schema and k.constraint_name = pk.constraint_name
       where pk.table_schema = 'public' and pk.constraint_type = 'PRIMARY KEY'
       group by pk.table_name
      having array_agg(k.column_name::text) = array['disclosure_id']
         and exists (
           select 1
             from information_schema.referential_constraints r
             join information_schema.key_column_usage fk
               on fk.constraint_schema = r.constraint_schema and fk.constraint_name = r.constraint_name
             join information_schema.constraint_column_usage target
               on target.constraint_schema = r.unique_constraint_schema and target.constraint_name = r.unique_constraint_name
            where fk.table_schema = 'public' and fk.table_name = pk.table_name and fk.column_name = 'disclosure_id'
              and target.table_name = 'disclosure' and target.column_name = 'id')`);
    detailsTables = new Set(rows.map((r) => r.table_name));
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  it('has a details table for each category of every manifest, and none that no category owns', () => {
    const metadata = db.orm.getMetadata();
    const owned = DOMAIN_MANIFESTS.flatMap((m) =>
      m.categories.map((c) => {
        const where = `${m.domain}.${c.code}`;
        const details = findCategory(m.domain, c.code)?.details as { name: string } | undefined;
        const table = details && metadata.find(details.name)?.tableName;
        expect(table, where).toBeDefined();
        expect(detailsTables.has(table!), `${where}: ${table}`).toBe(true);
        return table!;
      }),
    );
    expect(new Set(owned).size).toBe(owned.length);
    expect([...detailsTables].sort()).toEqual([...owned].sort());
});
});
