import { isAbstractType, isObjectType, type GraphQLResolveInfo, type GraphQLSchema, type GraphQLTypeResolver } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/kernel/viewer.js';
import { typeNameOf } from '../../src/entities/hub/category-registry.js';
import { Disclosure } from '../../src/entities/hub/disclosure.entity.js';
import { seedDatabase } from '../../src/generator/seed.js';
import { buildGongkaiSchema } from '../../src/schema/build-schema.js';
import { lightMapping } from '../../src/kernel/sql/light-rows.js';
import { createContext } from '../../src/kernel/context.js';
import { creditStandingOn, standingKey } from '../../src/resolvers/credit/loaders.js';
import { Subject } from '../../src/entities/credit/subject.entity.js';
import { testLogger } from '../helpers/database.js';
import { PeekableLoader } from '../../src/kernel/loaders/peekable-loader.js';
import { loadReferenceData } from '../../src/seeders/reference-data.js';
import { startTestApp, type TestApp } from '../helpers/database.js';

/**
 * Fields answered without a promise where the answer is at hand (a record's
 * region and publisher from the reference snapshot, a party's subject and its
 * standing from the parties statement, a record's concrete type from its own
 * columns), so graphql-js completes a page's records synchronously. What must
 * hold: the same answers as before, including where the snapshot does not have
 * the row yet (then the loader looks it up).
 */
describe('PeekableLoader', () => {
  it('answers synchronously only what a batch or a prime has already brought', async () => {
    const batches: string[][] = [];
    const loader = new PeekableLoader<string, string | null>(async (keys) => {
      batches.push([...keys]);
      return keys.map((k) => (k === 'bad' ? new Error('no') : k === 'none' ? null : k.toUpperCase()));
    });
    expect(loader.peek('a')).toBeUndefined();
    const pending = loader.get('a');
    expect(pending).toBeInstanceOf(Promise);
    expect(await pending).toBe('A');
    expect(loader.get('a')).toBe('A');
    await expect(loader.load('bad')).rejects.toThrow('no');
    expect(loader.peek('bad')).toBeUndefined();
    expect(await loader.load('none')).toBeNull();
    expect(loader.get('none')).toBeNull();
    loader.prime('b', 'primed');
    expect(loader.get('b')).toBe('primed');
    loader.prime('b', 'second');
    expect(await loader.load('b')).toBe('primed');
    loader.clear('a');
    expect(loader.peek('a')).toBeUndefined();
    expect(await loader.get('a')).toBe('A');
    loader.clearAll();
    expect(loader.peek('b')).toBeUndefined();
    expect(batches).toEqual([['a'], ['bad'], ['none'], ['a']]);
  });
});

let app: TestApp;
let schema: GraphQLSchema;
let token: string;

