import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role, type Viewer } from '../../src/kernel/viewer.js';
import { appendAudit } from '../../src/resolvers/audit/audit-log.js';
import { startTestApp, type TestApp } from '../helpers/database.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ demo: false });
}, 60_000);

afterAll(async () => {
  await app?.close();
});

const probe = '{ departments { code } }';

describe('API tokens (Authorization: Bearer)', () => {
  it('answers without a token, as PUBLIC', async () => {
    const { status, body } = await app.graphql(probe);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it('accepts a live token', async () => {
    const token = await app.tokenFor(Role.SUPERVISOR);
    expect(token).toMatch(/^gk_[\w-]{43}$/);
    const { status, body } = await app.graphql(probe, {}, { token });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it('stores only a hash of the secret', async () => {
    const token = await app.tokenFor(Role.ADMIN);
    const rows = await app.query<{ n: number }>(
      `select count(*)::int as n from api_token where secret_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')`,
      [token],
    );
    expect(rows[0]!.n).toBe(1);
    const leaked = await app.query(`select 1 from api_token t where row_to_json(t)::text like '%' || ? || '%'`, [token.slice(3)]);
    expect(leaked).toEqual([]);
  });

  it('refuses a malformed header, an unknown, a revoked and an expired token with 401 UNAUTHENTICATED, never as PUBLIC', async () => {
    const revoked = await app.tokenFor(Role.SUPERVISOR);
    await app.query(`update api_token set revoked_at = now() where secret_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')`, [revoked]);
    const expired = await app.tokenFor(Role.SUPERVISOR);
    await app.query(`update api_token set expires_at = now() - interval '1 second' where secret_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')`, [expired]);
    const cases: [Record<string, string>, RegExp][] = [
      [{ authorization: 'Basic abc' }, /must be "Bearer <token>"/],
      [{ authorization: 'Bearer gk_nothing' }, /unknown token/],
      [{ authorization: `Bearer ${revoked}` }, /revoked/],
      [{ authorization: `Bearer ${expired}` }, /expired/],
    ];
    for (const [headers, reason] of cases) {
      const res = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: probe }) });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      const body = (await res.json()) as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
      expect(body.data).toBeUndefined();
      expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
      expect(body.errors[0]!.message).toMatch(reason);
    }
  });
});

describe('the audit trail', () => {
  it('appends in the caller transaction, and the database refuses to change or remove an entry', async () => {
    const viewer: Viewer = { role: Role.PUBLISHER, tokenId: 7, departmentCode: 'QH-FINANCE' };
    const em = app.database.orm.em.fork();
    await em.transactional((tx) =>
      appendAudit(tx, viewer, 'req-1', [{ action: 'test', entity: 'Thing', entityKey: '1', before: null, after: { a: 1 } }]),
    );
    // A rolled-back write leaves no audit row either.
    await expect(
      em.transactional(async (tx) => {
        await appendAudit(tx, viewer, 'req-2', [{ action: 'test', entity: 'Thing', entityKey: '2', before: null, after: { a: 2 } }]);
        throw new Error('write failed');
      }),
    ).rejects.toThrow('write failed');
    const rows = await app.query(`select token_id, role, department_code, request_id, action, entity, entity_key, before, after from audit_entry order by id`);
    expect(rows).toEqual([
      { token_id: 7, role: 'PUBLISHER', department_code: 'QH-FINANCE', request_id: 'req-1', action: 'test', entity: 'Thing', entity_key: '1', before: null, after: { a: 1 } },
    ]);
    await expect(app.query(`update audit_entry set action = 'forged'`)).rejects.toThrow(/append-only \(UPDATE refused\)/);
    await expect(app.query(`delete from audit_entry`)).rejects.toThrow(/append-only \(DELETE refused\)/);
    await expect(app.query(`truncate audit_entry`)).rejects.toThrow(/append-only \(TRUNCATE refused\)/);
    expect((await app.query(`select count(*)::int as n from audit_entry`))[0]).toEqual({ n: 1 });
  });
});
