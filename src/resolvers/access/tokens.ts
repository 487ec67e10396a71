import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import type { TokenCache } from './token-cache.js';
import { Role, type Viewer } from '../../kernel/viewer.js';
import { run, runOne } from '../../kernel/sql/run.js';
import { sql } from '../../kernel/sql/sql.js';

/** Secrets look like `gk_<43 base64url chars>`: recognisable in a leaked log, 256 random bits. */
const PREFIX = 'gk_';

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export interface NewToken {
  name: string;
  role: Role;
  departmentCode?: string | null;
  expiresAt?: Date | null;
}

export interface CreatedToken {
  id: number;
  /** Shown once; never stored. */
  secret: string;
}

/** Creates a token; the caller checks who may (ADMIN) and audits it. A PUBLISHER must name an existing department. */
export async function createToken(em: EntityManager, token: NewToken): Promise<CreatedToken> {
  if (token.role === Role.PUBLIC) throw new Error('PUBLIC is the absence of a token; it cannot be issued');
  if ((token.role === Role.PUBLISHER) !== Boolean(token.departmentCode)) {
    throw new Error(token.role === Role.PUBLISHER ? 'a PUBLISHER token needs a department' : `a ${token.role} token has no department`);
  }
  if (token.departmentCode) {
    const found = await runOne(em, sql`select 1 from department where code = ${token.departmentCode}`, 'per-values');
    if (!found) throw new Error(`no department has code ${token.departmentCode}`);
  }
  const secret = PREFIX + randomBytes(32).toString('base64url');
  const [row] = await run<{ id: number }>(
    em,
    sql`insert into api_token (name, role, department_code, secret_hash, expires_at) values (${token.name}, ${token.role}, ${token.departmentCode ?? null}, ${hashSecret(secret)}, ${token.expiresAt ?? null}) returning id`,
    'per-values',
  );
  return { id: row!.id, secret };
}

export class UnauthenticatedTokenError extends GraphQLError {
  constructor(reason: string) {
    super(`the API token is not accepted: ${reason}`, { extensions: { code: 'UNAUTHENTICATED' } });
  }
}

/**
 * The viewer an Authorization header names. No header: PUBLIC. A header that
 * names no live token is refused, never silently downgraded to PUBLIC (a
 * publisher with an expired token must find out, not see a public view).
 * With a cache (the server's), a token seen live since the last token change
 * is not looked up again.
 */
export async function authenticate(em: EntityManager, authorization: string | undefined, cache?: TokenCache): Promise<Viewer> {
  if (authorization === undefined || authorization === '') return { role: Role.PUBLIC, tokenId: null, departmentCode: null };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) throw new UnauthenticatedTokenError('the Authorization header must be "Bearer <token>"');
  const secretHash = hashSecret(match[1]!);
  const known = cache?.get(secretHash);
  if (known) {
    if (known.expiresAt !== null && known.expiresAt <= Date.now()) throw new UnauthenticatedTokenError('the token has expired');
    return known.viewer;
  }
  const generation = cache?.generation ?? 0;
  // A department's token lives no longer than the department: one deleted refuses its tokens here, before any
  // write could reach a foreign key (its deletion is announced like a token change, so no server remembers them).
  const row = await runOne<{
    id: number;
    role: Role;
    department_code: string | null;
    expired: boolean | null;
    revoked: boolean;
    expires_ms: number | null;
    department_gone: boolean;
  }>(
    em,
    sql`select t.id, t.role, t.department_code, t.expires_at <= now() as expired, t.revoked_at is not null as revoked,
            (extract(epoch from t.expires_at) * 1000)::float8 as expires_ms,
            t.department_code is not null and not exists (select 1 from department d where d.code = t.department_code) as department_gone
       from api_token t where t.secret_hash = ${secretHash}`,
    'per-values',
  );
  if (!row) throw new UnauthenticatedTokenError('unknown token');
  if (row.revoked) throw new UnauthenticatedTokenError('the token was revoked');
  if (row.expired) throw new UnauthenticatedTokenError('the token has expired');
  if (row.department_gone) throw new UnauthenticatedTokenError(`the token's department ${row.department_code} no longer exists`);
  const viewer: Viewer = { role: row.role, tokenId: row.id, departmentCode: row.department_code };
  cache?.remember(secretHash, { viewer, expiresAt: row.expires_ms }, generation);
  return viewer;
}
