import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLInterfaceType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/kernel/viewer.js';
import { appendAudit } from '../../src/resolvers/audit/audit-log.js';
import { seedDatabase } from '../../src/generator/seed.js';
import { buildGongkaiSchema } from '../../src/schema/build-schema.js';
import { loadReferenceData } from '../../src/seeders/reference-data.js';
import { readEverythingAsSupervisor, startTestApp, type TestApp } from '../helpers/database.js';
import { prng } from '../helpers/prng.js';

/**
 * Every list that takes `after`, found by walking the schema (so a new list is covered
 * without touching this file), is sent cursors a client could forge from a real one:
 * each must be refused with BAD_USER_INPUT naming `after`, before any SQL is sent,
 * and never reach PostgreSQL as an INTERNAL_SERVER_ERROR. The real cursors keep paging
 * as plain SQL says they should.
 */

let app: TestApp;
let lists: ListField[];
/** A two-character term that occurs in titles (the bigram search path). */
let term: string;

beforeAll(async () => {
  app = await startTestApp({ demo: false });
  await readEverythingAsSupervisor(app);
  await loadReferenceData(app.database.orm.em.fork());
  await seedDatabase(app.database.orm, { scale: 1500, seed: 'cursor-tampering', until: '2026-11-20' });
  // A few audited writes, so the audit log has pages too.
  const admin = { role: Role.ADMIN, tokenId: null, departmentCode: null };
  for (let i = 0; i < 5; i++) {
    const write = { action: 'test', entity: 'Thing', entityKey: String(i), before: null, after: { i } };
    await app.database.orm.em.fork().transactional((tx) => appendAudit(tx, admin, `req-${i}`, [write]));
  }
  const [top] = await app.query<{ t: string }>(
    `select left(title, 2) as t from disclosure where left(title, 2) ~ '^[^ -~]{2}$' group by 1 order by count(*) desc, 1 limit 1`,
  );
  term = top!.t;
  lists = listFields(await buildGongkaiSchema());
}, 300_000);
afterAll(async () => {
  await app?.close();
});

// ---------------------------------------------------------------------------
// The schema walk

/** A field that takes `after`, and how a query reaches it. */
interface ListField {
  /** `Type.field`, e.g. `Subject.disclosures`. */
  label: string;
  /** The fields from Query down to its parent, each with `first: 20` where it takes one. */
  path: string[];
  field: GraphQLField<unknown, unknown>;
}

type Composite = GraphQLObjectType | GraphQLInterfaceType;

const required = (arg: GraphQLArgument) => isNonNullType(arg.type) && arg.defaultValue === undefined;

/** Every field taking `after`, each with the shortest path from Query through fields that need no argument. */
function listFields(schema: Awaited<ReturnType<typeof buildGongkaiSchema>>): ListField[] {
  const found = new Map<string, ListField>();
  const seen = new Set<string>(['Query']);
  const queue: { type: Composite; path: string[] }[] = [{ type: schema.getQueryType()!, path: [] }];
  while (queue.length > 0) {
    const { type, path } = queue.shift()!;
    for (const field of Object.values(type.getFields())) {
      const label = `${type.name}.${field.name}`;
      if (field.args.some((a) => a.name === 'after') && !found.has(label)) found.set(label, { label, path, field });
      const next = getNamedType(field.type);
      if (field.args.some(required) || !(isObjectType(next) || isInterfaceType(next)) || seen.has(next.name)) continue;
      seen.add(next.name);
      queue.push({ type: next, path: [...path, field.args.some((a) => a.name === 'first') ? `${field.name}(first: 20)` : field.name] });
    }
  }
  return [...found.values()];
}

/** Every value of the list's `orderBy` input (each enum field's every value), or one "no orderBy". */
function orderings(list: ListField): (Record<string, string> | null)[] {
  const arg = list.field.args.find((a) => a.name === 'orderBy');
  const input = arg && getNamedType(arg.type);
  if (!input || !isInputObjectType(input)) return [null];
  let out: Record<string, string>[] = [{}];
  for (const f of Object.values(input.getFields())) {
    const values = getNamedType(f.type);
    if (!isEnumType(values)) continue;
    out = out.flatMap((o) => values.getValues().map((v) => ({ ...o, [f.name]: v.name })));
  }
  return out;
}

/** No filter, and where the filter has them: a two-character title search, and a plain condition (`overdue: false`). */
function filters(list: ListField): (Record<string, unknown> | null)[] {
  const arg = list.field.args.find((a) => a.name === 'filter');
  const input = arg && getNamedType(arg.type);
  const out: (Record<string, unknown> | null)[] = [null];
  if (input && isInputObjectType(input)) {
    if (input.getFields().text) out.push({ text: term });
    if (input.getFields().overdue) out.push({ overdue: false });
  }
  return out;
}

