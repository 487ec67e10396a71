import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLInterfaceType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createToken } from '../src/resolvers/access/tokens.js';
import { Role } from '../src/kernel/viewer.js';
import { startApp, type App } from '../src/app.js';
import { freshDatabaseConfig, testLogger } from './helpers/database.js';
import { prng } from './helpers/prng.js';

/**
 * Random operations from the schema, with hostile values (NUL, lone surrogates, 10 KB texts, huge and negative
 * numbers, impossible dates and codes), run over HTTP anonymously and as each role against the demo data: none may end
 * as INTERNAL_SERVER_ERROR, and the server must stay up. Seeded and repeatable: FUZZ_SEED=… and FUZZ_RUNS=… change it,
 * and a failure prints the seed and the operations that failed.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 19);
/**
 * Runs of one root field with its leaves and hostile arguments (cheap: most are refused before any SQL), then runs of
 * whole random operations (nested, several roots, some past the depth limit), which cost the database far more.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const DEEP_RUNS = Number(process.env.FUZZ_DEEP_RUNS ?? 1_000);
const CONCURRENCY = 8;
/**
 * Documents generated; each is run about RUNS / DOCUMENTS times with new variables, so documents repeat as a client's
 * do, and from their second run go through the compiled executor (compiling every one-off document would take most of
 * the run's time, and is not what the server does by default either).
 */
const DOCUMENTS = Number(process.env.FUZZ_DOCUMENTS ?? 1_000);
/** Token holders also send a few random mutations (the database is thrown away afterwards). */
const MUTATION_SHARE = 0.03;


const HOSTILE_TEXT = [
  'a\u0000b',
  '\u0000',
  'x\uD800',
  '\uDC00y',
  '\u0007bell',
  'x'.repeat(10_240),
  '公告'.repeat(1_500),
  '😀🇨🇳👩‍👩‍👧',
  '\u202Eevil\u202C',
  '\u200F\u200E',
  '\u200B',
  '',
  ' ',
  '\t\n\r',
  "'; drop table disclosure; --",
  '%_\\',
  '\\u0000',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
];
const PLAIN_TEXT = ['公告', '西宁', '采购', 'RESULT', 'QH-FINANCE', '630100', '630000', '632800', 'a', '1', 'GOV-630100', 'LAND_TRANSFER'];
const INTS = [0, 1, -1, 2, 5, 20, 100, 101, 1000, 2025, 2_147_483_647, -2_147_483_648, 1e12, 13, 4, 12];
const PAGE_SIZES = [0, 1, 1, 2, 3, 5, -1, 101, 2_147_483_647, -2_147_483_648, 1e12];
const FLOATS = [0, 0.5, 1, -1, 0.95, 1.5, 1e308, -1e308, 1e-9];
const DATES = ['2024-01-01', '2025-06-30', '2018-03-01', '1900-01-01', '9999-12-31', '2025-02-30', '2025-13-01', '0000-00-00', 'yesterday', '', '2024-02-29'];
const DATETIMES = ['2025-01-01T00:00:00Z', '2025-01-01T00:00:00+08:00', '1970-01-01T00:00:00Z', '2025-13-01T00:00:00Z', 'now', ''];
const DECIMALS = ['0', '1.23', '-1', '1234567.89', '99999999999999999999', '1e5', 'NaN', '', '0.001'];
const MEASURES = ['0', '12.3456', '-1', '1e3', ''];

interface Context {
  random: () => number;
  creditCodes: string[];
  ids: string[];
  cursors: string[];
  departments: string[];
}

const pick = <T,>(c: Context, items: readonly T[]): T => items[Math.floor(c.random() * items.length)]!;
const chance = (c: Context, p: number) => c.random() < p;

