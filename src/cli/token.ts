import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { issueToken, listTokens, OPERATOR, revokeToken, type FieldLabel, type TokenInfo } from '../resolvers/access/token-admin.js';
import { Role } from '../kernel/viewer.js';
import { ConfigError } from '../config.js';
import { openDatabase } from '../db/database.js';
import { pendingMigrations } from '../db/migrate.js';
import type { CommandContext } from './run.js';

/** `gongkai token …`: the operator at the terminal issues, lists and revokes API tokens, audited as ADMIN with no token. */
export interface TokenCreateOptions {
  role?: string;
  department?: string;
  name?: string;
  expires?: string;
  days?: string;
}

const OPTION: Record<string, string> = { name: '--name', role: '--role', departmentCode: '--department', expiresAt: '--expires' };
const cliLabel: FieldLabel = (field) => OPTION[field] ?? field;

/** The end of a token's last day: `--expires 2027-06-30` is valid through that day, China time. */
function expiryOf(opts: TokenCreateOptions, now = new Date()): Date | null {
  if (opts.expires !== undefined && opts.days !== undefined) throw new ConfigError('give --expires or --days, not both');
  if (opts.expires !== undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(opts.expires);
    const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
    if (!day || day.toISOString().slice(0, 10) !== opts.expires) throw new ConfigError(`--expires must be a date YYYY-MM-DD, got "${opts.expires}"`);
    // Midnight China time (UTC+8, no daylight saving) after the day named.
    const end = new Date(day.getTime() + 24 * 3600_000 - 8 * 3600_000);
    if (end.getTime() <= now.getTime()) throw new ConfigError(`--expires ${opts.expires} is already past`);
    return end;
  }
  if (opts.days !== undefined) {
    if (!/^\d+$/.test(opts.days) || Number(opts.days) < 1 || Number(opts.days) > 3650) {
      throw new ConfigError(`--days must be a whole number of days from 1 to 3650, got "${opts.days}"`);
    }
    return new Date(now.getTime() + Number(opts.days) * 24 * 3600_000);
  }
  return null;
}

function parseRole(role: string | undefined): Role {
  const upper = role?.toUpperCase();
  if (upper === Role.PUBLISHER || upper === Role.SUPERVISOR || upper === Role.ADMIN) return upper;
  throw new ConfigError(`--role must be PUBLISHER, SUPERVISOR or ADMIN, got "${role ?? ''}"`);
}

/** A refusal from the shared checks, as the one-line reason the CLI prints. */
function asCliError(err: unknown): unknown {
  return err instanceof GraphQLError ? new ConfigError(err.message) : err;
}

async function withDatabase<T>({ config, logger }: CommandContext, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const db = await openDatabase(config, logger);
  try {
    const pending = await pendingMigrations(db.orm);
    if (pending.length) throw new ConfigError(`${pending.length} migration(s) pending: run \`gongkai migrate\` first`);
    return await work(db.orm.em.fork());
  } catch (err) {
    throw asCliError(err);
  } finally {
    await db.close();
  }
}

const chinaTime = (d: Date | null) =>
  d ? new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '-';

function describe(t: TokenInfo): string {
  return `token ${t.id} "${t.name}" ${t.role}${t.departmentCode ? ` ${t.departmentCode}` : ''}, expires ${t.expiresAt ? `${chinaTime(t.expiresAt)} China time` : 'never'}`;
}

export async function tokenCreateCommand(ctx: CommandContext, opts: TokenCreateOptions): Promise<void> {
  const role = parseRole(opts.role);
  const expiresAt = expiryOf(opts);
  const { token, secret } = await withDatabase(ctx, (em) =>
    issueToken(em, OPERATOR, null, { name: opts.name ?? '', role, departmentCode: opts.department ?? null, expiresAt }, cliLabel),
  );
  console.log(`created ${describe(token)}`);
  console.log(secret);
  console.log('Store this secret now: it is shown only this once (only its hash is kept). Send it as "Authorization: Bearer <secret>".');
}

export async function tokenListCommand(ctx: CommandContext): Promise<void> {
  const tokens = await withDatabase(ctx, (em) => listTokens(em));
  if (tokens.length === 0) {
    console.log('no API tokens: create one with `gongkai token create`');
    return;
  }
  console.log(['id', 'name', 'role', 'department', 'created', 'expires', 'revoked'].join('\t'));
  for (const t of tokens) {
    console.log([t.id, t.name, t.role, t.departmentCode ?? '-', chinaTime(t.createdAt), chinaTime(t.expiresAt), chinaTime(t.revokedAt)].join('\t'));
  }
  console.log('(times are China time)');
}

export async function tokenRevokeCommand(ctx: CommandContext, id: string): Promise<void> {
  if (!/^\d+$/.test(id) || Number(id) > 2147483647) throw new ConfigError(`the token id must be a whole number (gongkai token list), got "${id}"`);
  const token = await withDatabase(ctx, (em) => revokeToken(em, OPERATOR, null, Number(id)));
  console.log(`revoked ${describe(token)}`);
}