function argType(list: ListField, name: string): string | undefined {
  return list.field.args.find((a) => a.name === name)?.type.toString();
}

/** A query for one page of the list (every parent's, for a nested one), through its path. */
function listQuery(list: ListField, selection: string, first = 2): string {
  const order = argType(list, 'orderBy');
  const filter = argType(list, 'filter');
  const vars = ['$after: String', ...(order ? [`$o: ${order}`] : []), ...(filter ? [`$f: ${filter}`] : [])];
  const args = [
    ...(list.field.args.some((a) => a.name === 'first') ? [`first: ${first}`] : []),
    'after: $after',
    ...(order ? ['orderBy: $o'] : []),
    ...(filter ? ['filter: $f'] : []),
  ];
  let body = `${list.field.name}(${args.join(', ')}) { ${selection} }`;
  for (const step of [...list.path].reverse()) body = `${step} { ${body} }`;
  return `query (${vars.join(', ')}) { ${body} }`;
}

const PAGE_INFO = 'hasNextPage hasPreviousPage startCursor endCursor';

interface Page {
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** Every page the answer holds (one per parent on the path). */
function pagesIn(data: unknown, list: ListField): Page[] {
  const steps = list.path.map((s) => s.replace(/\(.*$/, ''));
  let level: unknown[] = [data];
  for (const step of steps) {
    level = level.flatMap((v) => {
      const next = (v as Record<string, unknown> | null)?.[step];
      return Array.isArray(next) ? next : next == null ? [] : [next];
    });
  }
  return level.map((v) => (v as Record<string, Page>)[list.field.name]!).filter(Boolean);
}

async function ok(query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { body } = await app.graphql(query, variables);
  expect(body.errors).toBeUndefined();
  return body.data!;
}

/** A real cursor of the list in that ordering (the first one any parent's page holds). */
async function realCursor(list: ListField, order: Record<string, string> | null): Promise<string> {
  const data = await ok(listQuery(list, 'edges { cursor }'), { after: null, o: order });
  const cursor = pagesIn(data, list).flatMap((p) => p.edges)[0]?.cursor;
  if (!cursor) throw new Error(`${list.label} ${JSON.stringify(order)}: no page holds a record; seed data for it`);
  return cursor;
}

/** The column each disclosure ordering sorts by. */
const ORDER_COLUMN: Record<string, string> = { FORMED_ON: 'formed_on', PUBLISHED_ON: 'published_on', AMOUNT: 'amount' };

// ---------------------------------------------------------------------------
// The forgeries


const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const forge = (tag: unknown, value: unknown, id: unknown) => b64(JSON.stringify([tag, value, id]));

/**
 * Sort values no list encodes: impossible dates, text that is no number, numbers where
 * text is expected, objects, arrays, oversized text. (Null is a real value where an
 * ordering has nulls, so it is tried separately.)
 */
function badValues(random: () => number): unknown[] {
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const fixed = [
    '2026-99-99', '2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '0000-01-01', '2026-1-1', '26-01-01',
    '+2026-01-01', '2026-01-01T00:00:00Z', '2026-01-01 BC', '10000-01-01', 'infinity', '-infinity', 'epoch', 'today',
    'NaN', '1e5', '1e400', '1,000.00', '１２３.００', '.5', '5.', '--1', '0x10', ' 1.00', '1.00 ', '12345678901234567.00', '1.234',
    "' or 1=1 --", '2026-01-01\u0000', 'x'.repeat(10_240), '',
    0.5, -1, 1e308, 2 ** 53, 20260101, true, false, {}, { $gt: '' }, [], ['2026-01-01'], [1, 2],
  ];
  const generated = Array.from({ length: 12 }, (_, i) => {
    switch (i % 6) {
      case 0:
        return `${pad(int(1, 9999), 4)}-${pad(int(13, 99), 2)}-${pad(int(1, 28), 2)}`;
      case 1:
        return `${pad(int(1, 9999), 4)}-${pad(int(1, 12), 2)}-${pad(int(32, 99), 2)}`;
      case 2:
        return (random() - 0.5) * 10 ** int(0, 300);
      case 3:
        return String.fromCodePoint(...Array.from({ length: int(1, 40) }, () => int(0x20, 0x9fff)));
      case 4:
        return { [String.fromCharCode(int(97, 122))]: int(0, 9) };
      default:
        return `${int(1, 9) * 10 ** int(17, 30)}.${int(100, 999)}`;
    }
  });
  return [...fixed, ...generated];
}

/** Ids no list encodes: not positive, not whole, out of range, the wrong type, text no id is. */
function badIds(random: () => number): unknown[] {
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const fixed = [
    -1, 0, -0, 1.5, 2 ** 31, 2 ** 53 + 2, 1e20, -(2 ** 31), null, true, {}, [], [1], { id: 1 },
    '-1', '0', '007', '1.5', '', 'abc', '0x1F', '9223372036854775808', '99999999999999999999', '1\u0000', 'x'.repeat(10_240),
    '91630100abcdefghjk', '91630100MA7PABCD1', '91630100MA7PABCD1XY', '91630100IOSVZ00001', "' or '1'='1",
  ];
  const generated = Array.from({ length: 12 }, (_, i) => {
    switch (i % 4) {
      case 0:
        return -int(1, 2 ** 31);
      case 1:
        return int(1, 10_000) + random() * 0.99 + 0.001;
      case 2:
        return int(2 ** 31, 2 ** 52) * 2;
      default:
        return `${int(1, 9)}${'9'.repeat(int(19, 40))}`;
    }
  });
  return [...fixed, ...generated];
}

/** Forged cursors from a real one: every structural break, every bad value, every bad id, and both at once. */
function forgeries(real: string, seed: number): { label: string; cursor: string }[] {
  const random = prng(seed);
  const [tag, value, id] = JSON.parse(Buffer.from(real, 'base64url').toString('utf8')) as [string, unknown, unknown];
  const structural: [string, string][] = [
    ['empty', ''],
    ['not base64', 'not a cursor!'],
    ['not base64 (padding)', `${real}=`],
    ['trailing space', `${real} `],
    ['not JSON', b64('hello')],
    ['JSON NaN', b64(`[${JSON.stringify(tag)},NaN,${JSON.stringify(id)}]`)],
    ['JSON 1e400 id', b64(`[${JSON.stringify(tag)},${JSON.stringify(value)},1e400]`)],
    ['object', b64(JSON.stringify({ tag, value, id }))],
    ['empty array', b64('[]')],
    ['two parts', b64(JSON.stringify([tag, value]))],
    ['four parts', b64(JSON.stringify([tag, value, id, 1]))],
    ['wrong tag', forge(`${tag}x`, value, id)],
    ['another list', forge(tag.includes('.') ? tag.slice(tag.indexOf('.') + 1) : `Subject.${tag}`, value, id)],
    ...(/:(ASC|DESC)$/.test(tag)
      ? ([['other direction', forge(tag.replace(/(ASC|DESC)$/, (d) => (d === 'ASC' ? 'DESC' : 'ASC')), value, id)]] as [string, string][])
      : []),
    ['tag not text', forge(1, value, id)],
    ['oversized', Array.from({ length: 10_240 }, () => 'ABCabc019_-'[Math.floor(random() * 11)]).join('')],
  ];
  const out = structural.map(([label, cursor]) => ({ label, cursor }));
  for (const bad of badValues(random)) out.push({ label: `value ${JSON.stringify(bad).slice(0, 40)}`, cursor: forge(tag, bad, id) });
  for (const bad of badIds(random)) out.push({ label: `id ${JSON.stringify(bad).slice(0, 40)}`, cursor: forge(tag, value, bad) });
  const values = badValues(random);
  const ids = badIds(random);
  for (let i = 0; i < 8; i++) {
    const v = values[Math.floor(random() * values.length)];
    const d = ids[Math.floor(random() * ids.length)];
    out.push({ label: `both ${JSON.stringify([v, d]).slice(0, 40)}`, cursor: forge(tag, v, d) });
  }
  return out;
}

interface GraphQLError {
  message: string;
  extensions?: Record<string, unknown>;
  path?: (string | number)[];
}

/**
 * Sends each forgery on its own (a refused non-null field nulls its parent, and graphql-js
 * then reports only the first of its siblings' errors), a few at a time; returns each one's errors.
 */
async function sendForged(
  list: ListField,
  order: Record<string, string> | null,
  filter: Record<string, unknown> | null,
  forged: { cursor: string }[],
): Promise<GraphQLError[][]> {
  const query = listQuery(list, 'edges { cursor }');
  const out: GraphQLError[][] = [];
  for (let start = 0; start < forged.length; start += 16) {
    const chunk = forged.slice(start, start + 16);
    const answers = await Promise.all(chunk.map((f) => app.graphql(query, { after: f.cursor, o: order, f: filter })));
    for (const { status, body } of answers) {
      expect(status).toBe(200);
      out.push((body.errors ?? []) as GraphQLError[]);
    }
  }
  return out;
}

/** Refused, naming `after`: at least one error (one per parent of a nested list, or the first of them), every one BAD_USER_INPUT. */
function expectRefused(errors: GraphQLError[] | undefined, where: string): void {
  expect(errors?.length ?? 0, where).toBeGreaterThan(0);
  // An oversized cursor may be refused by the read-argument text rules first, which add their `issues`.
  for (const e of errors!) expect(e.extensions, where).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
}

describe('the schema walk', () => {
  it('finds every list that takes `after`, nested ones too', () => {
    expect(lists.map((l) => l.label)).toEqual(
      expect.arrayContaining([
        'Query.disclosures',
        'Query.disclosureRequests',
        'Query.subjects',
        'Query.creditEntries',
        'Query.auditEntries',
        'Subject.disclosures',
        'Department.disclosures',
        'Department.requests',
        'Region.disclosures',
      ]),
    );
  });
});

describe('a forged cursor is refused with BAD_USER_INPUT naming `after`', () => {
  let seed = 18;
  it('in every list, ordering and query path', async () => {
    let total = 0;
    for (const list of lists) {
      for (const order of orderings(list)) {
        const real = await realCursor(list, order);
        const forged = forgeries(real, seed++);
        for (const [n, filter] of filters(list).entries()) {
          // Every forgery without a filter; a sample of them with each filter (the cursor is read
          // before the filter decides the query's path, so these only confirm the order of checks).
          const sent = n === 0 ? forged : forged.filter((_, i) => i % 10 === n);
          const answers = await sendForged(list, order, filter, sent);
          sent.forEach((f, i) => expectRefused(answers[i], `${list.label} ${JSON.stringify(order)} ${JSON.stringify(filter)}: ${f.label}`));
          total += sent.length;
          // The real cursor is still good, whatever the filter.
          const { body } = await app.graphql(listQuery(list, 'edges { cursor }'), { after: real, o: order, f: filter });
          expect(body.errors, `${list.label} ${JSON.stringify(order)} ${JSON.stringify(filter)}: the real cursor`).toBeUndefined();
        }
      }
    }
    expect(total).toBeGreaterThan(3000);
  }, 300_000);

  it('before any SQL is sent', async () => {
    for (const list of lists.filter((l) => l.path.length === 0)) {
      for (const order of orderings(list)) {
        const [tag, , id] = JSON.parse(Buffer.from(await realCursor(list, order), 'base64url').toString('utf8')) as unknown[];
        const { result, statements } = await app.sql.count(() =>
          app.graphql(listQuery(list, 'edges { cursor }'), { after: forge(tag, '2026-99-99', id), o: order }),
        );
        expectRefused(result.body.errors, list.label);
        expect(statements, list.label).toEqual([]);
      }
    }
  });

  it('a null sort value is a cursor exactly where the ordering\'s column has nulls', async () => {
    const nullable = new Set(
      (
        await app.query<{ column_name: string }>(
          `select column_name from information_schema.columns where table_name = 'disclosure' and is_nullable = 'YES'`,
        )
      ).map((r) => r.column_name),
    );
    for (const list of lists) {
      for (const order of orderings(list)) {
        const [tag, value, id] = JSON.parse(Buffer.from(await realCursor(list, order), 'base64url').toString('utf8')) as unknown[];
        // Ordered by id alone: null is the only sort value there is.
        if (value === null) continue;
        const { body } = await app.graphql(listQuery(list, 'edges { cursor }'), { after: forge(tag, null, id), o: order });
        const where = `${list.label} ${JSON.stringify(order)}`;
        if (order && nullable.has(ORDER_COLUMN[order.field!]!)) expect(body.errors, where).toBeUndefined();
        else expectRefused(body.errors, where);
      }
    }
  });
});

// ---------------------------------------------------------------------------
// Real cursors

const keyOf = (globalId: string) => {
  const text = Buffer.from(globalId, 'base64url').toString('utf8');
  return text.slice(text.indexOf(':') + 1);
};

/** Every page of a top-level list, as the client walks it; the keys in order, and each page's info. */
async function walk(list: ListField, order: Record<string, string> | null, first: number) {
  const keys: string[] = [];
  const pages: Page[] = [];
  let after: string | null = null;
  for (let n = 0; n < 1000; n++) {
    const data = await ok(listQuery(list, `edges { cursor node { id } } pageInfo { ${PAGE_INFO} }`, first), { after, o: order });
    const page = pagesIn(data, list)[0]!;
    pages.push(page);
    keys.push(...page.edges.map((e) => keyOf(e.node.id)));
    if (!page.pageInfo.hasNextPage) return { keys, pages };
    after = page.pageInfo.endCursor;
  }
  throw new Error('too many pages');
}

/** What each top-level list holds, in order, as plain SQL says. */
function expectedSql(label: string, order: Record<string, string> | null): string {
  switch (label) {
    case 'Query.disclosures': {
      const dir = order!.direction!.toLowerCase();
      return `select id::text as key from disclosure order by ${ORDER_COLUMN[order!.field!]} ${dir} nulls last, id ${dir}`;
    }
    case 'Query.subjects':
      return 'select credit_code as key from subject order by credit_code';
    case 'Query.creditEntries':
      return 'select entry_id::text as key from credit_entry order by decided_on desc, entry_id desc';
    case 'Query.disclosureRequests':
      return 'select request_id::text as key from disclosure_request order by received_on desc, request_id desc';
    case 'Query.auditEntries':
      return 'select id::text as key from audit_entry order by id desc';
    default:
      throw new Error(`no plain SQL written for ${label}`);
  }
}

describe('a real cursor pages as plain SQL says', () => {
  it('through every top-level list and ordering, null sort values included', async () => {
    let nullCursors = 0;
    for (const list of lists.filter((l) => l.path.length === 0)) {
      for (const order of orderings(list)) {
        const expected = (await app.query<{ key: string }>(expectedSql(list.label, order))).map((r) => r.key);
        const { keys, pages } = await walk(list, order, 37);
        expect(keys, `${list.label} ${JSON.stringify(order)}`).toEqual(expected);
        for (const page of pages) {
          const [, value] = JSON.parse(Buffer.from(page.pageInfo.endCursor ?? 'W10', 'base64url').toString('utf8')) as unknown[];
          if (value === null && ['PUBLISHED_ON', 'AMOUNT'].includes(order?.field ?? '')) nullCursors++;
        }
      }
    }
    // Unpublished records and records without an amount: some pages end among them.
    expect(nullCursors).toBeGreaterThan(0);
  }, 120_000);

  it("through a subject's records", async () => {
    const [busiest] = await app.query<{ credit_code: string }>(
      'select credit_code from disclosure_party group by credit_code order by count(*) desc, credit_code limit 1',
    );
    const expected = await app.query<{ key: string }>(
      `select d.id::text as key from disclosure d where d.id in (select disclosure_id from disclosure_party where credit_code = ?)
        order by d.formed_on desc, d.id desc`,
      [busiest!.credit_code],
    );
    const keys: string[] = [];
    let after: string | null = null;
    for (;;) {
      const data = await ok(
        `query ($code: CreditCode!, $after: String) { subject(creditCode: $code) { disclosures(first: 3, after: $after) {
          edges { node { id } } pageInfo { hasNextPage endCursor } } } }`,
        { code: busiest!.credit_code, after },
      );
      const page = (data.subject as { disclosures: Page }).disclosures;
      keys.push(...page.edges.map((e) => keyOf(e.node.id)));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(keys).toEqual(expected.map((r) => r.key));
  });
});

describe('PageInfo: startCursor and hasPreviousPage (Relay)', () => {
  it('on every list, nested ones too: the first edge\'s cursor; true only after a cursor', async () => {
    const selection = `edges { cursor } pageInfo { ${PAGE_INFO} }`;
    for (const list of lists) {
      const first = pagesIn(await ok(listQuery(list, selection), { after: null }), list);
      expect(first.length, list.label).toBeGreaterThan(0);
      for (const page of first) {
        expect(page.pageInfo, list.label).toMatchObject({
          hasPreviousPage: false,
          startCursor: page.edges[0]?.cursor ?? null,
          endCursor: page.edges.at(-1)?.cursor ?? null,
        });
      }
      const after = first.find((p) => p.pageInfo.hasNextPage)!.pageInfo.endCursor;
      const second = pagesIn(await ok(listQuery(list, selection), { after }), list);
      for (const page of second) {
        expect(page.pageInfo, list.label).toMatchObject({ hasPreviousPage: true, startCursor: page.edges[0]?.cursor ?? null });
      }
      const empty = pagesIn(await ok(listQuery(list, selection, 0), { after: null }), list);
      for (const page of empty) {
        expect(page.edges, list.label).toEqual([]);
        expect(page.pageInfo, list.label).toMatchObject({ hasPreviousPage: false, startCursor: null, endCursor: null });
      }
    }
  });
});