function scalarValue(c: Context, name: string, field: string): unknown {
  if (chance(c, 0.03)) return pick(c, [null, 1, 'x', true, {}, []]);
  switch (name) {
    case 'String':
    case 'ID':
      if (chance(c, 0.3)) return pick(c, HOSTILE_TEXT);
      if (name === 'ID' || /id$/i.test(field)) return pick(c, [...c.ids, 'nope', 'RGlzY2xvc3VyZTox']);
      if (field === 'after' || field === 'before') return pick(c, [...c.cursors, 'bm9wZQ==', 'WzE5MDAsMV0=']);
      if (/departmentCode|publisherCode|decidedByCode/.test(field)) return pick(c, [...c.departments, 'QH-NOPE']);
      return pick(c, PLAIN_TEXT);
    case 'Int':
      // Small pages mostly: a page of 100 under a list of 100 is the operation limits' to refuse, and slow when allowed.
      if (field === 'first' || field === 'last') return chance(c, 0.03) ? 100 : pick(c, PAGE_SIZES);
      return pick(c, INTS);
    case 'Float':
      return pick(c, FLOATS);
    case 'Boolean':
      return chance(c, 0.5);
    case 'Date':
      return pick(c, DATES);
    case 'DateTime':
      return pick(c, DATETIMES);
    case 'CreditCode':
      return chance(c, 0.7) ? pick(c, c.creditCodes) : pick(c, [...HOSTILE_TEXT.slice(0, 6), '91630100MA752XXXXX', '916301037031384281', 'x'.repeat(18)]);
    case 'Decimal':
      return pick(c, DECIMALS);
    case 'Measure':
      return pick(c, MEASURES);
    case 'JSON':
    case 'JSONObject':
      return pick(c, [{ a: 'b\u0000' }, { x: 1 }, 'text', [1, 2]]);
    default:
      return pick(c, HOSTILE_TEXT);
  }
}

function inputValue(c: Context, type: GraphQLInputType, field: string, depth = 0): unknown {
  if (!isNonNullType(type) && chance(c, 0.15)) return null;
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable)) {
    const n = chance(c, 0.05) ? 200 : Math.floor(c.random() * 3);
    return Array.from({ length: n }, () => inputValue(c, nullable.ofType as GraphQLInputType, field, depth + 1));
  }
  if (isEnumType(nullable)) return chance(c, 0.03) ? 'NOT_A_VALUE' : pick(c, nullable.getValues()).name;
  if (isInputObjectType(nullable)) {
    const out: Record<string, unknown> = {};
    if (depth > 4) return out;
    for (const f of Object.values(nullable.getFields())) {
      if (isNonNullType(f.type) ? chance(c, 0.97) : chance(c, 0.35)) out[f.name] = inputValue(c, f.type, f.name, depth + 1);
    }
    return out;
  }
  return scalarValue(c, nullable.name, field);
}

/** A document, and its variables' types: each run of it gets a fresh set of values. */
interface Operation {
  query: string;
  variables: [name: string, type: GraphQLInputType, argument: string][];
}

class Builder {
  private variables: Operation['variables'] = [];
  private definitions: string[] = [];
  constructor(private readonly c: Context) {}

  argumentsOf(field: GraphQLField<unknown, unknown>): string {
    const parts: string[] = [];
    for (const arg of field.args) {
      if (!isNonNullType(arg.type) && !chance(this.c, arg.name === 'first' ? 0.95 : 0.5)) continue;
      const value = inputValue(this.c, arg.type, arg.name);
      // Mostly variables, some literals written into the text (JSON is a GraphQL literal but for object keys' quotes).
      if (chance(this.c, 0.75) || value === null || typeof value === 'object') {
        const name = `v${this.definitions.length}`;
        this.definitions.push(`$${name}: ${String(arg.type)}`);
        this.variables.push([name, arg.type, arg.name]);
        parts.push(`${arg.name}: $${name}`);
      } else {
        parts.push(`${arg.name}: ${isEnumType(getNamedType(arg.type)) && typeof value === 'string' ? value : JSON.stringify(value)}`);
      }
    }
    return parts.length ? `(${parts.join(', ')})` : '';
  }

