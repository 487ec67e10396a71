import { wrap } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../src/kernel/viewer.js';
import { allCategories } from '../../../src/entities/index.js';
import { seedDatabase } from '../../../src/generator/seed.js';
import { detailsFieldOf } from '../../../src/resolvers/hub/publishing/input-types.js';
import { loadReferenceData } from '../../../src/seeders/reference-data.js';
import { startTestApp, type TestApp } from '../../helpers/database.js';

let app: TestApp;
/** One generated record per category, as publishing input, with its generated original's id. */
const inputs: { originalId: number; publisher: string; input: RecordVariables }[] = [];

/** PublishDisclosureInput as the variables carry it (plain JSON). */
type RecordVariables = {
  externalId: string;
  domain: string;
  category: string;
  title: string;
  regionCode: string;
  formedOn: string;
  publishedOn: string | null;
  amount: string | null;
  projectCode: string | null;
  exemption: string;
  exemptionBasis: string | null;
  parties: { role: string; creditCode: string; rank: number | null }[];
  publications: { channel: string; publishedOn: string; url: string | null }[];
  details: Record<string, Record<string, unknown>>;
};

const PUBLISH = `mutation ($input: PublishDisclosureInput!) { publishDisclosure(input: $input) { id version status formedOn deadline title } }`;
const REVISE = `mutation ($id: ID!, $version: Int!, $reason: String!, $input: PublishDisclosureInput!) {
  reviseDisclosure(id: $id, version: $version, reason: $reason, input: $input) { id version formedOn deadline title } }`;

beforeAll(async () => {
  app = await startTestApp({ demo: false });
  const orm = app.database.orm;
  await loadReferenceData(orm.em.fork());
  await seedDatabase(orm, { scale: 40, seed: 'publishing', until: '2025-06-30' });
  const em = orm.em.fork();
  for (const category of allCategories) {
    const [hub] = await app.query<{
      id: number; domain: string; category: string; title: string; region_code: string; publisher_code: string; amount: string | null;
      formed_on: string; published_on: string | null; project_code: string | null; exemption: string; exemption_basis: string | null;
    }>(
      `select d.id, d.domain, d.category, d.title, d.region_code, d.publisher_code, d.amount::text as amount, d.formed_on::text as formed_on,
              d.published_on::text as published_on, d.project_code, d.exemption, d.exemption_basis
         from disclosure d where d.domain = ? and d.category = ? and d.version = 1 and d.status <> 'RETRACTED' order by d.id limit 1`,
      [category.domain, category.code],
    );
    expect(hub, `${category.domain}.${category.code} generated`).toBeDefined();
    const details = await em.findOneOrFail(category.details as never, { disclosure: hub!.id } as never);
    // As the entity reads it (areas with their 4 decimals, date-times with their offset): the input carries what the model stores.
    const plain = JSON.parse(JSON.stringify(wrap(details as object).toObject())) as Record<string, unknown>;
    delete plain.disclosure;
    const parties = await app.query<RecordVariables['parties'][number]>('select role, credit_code as "creditCode", rank from disclosure_party where disclosure_id = ? order by role, credit_code', [hub!.id]);
    const publications = await app.query<RecordVariables['publications'][number]>(`select channel, published_on::text as "publishedOn", url from disclosure_publication where disclosure_id = ? order by id`, [hub!.id]);
    inputs.push({
      originalId: hub!.id,
      publisher: hub!.publisher_code,
      input: {
        externalId: `gen-${String(hub!.id)}`,
        domain: hub!.domain, category: hub!.category, title: hub!.title, regionCode: hub!.region_code, formedOn: hub!.formed_on,
        publishedOn: hub!.published_on, amount: hub!.amount, projectCode: hub!.project_code, exemption: hub!.exemption, exemptionBasis: hub!.exemption_basis,
        parties, publications,
        details: { [detailsFieldOf(category)]: plain },
      },
    });
  }
}, 120_000);

afterAll(async () => {
  await app?.close();
});

