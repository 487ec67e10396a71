import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Role } from '../../src/kernel/viewer.js';
import { tokenCreateCommand, tokenListCommand, tokenRevokeCommand, type TokenCreateOptions } from '../../src/cli/token.js';
import { ConfigError } from '../../src/config.js';
import { loadReferenceData } from '../../src/seeders/reference-data.js';
import { startTestApp, testLogger, type GraphQLResponse, type TestApp } from '../helpers/database.js';

/**
 * Token management, walked by every role: createApiToken, revokeApiToken and
 * apiTokens in the graph, and `gongkai token create|list|revoke` for the
 * operator. After every refusal the token and audit tables are unchanged.
 */
let app: TestApp;
const tokens: Partial<Record<Caller, string>> = {};
let adminTokenId: number;

type Caller = 'PUBLIC' | 'PUBLISHER' | 'OTHER_PUBLISHER' | 'SUPERVISOR' | 'ADMIN';
const REFUSED: [Caller, string][] = [
  ['PUBLIC', 'UNAUTHENTICATED'],
  ['PUBLISHER', 'FORBIDDEN'],
  ['OTHER_PUBLISHER', 'FORBIDDEN'],
  ['SUPERVISOR', 'FORBIDDEN'],
];

const hashOf = `encode(sha256(convert_to(?, 'UTF8')), 'hex')`;

beforeAll(async () => {
  app = await startTestApp({ demo: false });
  await loadReferenceData(app.database.orm.em.fork());
  tokens.PUBLISHER = await app.tokenFor(Role.PUBLISHER, 'QH-FINANCE');
  tokens.OTHER_PUBLISHER = await app.tokenFor(Role.PUBLISHER, 'GOV-630100');
  tokens.SUPERVISOR = await app.tokenFor(Role.SUPERVISOR);
  tokens.ADMIN = await app.tokenFor(Role.ADMIN);
  adminTokenId = (await app.query<{ id: number }>(`select id from api_token where secret_hash = ${hashOf}`, [tokens.ADMIN]))[0]!.id;
}, 60_000);

afterAll(async () => {
  await app?.close();
});

/** Row count and checksum of the tables a token write touches, by plain SQL. */
async function snapshot() {
  return app.query(
    `select (select count(*)::int from api_token) as tokens,
            (select md5(coalesce(string_agg(row_to_json(t)::text, ',' order by id), '')) from api_token t) as token_sum,
            (select count(*)::int from audit_entry) as audits,
            (select md5(coalesce(string_agg(row_to_json(a)::text, ',' order by id), '')) from audit_entry a) as audit_sum`,
  );
}

