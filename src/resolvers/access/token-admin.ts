import type { EntityManager } from '@mikro-orm/postgresql';
import { writeAudited } from '../audit/audited-write.js';
import { departmentExists } from '../core/department.repository.js';
import { BadUserInputError, NotFoundError } from '../../kernel/errors.js';
import { lockToken, markTokenRevoked, tokenRow, tokenRows } from './api-token.repository.js';
import { requireRole } from './policy.js';
import { createToken } from './tokens.js';
import { Role, type Viewer } from '../../kernel/viewer.js';

/**
 * Issuing, listing and revoking API tokens: what `gongkai token …` and the
 * ADMIN mutations share. Every write is checked first (a refusal writes
 * nothing) and audited in its transaction; a secret is returned once and is
 * in no list, log or audit entry.
 */
export interface TokenInfo {
  id: number;
  name: string;
  role: Role;
  departmentCode: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export interface TokenRequest {
  name: string;
  role: Role;
  departmentCode?: string | null;
  expiresAt?: Date | null;
}

/** The operator at the terminal: audited as ADMIN, with no token. */
export const OPERATOR: Viewer = Object.freeze({ role: Role.ADMIN, tokenId: null, departmentCode: null });

/** Timestamps come back from raw SQL as text; the graph and the CLI want Dates. */
function toInfo(row: Record<string, unknown>): TokenInfo {
  const at = (v: unknown) => (v == null ? null : v instanceof Date ? v : new Date(String(v)));
  return {
    id: Number(row.id),
    name: String(row.name),
    role: row.role as Role,
    departmentCode: (row.departmentCode as string | null) ?? null,
    createdAt: at(row.createdAt)!,
    expiresAt: at(row.expiresAt),
    revokedAt: at(row.revokedAt),
  };
}

function auditValue(t: TokenInfo) {
  return {
    id: t.id,
    name: t.name,
    role: t.role,
    departmentCode: t.departmentCode,
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

/** How a field is named to the caller: `input.departmentCode` in the graph, `--department` on the command line. */
export type FieldLabel = (field: keyof TokenRequest) => string;

const graphqlLabel: FieldLabel = (field) => `input.${field}`;

/** Refuses a request that cannot make a sound token, naming the field, before anything is written. */
async function checkRequest(em: EntityManager, input: TokenRequest, label: FieldLabel): Promise<void> {
  const bad = (field: keyof TokenRequest, reason: string) => new BadUserInputError(`${label(field)} ${reason}`, label(field));
  const name = input.name?.trim() ?? '';
  if (name.length === 0 || name.length > 200) throw bad('name', 'must be 1 to 200 characters');
  if (!Object.values(Role).includes(input.role)) throw bad('role', `must be PUBLISHER, SUPERVISOR or ADMIN, got "${String(input.role)}"`);
  if (input.role === Role.PUBLIC) throw bad('role', 'PUBLIC is the absence of a token; it cannot be issued');
  if (input.role === Role.PUBLISHER && !input.departmentCode) {
    throw bad('departmentCode', 'is required for a PUBLISHER token (the department it publishes for)');
  }
  if (input.role !== Role.PUBLISHER && input.departmentCode) {
    throw bad('departmentCode', `is only for a PUBLISHER token; a ${input.role} token has no department`);
  }
  if (input.departmentCode && !(await departmentExists(em, input.departmentCode))) {
    throw bad('departmentCode', `names no department: ${input.departmentCode}`);
  }
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) throw bad('expiresAt', 'must be in the future');
}

export async function issueToken(
  em: EntityManager,
  viewer: Viewer,
  requestId: string | null,
  input: TokenRequest,
  label: FieldLabel = graphqlLabel,
): Promise<{ token: TokenInfo; secret: string }> {
  requireRole(viewer, Role.ADMIN);
  await checkRequest(em, input, label);
  return writeAudited({ em, viewer, requestId }, async (tx) => {
    const { id, secret } = await createToken(tx, { ...input, name: input.name.trim() });
    const token = (await findToken(tx, id))!;
    return { result: { token, secret }, audit: [{ action: 'createToken', entity: 'ApiToken', entityKey: String(id), before: null, after: auditValue(token) }] };
  });
}

export async function revokeToken(em: EntityManager, viewer: Viewer, requestId: string | null, id: number): Promise<TokenInfo> {
  requireRole(viewer, Role.ADMIN);
  return writeAudited({ em, viewer, requestId }, async (tx) => {
    const row = await lockToken(tx, id);
    if (!row) throw new NotFoundError(`no API token has id ${id}`);
    const locked = toInfo(row);
    if (locked.revokedAt) throw new BadUserInputError(`API token ${id} was already revoked on ${locked.revokedAt.toISOString()}`, 'id');
    const after = toInfo((await markTokenRevoked(tx, id))!);
    return {
      result: after,
      audit: [{ action: 'revokeToken', entity: 'ApiToken', entityKey: String(id), before: auditValue(locked), after: auditValue(after) }],
    };
  });
}

export async function listTokens(em: EntityManager): Promise<TokenInfo[]> {
  return (await tokenRows(em)).map(toInfo);
}

async function findToken(em: EntityManager, id: number): Promise<TokenInfo | undefined> {
  const row = await tokenRow(em, id);
  return row && toInfo(row);
}