async function counts(): Promise<Record<string, number>> {
  const [row] = await app.query<Record<string, number>>(
    `select (select count(*)::int from disclosure) as disclosure, (select count(*)::int from disclosure_party) as parties,
            (select count(*)::int from disclosure_publication) as publications, (select count(*)::int from disclosure_revision) as revisions,
            (select count(*)::int from audit_entry) as audit, (select coalesce(sum(version), 0)::int from disclosure) as versions`,
  );
  return row!;
}

const tokens = new Map<string, string>();
async function tokenOf(department: string): Promise<string> {
  if (!tokens.has(department)) tokens.set(department, await app.tokenFor(Role.PUBLISHER, department));
  return tokens.get(department)!;
}

function keyOf(globalId: string): number {
  return Number(Buffer.from(globalId, 'base64').toString('utf8').split(':').pop());
}

describe('publishDisclosure', () => {
  it('publishes every category from generated input, and the stored record equals the generated one', async () => {
    expect(inputs).toHaveLength(allCategories.length);
    for (const { originalId, publisher, input } of inputs) {
      const before = await counts();
      const { body } = await app.graphql(PUBLISH, { input }, { token: await tokenOf(publisher) });
      expect(body.errors, `${String(input.domain)}.${String(input.category)}: ${JSON.stringify(body.errors)}`).toBeUndefined();
      const id = keyOf((body.data!.publishDisclosure as { id: string }).id);
      // Independent comparison by SQL: the details row, parties, publications and envelope equal the generated original's.
      const [same] = await app.query<{ details: boolean; parties: boolean; publications: boolean; envelope: boolean }>(
        `with t as (select ?::int as a, ?::int as b)
         select (select to_jsonb(x) - 'disclosure_id' from ${tableOf(input)} x, t where x.disclosure_id = t.a)
              = (select to_jsonb(x) - 'disclosure_id' from ${tableOf(input)} x, t where x.disclosure_id = t.b) as details,
                (select array_agg(row(role, credit_code, rank, domain, formed_on) order by role, credit_code) from disclosure_party, t where disclosure_id = t.a)
              is not distinct from (select array_agg(row(role, credit_code, rank, domain, formed_on) order by role, credit_code) from disclosure_party, t where disclosure_id = t.b) as parties,
                (select array_agg(row(channel, published_on, url) order by id) from disclosure_publication, t where disclosure_id = t.a)
                is not distinct from (select array_agg(row(channel, published_on, url) order by id) from disclosure_publication, t where disclosure_id = t.b) as publications,
                (select row(domain, category, title, region_code, publisher_code, amount, formed_on, published_on, deadline, deadline_provisional, project_code, status, exemption) from disclosure, t where id = t.a)
              = (select row(domain, category, title, region_code, publisher_code, amount, formed_on, published_on, deadline, deadline_provisional, project_code, status, exemption) from disclosure, t where id = t.b) as envelope`,
        [id, originalId],
      );
      expect(same, `${String(input.domain)}.${String(input.category)}`).toEqual({ details: true, parties: true, publications: true, envelope: true });
      const after = await counts();
      expect(after.disclosure).toBe(before.disclosure + 1);
      expect(after.audit).toBe(before.audit + 1);
    }
  }, 60_000);

  it('reads a published record back through the graph', async () => {
    const { publisher, input } = inputs.find((i) => i.input.category === 'RESULT' && i.input.domain === 'GOVERNMENT_PROCUREMENT')!;
    const [row] = await app.query<{ id: number }>('select id from disclosure where external_id = ? and publisher_code = ?', [input.externalId, publisher]);
    const { body } = await app.graphql(
      `query ($id: ID!) { node(id: $id) { ... on ProcurementResult { title awardAmount projectName reviewExperts { name role } winningSupplier { creditCode } } } }`,
      { id: Buffer.from(`ProcurementResult:${row!.id}`).toString('base64url') },
    );
    expect(body.errors).toBeUndefined();
    const details = (input.details as Record<string, Record<string, unknown>>).procurementResult!;
    expect(body.data!.node).toMatchObject({ title: input.title, awardAmount: details.awardAmount, projectName: details.projectName, reviewExperts: details.reviewExperts });
    const winner = (input.parties as { role: string; creditCode: string }[]).find((p) => p.role === 'WINNER')!;
    expect((body.data!.node as { winningSupplier: { creditCode: string } }).winningSupplier.creditCode).toBe(winner.creditCode);
  });

  it('publishing the same externalId with the same content again changes nothing', async () => {
    const { publisher, input } = inputs[0]!;
    const before = await counts();
    const { body } = await app.graphql(PUBLISH, { input }, { token: await tokenOf(publisher) });
    expect(body.errors).toBeUndefined();
    expect(await counts()).toEqual(before);
  });
});