  selection(schema: GraphQLSchema, type: GraphQLObjectType | GraphQLInterfaceType, depth: number): string {
    const fields = Object.values(type.getFields());
    const count = 1 + Math.floor(this.c.random() * 4);
    const parts = new Set<string>();
    for (let i = 0; i < count; i++) {
      const field = pick(this.c, fields);
      const named = getNamedType(field.type) as GraphQLNamedType;
      const alias = chance(this.c, 0.1) ? `a${i}: ` : '';
      if (isLeafType(named)) {
        parts.add(`${alias}${field.name}${this.argumentsOf(field)}`);
      } else if ((isObjectType(named) || isInterfaceType(named)) && depth > 0) {
        parts.add(`${alias}${field.name}${this.argumentsOf(field)} { ${this.selection(schema, named, depth - 1)} }`);
      }
    }
    if (isInterfaceType(type) && chance(this.c, 0.5)) {
      const concrete = pick(this.c, schema.getPossibleTypes(type));
      if (depth > 0) parts.add(`... on ${concrete.name} { ${this.selection(schema, concrete, depth - 1)} }`);
    }
    parts.add('__typename');
    return [...parts].join(' ');
  }

  /** `shallow`: one root field and its leaves, for the arguments' sake; else up to 3 roots, nested, some very deep. */
  operation(schema: GraphQLSchema, kind: 'query' | 'mutation', shallow = false): Operation {
    const root = (kind === 'query' ? schema.getQueryType() : schema.getMutationType())!;
    const roots = kind === 'query' && !shallow ? 1 + Math.floor(this.c.random() * 3) : 1;
    const parts: string[] = [];
    for (let i = 0; i < roots; i++) {
      const field = pick(this.c, Object.values(root.getFields()));
      const named = getNamedType(field.type);
      const depth = shallow ? 0 : chance(this.c, 0.1) ? 8 + Math.floor(this.c.random() * 6) : Math.floor(this.c.random() * 5);
      const body = isLeafType(named) ? '' : ` { ${this.selection(schema, named as GraphQLObjectType, depth)} }`;
      parts.push(`r${i}: ${field.name}${this.argumentsOf(field)}${body}`);
    }
    const header = this.definitions.length ? `(${this.definitions.join(', ')})` : '';
    return { query: `${kind} Fuzz${header} { ${parts.join(' ')} }`, variables: this.variables };
  }
}

let app: App;
let drop: () => Promise<void>;
let schema: GraphQLSchema;
const query = <T,>(sql: string) => app.database.orm.em.getConnection().execute<T[]>(sql);
const tokenFor = async (role: Role, departmentCode?: string) =>
  (await createToken(app.database.orm.em.fork(), { name: `fuzz ${role}`, role, departmentCode })).secret;
const viewers: { role: string; token?: string }[] = [{ role: 'PUBLIC' }];
const context: Omit<Context, 'random'> = { creditCodes: [], ids: [], cursors: [], departments: [] };

beforeAll(async () => {
  // The demo data, and no rate limit: the fuzz sends thousands of requests a minute from one address and four tokens.
  const fresh = await freshDatabaseConfig({ from: 'demo' });
  drop = fresh.drop;
  app = await startApp({ ...fresh.config, rateLimits: null }, testLogger, { migrate: true, demo: true, compileAt: 2 });
  schema = buildSchema(readFileSync('schema.graphql', 'utf8'));
  const subjects = await query<{ credit_code: string }>('select credit_code from subject order by credit_code limit 50');
  context.creditCodes = subjects.map((s) => s.credit_code);
  const departments = await query<{ code: string }>('select code from department order by code');
  context.departments = departments.map((d) => d.code);
  const supervisor = await tokenFor(Role.SUPERVISOR);
  const page = await send({ query: '{ disclosures(first: 30) { edges { cursor node { id } } } }', variables: {} }, supervisor);
  const edges = ((JSON.parse(page.text) as { data: Record<string, unknown> }).data.disclosures as { edges: { cursor: string; node: { id: string } }[] }).edges;
  context.ids = edges.map((e) => e.node.id);
  context.cursors = edges.map((e) => e.cursor);
  viewers.push(
    { role: 'PUBLISHER', token: await tokenFor(Role.PUBLISHER, context.departments.includes('QH-FINANCE') ? 'QH-FINANCE' : context.departments[0]) },
    { role: 'SUPERVISOR', token: supervisor },
    { role: 'ADMIN', token: await tokenFor(Role.ADMIN) },
  );
}, 180_000);