const gql = (caller: Caller, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse> =>
  app.graphql(query, variables, { token: tokens[caller] });

const CREATE = `mutation ($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { token { id name role department { code } createdAt expiresAt revokedAt } secret }
}`;
const REVOKE = `mutation ($id: Int!) { revokeApiToken(id: $id) { id name revokedAt } }`;
const LIST = `{ apiTokens { id name role department { code } createdAt expiresAt revokedAt } }`;

async function expectRefused(caller: Caller, code: string, query: string, variables?: Record<string, unknown>) {
  const before = await snapshot();
  const { status, body } = await gql(caller, query, variables);
  expect(status).toBe(200);
  expect(body.errors?.[0]?.extensions?.code, `${caller}: ${JSON.stringify(body.errors)}`).toBe(code);
  expect(body.data ?? null).toBeNull();
  expect(await snapshot()).toEqual(before);
  return body.errors![0]!;
}

describe('createApiToken', () => {
  const input = { name: '财政厅信息公开系统', role: 'PUBLISHER', departmentCode: 'QH-FINANCE' };

  it.each(REFUSED)('is refused to %s (%s), and nothing is written', async (caller, code) => {
    await expectRefused(caller, code, CREATE, { input });
  });

  it('issues a working token to ADMIN, shown once, stored hashed and audited', async () => {
    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const { body } = await gql('ADMIN', CREATE, { input: { ...input, expiresAt } });
    expect(body.errors).toBeUndefined();
    const created = body.data!.createApiToken as { token: { id: number; name: string; role: string; department: { code: string }; expiresAt: string; revokedAt: null }; secret: string };
    expect(created.secret).toMatch(/^gk_[\w-]{43}$/);
    expect(created.token).toMatchObject({ name: input.name, role: 'PUBLISHER', department: { code: 'QH-FINANCE' }, expiresAt, revokedAt: null });
    const [row] = await app.query(`select name, role::text, department_code, expires_at from api_token where id = ? and secret_hash = ${hashOf}`, [created.token.id, created.secret]);
    expect(row).toMatchObject({ name: input.name, role: 'PUBLISHER', department_code: 'QH-FINANCE' });
    // The new secret authenticates, as its department: it may read its own compliance report and no other.
    const own = await app.graphql(`{ complianceReport(scope: { departmentCode: "QH-FINANCE" }, period: { year: 2025 }) { totals { formed } } }`, {}, { token: created.secret });
    expect(own.body.errors).toBeUndefined();
    const audit = await app.query(`select token_id, role::text as role, department_code, action, entity, entity_key, before, after from audit_entry where action = 'createToken' and entity_key = ?`, [String(created.token.id)]);
    expect(audit).toEqual([
      {
        token_id: adminTokenId,
        role: 'ADMIN',
        department_code: null,
        action: 'createToken',
        entity: 'ApiToken',
        entity_key: String(created.token.id),
        before: null,
        after: { id: created.token.id, name: input.name, role: 'PUBLISHER', departmentCode: 'QH-FINANCE', expiresAt, revokedAt: null },
      },
    ]);
    const everywhere = await app.query(`select 1 from audit_entry a where a::text like '%' || ? || '%'`, [created.secret.slice(3)]);
    expect(everywhere).toEqual([]);
  });

  it.each([
    [{ ...input, role: 'PUBLIC' }, 'input.role', /absence of a token/],
    [{ ...input, departmentCode: null }, 'input.departmentCode', /required for a PUBLISHER/],
    [{ ...input, role: 'SUPERVISOR' }, 'input.departmentCode', /only for a PUBLISHER/],
    [{ ...input, departmentCode: 'QH-NOWHERE' }, 'input.departmentCode', /names no department/],
    [{ ...input, name: '   ' }, 'input.name', /1 to 200 characters/],
    [{ ...input, name: '名'.repeat(201) }, 'input.name', /1 to 200 characters/],
    [{ ...input, expiresAt: '2020-01-01T00:00:00Z' }, 'input.expiresAt', /in the future/],
  ])('refuses bad input from ADMIN (%j) naming the field, and writes nothing', async (bad, field, reason) => {
    const error = await expectRefused('ADMIN', 'BAD_USER_INPUT', CREATE, { input: bad });
    expect(error.extensions!.field).toBe(field);
    expect(error.message).toMatch(reason);
  });
});

describe('revokeApiToken', () => {
  let victim: { id: number; secret: string };

  beforeAll(async () => {
    const { body } = await gql('ADMIN', CREATE, { input: { name: 'to revoke', role: 'SUPERVISOR' } });
    const created = body.data!.createApiToken as { token: { id: number }; secret: string };
    victim = { id: created.token.id, secret: created.secret };
  });

  it.each(REFUSED)('is refused to %s (%s), and nothing is written', async (caller, code) => {
    await expectRefused(caller, code, REVOKE, { id: victim.id });
    expect((await app.graphql('{ __typename }', {}, { token: victim.secret })).status).toBe(200);
  });

  it('revokes for ADMIN: the token is refused from then on, the row stays, and the change is audited', async () => {
    const { body } = await gql('ADMIN', REVOKE, { id: victim.id });
    expect(body.errors).toBeUndefined();
    expect((body.data!.revokeApiToken as { revokedAt: string | null }).revokedAt).toBeTruthy();
    const after = await app.graphql('{ __typename }', {}, { token: victim.secret });
    expect(after.status).toBe(401);
    expect(after.body.errors![0]!.message).toMatch(/revoked/);
    const [audit] = await app.query<{ token_id: number; before: { revokedAt: null }; after: { revokedAt: string } }>(
      `select token_id, before, after from audit_entry where action = 'revokeToken' and entity_key = ?`,
      [String(victim.id)],
    );
    expect(audit!.token_id).toBe(adminTokenId);
    expect(audit!.before.revokedAt).toBeNull();
    expect(audit!.after.revokedAt).toBeTruthy();
  });

  it('refuses a second revocation and an unknown id, writing nothing', async () => {
    const again = await expectRefused('ADMIN', 'BAD_USER_INPUT', REVOKE, { id: victim.id });
    expect(again.message).toMatch(/already revoked/);
    await expectRefused('ADMIN', 'NOT_FOUND', REVOKE, { id: 999_999 });
  });
});

describe('apiTokens', () => {
  it.each(REFUSED)('is refused to %s (%s)', async (caller, code) => {
    await expectRefused(caller, code, LIST);
  });

  it('lists every token for ADMIN, never a secret or its hash', async () => {
    const { body } = await gql('ADMIN', LIST);
    expect(body.errors).toBeUndefined();
    const listed = body.data!.apiTokens as { id: number; role: string; department: { code: string } | null }[];
    const rows = await app.query<{ id: number; role: string; department_code: string | null; secret_hash: string }>(
      `select id, role::text as role, department_code, secret_hash from api_token order by id`,
    );
    expect(listed.map((t) => [t.id, t.role, t.department?.code ?? null])).toEqual(rows.map((r) => [r.id, r.role, r.department_code]));
    const text = JSON.stringify(body);
    for (const secret of Object.values(tokens)) expect(text).not.toContain(secret!.slice(3));
    for (const r of rows) expect(text).not.toContain(r.secret_hash);
  });
});

// The commands open the database themselves, as the CLI does: an in-memory embedded
// database cannot be opened a second time, so they run where DATABASE_URL names a server
// (CI always has one). The same token logic runs in-process through the mutations above.
describe.skipIf(!process.env.DATABASE_URL)('gongkai token (the operator, audited as ADMIN with no token)', () => {
  const run = async (command: () => Promise<void>) => {
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    try {
      await command();
    } finally {
      log.mockRestore();
    }
    return lines;
  };
  const ctx = () => ({ config: app.config, logger: testLogger });
  const create = (opts: TokenCreateOptions) => run(() => tokenCreateCommand(ctx(), opts));

  it('creates a token and prints its secret once, with a warning to store it', async () => {
    const lines = await create({ role: 'publisher', department: 'QH-FINANCE', name: '命令行', expires: '2099-12-31' });
    expect(lines[0]).toMatch(/^created token \d+ "命令行" PUBLISHER QH-FINANCE, expires 2100-01-01 00:00 China time$/);
    const secret = lines[1]!;
    expect(secret).toMatch(/^gk_[\w-]{43}$/);
    expect(lines[2]).toMatch(/shown only this once/);
    const [row] = await app.query<{ id: number; expires: string }>(
      `select id, to_char(expires_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as expires from api_token where secret_hash = ${hashOf}`,
      [secret],
    );
    expect(row!.expires).toBe('2100-01-01 00:00');
    const audit = await app.query(`select token_id, role::text as role, action from audit_entry where entity_key = ? and entity = 'ApiToken'`, [String(row!.id)]);
    expect(audit).toEqual([{ token_id: null, role: 'ADMIN', action: 'createToken' }]);
    const days = await create({ role: 'SUPERVISOR', name: '督查', days: '7' });
    expect(days[0]).toMatch(/SUPERVISOR, expires \d{4}-\d{2}-\d{2} \d{2}:\d{2} China time/);
  });

  it.each<[TokenCreateOptions, RegExp]>([
    [{ role: 'PUBLIC', name: 'x' }, /--role must be PUBLISHER, SUPERVISOR or ADMIN/],
    [{ role: 'ROOT', name: 'x' }, /--role must be/],
    [{ role: 'PUBLISHER', name: 'x' }, /--department is required for a PUBLISHER token/],
    [{ role: 'ADMIN', name: 'x', department: 'QH-FINANCE' }, /--department is only for a PUBLISHER token/],
    [{ role: 'PUBLISHER', name: 'x', department: 'QH-NOWHERE' }, /--department names no department: QH-NOWHERE/],
    [{ role: 'ADMIN', name: ' ' }, /--name must be 1 to 200 characters/],
    [{ role: 'ADMIN', name: 'x', expires: '2030-02-30' }, /--expires must be a date YYYY-MM-DD/],
    [{ role: 'ADMIN', name: 'x', expires: '2020-01-01' }, /already past/],
    [{ role: 'ADMIN', name: 'x', days: '0' }, /--days must be a whole number/],
    [{ role: 'ADMIN', name: 'x', days: '7', expires: '2030-01-01' }, /not both/],
  ])('refuses %j with a one-line reason and writes nothing', async (opts, reason) => {
    const before = await snapshot();
    const failure = await create(opts).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as Error).message).toMatch(reason);
    expect((failure as Error).message).not.toContain('\n');
    expect(await snapshot()).toEqual(before);
  });

  it('lists tokens without secrets, and revokes one by id', async () => {
    const created = await create({ role: 'ADMIN', name: '待吊销' });
    const id = Number(/token (\d+)/.exec(created[0]!)![1]);
    const lines = await run(() => tokenListCommand(ctx()));
    expect(lines[0]).toBe('id\tname\trole\tdepartment\tcreated\texpires\trevoked');
    const rows = await app.query<{ id: number }>(`select id from api_token order by id`);
    expect(lines.slice(1, -1).map((l) => Number(l.split('\t')[0]))).toEqual(rows.map((r) => r.id));
    expect(lines.join('\n')).not.toContain(created[1]!.slice(3));
    expect(lines.find((l) => l.startsWith(`${id}\t`))).toMatch(/^\d+\t待吊销\tADMIN\t-\t\d{4}-\d{2}-\d{2} \d{2}:\d{2}\t-\t-$/);

    const revoked = await run(() => tokenRevokeCommand(ctx(), String(id)));
    expect(revoked[0]).toMatch(new RegExp(`^revoked token ${id} "待吊销" ADMIN`));
    expect((await app.graphql('{ __typename }', {}, { token: created[1] })).status).toBe(401);
    const audit = await app.query(`select token_id, role::text as role from audit_entry where action = 'revokeToken' and entity_key = ?`, [String(id)]);
    expect(audit).toEqual([{ token_id: null, role: 'ADMIN' }]);

    for (const [arg, reason] of [
      [String(id), /already revoked/],
      ['999999', /no API token has id 999999/],
      ['abc', /must be a whole number/],
    ] as const) {
      const before = await snapshot();
      await expect(run(() => tokenRevokeCommand(ctx(), arg))).rejects.toThrow(reason);
      expect(await snapshot()).toEqual(before);
    }
  });
});