function tableOf(input: RecordVariables): string {
  const category = allCategories.find((c) => c.domain === input.domain && c.code === input.category)!;
  return app.database.orm.getMetadata().get((category.details as { name: string }).name).tableName;
}

describe('bad input is refused with the right code and path, and nothing is written', () => {
  const procurement = () => structuredClone(inputs.find((i) => i.input.category === 'RESULT' && i.input.domain === 'GOVERNMENT_PROCUREMENT')!);
  const cases: [string, (input: RecordVariables) => void, { code: string; path: RegExp }][] = [
    ['an invalid credit code', (i) => (i.parties[0].creditCode = '91630100MA0000000X'), { code: 'INVALID_CREDIT_CODE', path: /^input\.parties\[0\]\.creditCode$/ }],
    ['an unknown subject', (i) => (i.parties[0].creditCode = '91630100MA00000001'.slice(0, 17) + 'X'), { code: 'INVALID_CREDIT_CODE|UNKNOWN_SUBJECT', path: /^input\.parties\[0\]\.creditCode$/ }],
    ['an unknown category', (i) => (i.category = 'NO_SUCH'), { code: 'UNKNOWN_CATEGORY', path: /^input\.category$/ }],
    ['a details field of another category', (i) => (i.details = { ...i.details, ...inputs.find((x) => x.input.domain === 'LAND_TRANSFER' && x.input.category === 'DEAL')!.input.details }), { code: 'WRONG_CATEGORY', path: /^input\.details\.land/ }],
    ['a field of another category inside the details', (i) => (i.details.procurementResult.transactionPrice = '1.00'), { code: 'UNKNOWN_FIELD', path: /^input\.details\.procurementResult\.transactionPrice$/ }],
    ['a negative amount', (i) => (i.amount = '-5.00'), { code: 'NEGATIVE', path: /^input\.amount$/ }],
    ['a negative details amount', (i) => (i.details.procurementResult.awardAmount = '-1.00'), { code: 'NEGATIVE', path: /^input\.details\.procurementResult\.awardAmount$/ }],
    ['a non-numeric amount', (i) => (i.amount = 'lots'), { code: 'INVALID_VALUE', path: /^input\.amount$/ }],
    ['a publish date before the formation date', (i) => (i.publishedOn = '2017-01-01'), { code: 'DATE_ORDER', path: /^input\.publishedOn$/ }],
    ['a missing required field', (i) => delete i.details.procurementResult.projectName, { code: 'REQUIRED', path: /^input\.details\.procurementResult\.projectName$/ }],
    ['an oversized string', (i) => (i.title = '长'.repeat(501)), { code: 'TOO_LONG', path: /^input\.title$/ }],
    ['an oversized details string', (i) => (i.details.procurementResult.projectName = '长'.repeat(301)), { code: 'TOO_LONG', path: /^input\.details\.procurementResult\.projectName$/ }],
    ['an unknown region', (i) => (i.regionCode = '639999'), { code: 'UNKNOWN_REGION', path: /^input\.regionCode$/ }],
    ['a role the category does not allow', (i) => (i.parties[0].role = 'GRANTEE'), { code: 'ROLE_NOT_ALLOWED', path: /^input\.parties\[0\]\.role$/ }],
    ['an exemption without its basis', (i) => { i.exemption = 'COMMERCIAL_SECRET'; i.exemptionBasis = null; }, { code: 'REQUIRED', path: /^input\.exemptionBasis$/ }],
  ];
  for (const [name, spoil, expected] of cases) {
    it(name, async () => {
      const { publisher, input } = procurement();
      input.externalId = `bad-${name}`;
      spoil(input);
      const before = await counts();
      // Sent as a JSON string through the validator path: variables of the mutation are checked by the same coercion.
      const { body } = await app.graphql(PUBLISH, { input }, { token: await tokenOf(publisher) });
      expect(body.errors, name).toBeDefined();
      const error = body.errors![0]!;
      expect(error.extensions!.code).toBe('BAD_USER_INPUT');
      const issues = (error.extensions!.issues as { path: string; code: string }[] | undefined) ?? [];
      const text = JSON.stringify(error);
      const hit = issues.some((i) => new RegExp(`^(${expected.code})$`).test(i.code) && expected.path.test(i.path));
      // Type errors in variables (graphql-js coercion) come back in the same shape as every other problem.
      expect(hit, `${name}: ${text}`).toBe(true);
      expect(error.extensions!.field).toBe(issues[0]!.path);
      expect(await counts()).toEqual(before);
    });
  }

  it('collects every issue, not just the first', async () => {
    const { publisher, input } = procurement();
    Object.assign(input, { externalId: 'many', amount: '-1.00', publishedOn: '2017-01-01', regionCode: '639999', title: '长'.repeat(600) });
    const before = await counts();
    const { body } = await app.graphql(PUBLISH, { input }, { token: await tokenOf(publisher) });
    const issues = body.errors![0]!.extensions!.issues as { path: string; code: string }[];
    expect(issues.map((i) => i.code).sort()).toEqual(['DATE_ORDER', 'NEGATIVE', 'TOO_LONG', 'UNKNOWN_REGION']);
    expect(await counts()).toEqual(before);
  });
});