beforeAll(async () => {
  app = await startTestApp({ demo: false });
  await loadReferenceData(app.database.orm.em.fork());
  await seedDatabase(app.database.orm, { scale: 80, seed: 'sync-fields', until: '2026-11-20' });
  schema = await buildGongkaiSchema();
  token = await app.tokenFor(Role.SUPERVISOR);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('synchronous fields', () => {
  it('resolves a record\'s concrete type without a promise', async () => {
    const [row] = await app.query<{ id: number; domain: string; category: string }>('select id, domain, category from disclosure order by id limit 1');
    const record = lightMapping(app.database.orm.em, Disclosure).toEntity({ ...row, region_code: '630000', publisher_code: 'QH-GOV-OFFICE' });
    for (const name of ['Disclosure', 'Node']) {
      const type = schema.getType(name)!;
      if (!isAbstractType(type)) throw new Error(`${name} is not abstract`);
      const resolved = (type.resolveType as GraphQLTypeResolver<unknown, unknown>)(record, {}, {} as never, type);
      expect(resolved).toBe(typeNameOf(row!.domain, row!.category));
    }
  });

  it('names each record\'s region and publisher as the database does, also for rows added after the snapshot was taken', async () => {
    const page = `{ disclosures(first: 100, orderBy: { field: FORMED_ON, direction: DESC }) { edges { node { id publisher { code name } region { code name } } } } }`;
    const first = await app.graphql(page, {}, { token }); // takes the snapshot
    expect(first.body.errors).toBeUndefined();
    // A region and a department the snapshot has not seen, and a record moved to them.
    await app.query(`insert into region (code, name, level, parent_code) values ('630198', '测试县', 'COUNTY', '630100')`);
    await app.query(`insert into department (code, name, short_name, kind, region_code) values ('GOV-TEST', '测试县人民政府', '测试县政府', 'PREFECTURE_GOVERNMENT', '630198')`);
    const [moved] = await app.query<{ id: number; domain: string; category: string }>(
      `update disclosure set region_code = '630198', publisher_code = 'GOV-TEST'
        where id = (select id from disclosure order by formed_on desc, id desc limit 1) returning id, domain, category`,
    );
    const { body } = await app.graphql(page.replace('first: 100', 'first: 100, filter: { formedFrom: "2000-01-01" }'), {}, { token });
    expect(body.errors).toBeUndefined();
    const edges = (body.data!.disclosures as { edges: { node: { id: string; publisher: { code: string; name: string }; region: { code: string; name: string } } }[] }).edges;
    const expected = await app.query<{ id: number; domain: string; category: string; pcode: string; pname: string; rcode: string; rname: string }>(
      `select d.id, d.domain, d.category, p.code as pcode, p.name as pname, r.code as rcode, r.name as rname
         from disclosure d join department p on p.code = d.publisher_code join region r on r.code = d.region_code
        where d.formed_on >= '2000-01-01' order by d.formed_on desc, d.id desc limit 100`,
    );
    expect(edges[0]!.node.region.name).toBe('测试县');
    expect(edges.map((e) => e.node)).toEqual(
      expected.map((r) => ({
        id: Buffer.from(`${typeNameOf(r.domain, r.category)}:${r.id}`).toString('base64url'),
        publisher: { code: r.pcode, name: r.pname },
        region: { code: r.rcode, name: r.rname },
      })),
    );
    const node = await app.graphql(
      `query ($id: ID!) { node(id: $id) { ... on Disclosure { publisher { name } region { name } } } }`,
      { id: Buffer.from(`${typeNameOf(moved!.domain, moved!.category)}:${moved!.id}`).toString('base64url') },
      { token },
    );
    expect(node.body.data!.node).toEqual({ publisher: { name: '测试县人民政府' }, region: { name: '测试县' } });
  });

  it('calls a field resolver with a scalar argument directly: a known standing is a value, not a promise', async () => {
    const subjectType = schema.getType('Subject');
    if (!isObjectType(subjectType)) throw new Error('Subject is not an object type');
    const resolve = subjectType.getFields().creditStatus!.resolve!;
    const [row] = await app.query<{ credit_code: string }>('select credit_code from subject order by credit_code limit 1');
    const subject = lightMapping(app.database.orm.em, Subject).toEntity({ credit_code: row!.credit_code, name: '甲', kind: 'ENTERPRISE' });
    const ctx = createContext(app.database.orm.em.fork(), 'test', testLogger);
    ctx.loader(creditStandingOn).prime(standingKey('2025-06-15', row!.credit_code), 'RED');
    const info = {} as GraphQLResolveInfo;
    expect(resolve(subject, { asOf: '2025-06-15' }, ctx, info)).toBe('RED');
    // A parent that is not the declared class goes through type-graphql as before: same answer, as a promise.
    const viaTypeGraphql = resolve({ creditCode: row!.credit_code }, { asOf: '2025-06-15' }, ctx, info);
    expect(viaTypeGraphql).toBeInstanceOf(Promise);
    expect(await viaTypeGraphql).toBe('RED');
  });
});