afterAll(async () => {
  await app?.close();
  await drop?.();
});

interface Failure {
  index: number;
  role: string;
  status: number;
  query: string;
  variables: string;
  errors: string;
}

async function send(operation: { query: string; variables: Record<string, unknown> }, token: string | undefined): Promise<{ status: number; text: string }> {
  const res = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: operation.query, variables: operation.variables }),
  });
  return { status: res.status, text: await res.text() };
}

it(`${RUNS} + ${DEEP_RUNS} random operations, anonymously and as each role: no INTERNAL_SERVER_ERROR (seed ${SEED})`, async () => {
  const random = prng(SEED);
  const c: Context = { random, ...context };
  // Generated up front from the one seed, so the same seed gives the same operations whatever order answers come in.
  const shallow = Array.from({ length: DOCUMENTS }, () => new Builder(c).operation(schema, chance(c, MUTATION_SHARE) ? 'mutation' : 'query', true));
  const deep = Array.from({ length: DOCUMENTS / 5 }, () => new Builder(c).operation(schema, chance(c, MUTATION_SHARE) ? 'mutation' : 'query'));
  const work = Array.from({ length: RUNS + DEEP_RUNS }, (_, index) => {
    const document = pick(c, index < RUNS ? shallow : deep);
    // Mutations are for token holders; anonymous callers are told so, which is covered by a few.
    const viewer = document.query.startsWith('mutation') && !chance(c, 0.1) ? viewers[1 + (index % 3)]! : viewers[index % viewers.length]!;
    const variables = Object.fromEntries(document.variables.map(([name, type, argument]) => [name, inputValue(c, type, argument)]));
    return { index, viewer, operation: { query: document.query, variables } };
  });
  const failures: Failure[] = [];
  const codes = new Map<string, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < work.length) {
        const { index, viewer, operation } = work[next++]!;
        const { status, text } = await send(operation, viewer.token);
        let errors: { extensions?: { code?: string } }[] = [];
        try {
          errors = (JSON.parse(text) as { errors?: typeof errors }).errors ?? [];
        } catch {
          errors = [{ extensions: { code: `unparseable answer (${status})` } }];
        }
        for (const e of errors) codes.set(String(e.extensions?.code), (codes.get(String(e.extensions?.code)) ?? 0) + 1);
        if (status >= 500 || errors.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR' || String(e.extensions?.code).startsWith('unparseable'))) {
          failures.push({ index, role: viewer.role, status, query: operation.query, variables: JSON.stringify(operation.variables).slice(0, 600), errors: text.slice(0, 400) });
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(`fuzz: ${RUNS} + ${DEEP_RUNS} operations in ${seconds.toFixed(1)} s (seed ${SEED}); error codes: ${JSON.stringify(Object.fromEntries(codes))}`);
  expect(failures.slice(0, 5), `seed ${SEED}: ${failures.length} operation(s) failed (FUZZ_SEED=${SEED} to repeat)`).toEqual([]);
  // Still alive and answering.
  expect((await fetch(app.url.replace('/graphql', '/healthz'))).status).toBe(200);
  expect(JSON.parse((await send({ query: '{ departments { code } }', variables: {} }, undefined)).text).errors).toBeUndefined();
}, 170_000);