describe('what the model stores, the input carries', () => {
  const landOf = (code: string) => structuredClone(inputs.find((i) => i.input.domain === 'LAND_TRANSFER' && i.input.category === code)!);

  it('an area with 4 decimals is stored as given; a 5th decimal is refused at its path', async () => {
    const { publisher, input } = landOf('DEAL');
    const token = await tokenOf(publisher);
    const [own] = Object.keys(input.details);
    const details = input.details[own!]!;
    input.externalId = 'area-4';
    details.area = { value: '12345.6789', unit: 'HECTARE' };
    const { body } = await app.graphql(PUBLISH, { input }, { token });
    expect(body.errors).toBeUndefined();
    const [row] = await app.query<{ value: string }>(
      'select area_value::text as value from land_deal where disclosure_id = (select id from disclosure where external_id = ?)', ['area-4']);
    expect(row!.value).toBe('12345.6789');
    const before = await counts();
    details.area = { value: '1.23456', unit: 'HECTARE' };
    input.externalId = 'area-5';
    const refused = await app.graphql(PUBLISH, { input }, { token });
    expect(refused.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.details.${own!}.area.value` });
    expect(await counts()).toEqual(before);
  });

  it('a date-time given in UTC is kept as China time with its offset', async () => {
    const { publisher, input } = landOf('TRANSFER_NOTICE');
    const [own] = Object.keys(input.details);
    const schedule = input.details[own!]!.schedule as Record<string, string>;
    input.externalId = 'utc-times';
    schedule.registrationFrom = `${schedule.registrationFrom!.slice(0, 10)}T01:30:00Z`;
    const { body } = await app.graphql(PUBLISH, { input }, { token: await tokenOf(publisher) });
    expect(body.errors).toBeUndefined();
    const [row] = await app.query<{ at: string }>(
      `select schedule->>'registrationFrom' as at from land_transfer_notice where disclosure_id = (select id from disclosure where external_id = ?)`, ['utc-times']);
    expect(row!.at).toBe(`${schedule.registrationFrom.slice(0, 10)}T09:30:00+08:00`);
  });
});

describe('badly typed variables come back as issues with the argument path', () => {
  it('names the argument, not the variable, and lists every problem', async () => {
    const { publisher, input } = structuredClone(inputs.find((i) => i.input.category === 'RESULT' && i.input.domain === 'GOVERNMENT_PROCUREMENT')!);
    Object.assign(input, { externalId: 'typed', amount: 'lots', formedOn: '2025-02-30' });
    delete (input.details.procurementResult as Record<string, unknown>).projectName;
    const before = await counts();
    const { status, body } = await app.graphql(
      'mutation ($record: PublishDisclosureInput!) { publishDisclosure(input: $record) { id } }', { record: input }, { token: await tokenOf(publisher) });
    expect(status).toBe(400);
    const error = body.errors![0]!;
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.formedOn' });
    expect((error.extensions!.issues as { path: string; code: string }[]).map((i) => [i.path, i.code])).toEqual([
      ['input.formedOn', 'INVALID_VALUE'],
      ['input.amount', 'INVALID_VALUE'],
      ['input.details.procurementResult.projectName', 'REQUIRED'],
    ]);
    expect(await counts()).toEqual(before);
  });

  it('a list argument and a missing variable', async () => {
    const { publisher } = inputs[0]!;
    const token = await tokenOf(publisher);
    const [row] = await app.query<{ id: number }>('select id from disclosure where publisher_code = ? order by id limit 1', [publisher]);
    const mutation = 'mutation ($id: ID!, $p: [ChannelPublicationInput!]!) { addChannelPublications(id: $id, publications: $p) { id } }';
    const bad = await app.graphql(mutation, { id: String(row!.id), p: [{ channel: 'NO_SUCH', publishedOn: '2025-01-01' }] }, { token });
    expect((bad.body.errors![0]!.extensions!.issues as { path: string; code: string }[]).map((i) => [i.path, i.code])).toEqual([['publications[0].channel', 'INVALID_VALUE']]);
    const missing = await app.graphql(mutation, { id: String(row!.id) }, { token });
    expect(missing.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'publications', issues: [{ path: 'publications', code: 'REQUIRED' }] });
  });
});

describe('revision', () => {
  it('keeps the earlier version, restarts the deadline at the change date and refuses a stale version with CONFLICT', async () => {
    const { publisher, input } = structuredClone(inputs.find((i) => i.input.category === 'RESULT' && i.input.domain === 'GOVERNMENT_PROCUREMENT')!);
    const token = await tokenOf(publisher);
    input.externalId = 'revise-me';
    input.formedOn = '2024-09-27';
    input.publishedOn = null;
    input.publications = [];
    const published = await app.graphql(PUBLISH, { input }, { token });
    const record = published.body.data!.publishDisclosure as { id: string; version: number; deadline: string };
    // 采购结果: 2 working days (政府采购法实施条例 第四十三条). 2024-09-27 is a Friday; 09-29 (Sunday) was a make-up working day.
    expect(record.deadline).toBe('2024-09-30');
    const changed = { ...input, title: `${String(input.title)}（更正）`, formedOn: '2024-09-30' };
    const revised = await app.graphql(REVISE, { id: record.id, version: 1, reason: '更正标题', input: changed }, { token });
    expect(revised.body.errors).toBeUndefined();
    // The clock restarts on 2024-09-30 (Monday): 10-01..10-07 are the National Day holiday, 10-08 and 10-09 working days.
    expect(revised.body.data!.reviseDisclosure).toMatchObject({ version: 2, formedOn: '2024-09-30', deadline: '2024-10-09' });
    const id = keyOf(record.id);
    const kept = await app.query<{ version: number; title: string; formed_on: string; snapshot: { envelope: { title: string } } }>(
      'select version, title, formed_on::text as formed_on, snapshot from disclosure_revision where disclosure_id = ?', [id]);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ version: 1, title: input.title, formed_on: '2024-09-27' });
    expect(kept[0]!.snapshot.envelope.title).toBe(input.title);
    // Not yet published: only its department (and the supervisor) sees it.
    const { body } = await app.graphql(`query ($id: ID!) { node(id: $id) { ... on Disclosure { version title } } }`, { id: record.id }, { token });
    expect(body.data!.node).toEqual({ version: 2, title: changed.title });
    expect((await app.graphql(`query ($id: ID!) { node(id: $id) { id } }`, { id: record.id })).body.data!.node).toBeNull();

    const before = await counts();
    const stale = await app.graphql(REVISE, { id: record.id, version: 1, reason: '再次更正', input: changed }, { token });
    expect(stale.body.errors![0]!.extensions!.code).toBe('CONFLICT');
    const blank = await app.graphql(REVISE, { id: record.id, version: 2, reason: ' ', input: changed }, { token });
    expect(blank.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason', issues: [{ path: 'reason', code: 'REQUIRED' }] });
    expect(await counts()).toEqual(before);
  });

  it('of two concurrent revisions of one version, exactly one wins', async () => {
    const { publisher, input } = structuredClone(inputs.find((i) => i.input.domain === 'LAND_TRANSFER')!);
    const token = await tokenOf(publisher);
    input.externalId = 'race';
    const published = await app.graphql(PUBLISH, { input }, { token });
    const id = (published.body.data!.publishDisclosure as { id: string }).id;
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) => app.graphql(REVISE, { id, version: 1, reason: `并发变更 ${n}`, input: { ...input, title: `${String(input.title)} ${n}` } }, { token })),
    );
    const won = results.filter((r) => !r.body.errors);
    const lost = results.filter((r) => r.body.errors);
    expect(won).toHaveLength(1);
    expect(lost.map((r) => r.body.errors![0]!.extensions!.code)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
    const [row] = await app.query<{ version: number; revisions: number }>(
      'select version, (select count(*)::int from disclosure_revision where disclosure_id = d.id) as revisions from disclosure d where id = ?', [keyOf(id)]);
    expect(row).toEqual({ version: 2, revisions: 1 });
  });
});

describe('retraction and channel publications', () => {
  it('retracts a record (it stays, marked) and adds channel publications', async () => {
    const { publisher, input } = structuredClone(inputs.find((i) => i.input.domain === 'MINING_RIGHTS')!);
    const token = await tokenOf(publisher);
    input.externalId = 'retract-me';
    input.publishedOn = null;
    input.publications = [];
    const published = await app.graphql(PUBLISH, { input }, { token });
    const id = (published.body.data!.publishDisclosure as { id: string }).id;
    const added = await app.graphql(
      `mutation ($id: ID!, $p: [ChannelPublicationInput!]!) { addChannelPublications(id: $id, publications: $p) { status publishedOn publications { channel } } }`,
      { id, p: [{ channel: 'GOVERNMENT_WEBSITE', publishedOn: input.formedOn, url: 'https://zwgk.qinghai.gov.cn/x.html' }] }, { token });
    expect(added.body.errors).toBeUndefined();
    expect(added.body.data!.addChannelPublications).toEqual({ status: 'PUBLISHED', publishedOn: input.formedOn, publications: [{ channel: 'GOVERNMENT_WEBSITE' }] });
    const retracted = await app.graphql(`mutation ($id: ID!) { retractDisclosure(id: $id, version: 1, reason: "重复发布") { status retractedOn retractionReason } }`, { id }, { token });
    expect(retracted.body.errors).toBeUndefined();
    expect(retracted.body.data!.retractDisclosure).toMatchObject({ status: 'RETRACTED', retractionReason: '重复发布' });
    const [row] = await app.query<{ n: number }>('select count(*)::int as n from disclosure where id = ?', [keyOf(id)]);
    expect(row!.n).toBe(1);
  });
});
