import path from 'node:path';
import { DEFAULT_LIMITS, LIMIT_NAMES, LIMIT_ROLES, type LimitName, type LimitRole, type Limits, type LimitsByRole } from './server/limits/limits.js';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './server/rate-limit.js';

/** Settings read from the environment once, at start; every bad value is refused with a one-line reason. */
export interface Config {
  /** PostgreSQL URL; undefined selects the embedded database (PGlite) under dataDir. */
  databaseUrl: string | undefined;
  host: string;
  port: number;
  dataDir: string;
  logLevel: LogLevel;
  /** Origins whose browser pages may read the answers (CORS): '*' any, else these (none when empty). */
  corsOrigins: CorsOrigins;
  /** How long a pooled database connection may sit unused before it is closed. */
  poolIdleMs: number;
  /** The server's statement_timeout outside GraphQL operations (whose statements get their role's statementMs). */
  statementTimeoutMs: number;
  /** How long a request waits for a pooled connection before it gets 503. */
  poolWaitMs: number;
  /** What one request may ask, per role (GONGKAI_LIMITS over the defaults); absent: the defaults. */
  operationLimits?: LimitsByRole;
  /** Whether clients may ask for the schema (`__schema`, `__type`); absent: yes. */
  introspection?: boolean;
  /** Requests per client and window (GONGKAI_RATE_LIMIT); absent: the defaults; null: no rate limit. */
  rateLimits?: RateLimits | null;
  /** Whether the last X-Forwarded-For entry names the client (GONGKAI_TRUST_PROXY); absent: no. */
  trustProxy?: boolean;
  /** Whether GET /metrics answers (GONGKAI_METRICS); absent: yes. */
  metrics?: boolean;
  /** The manifest of the only operations anonymous clients may run (GONGKAI_TRUSTED_DOCUMENTS); absent: any operation. */
  trustedDocuments?: string;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A configuration problem the user can fix; printed as one line, never with a stack. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: parseDatabaseUrl(env.DATABASE_URL),
    host: env.HOST?.trim() || '127.0.0.1',
    port: parsePort(env.PORT),
    dataDir: parseDataDir(env.GONGKAI_DATA_DIR),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    corsOrigins: parseCorsOrigins(env.GONGKAI_CORS_ORIGINS),
    poolIdleMs: parsePoolIdle(env.GONGKAI_POOL_IDLE_MS),
    statementTimeoutMs: parseMilliseconds('GONGKAI_STATEMENT_TIMEOUT_MS', env.GONGKAI_STATEMENT_TIMEOUT_MS, 5_000, 100, 3_600_000),
    poolWaitMs: parseMilliseconds('GONGKAI_POOL_WAIT_MS', env.GONGKAI_POOL_WAIT_MS, 5_000, 100, 600_000),
    operationLimits: parseLimits(env.GONGKAI_LIMITS),
    introspection: parseOnOff('GONGKAI_INTROSPECTION', env.GONGKAI_INTROSPECTION, true),
    rateLimits: parseRateLimits(env.GONGKAI_RATE_LIMIT),
    trustProxy: parseOnOff('GONGKAI_TRUST_PROXY', env.GONGKAI_TRUST_PROXY, false),
    metrics: parseOnOff('GONGKAI_METRICS', env.GONGKAI_METRICS, true),
    // A path; the file is read and every document checked against the schema at start (server/trusted-documents.ts).
    trustedDocuments: env.GONGKAI_TRUSTED_DOCUMENTS?.trim() ? path.resolve(env.GONGKAI_TRUSTED_DOCUMENTS.trim()) : undefined,
  };
}

function parseDatabaseUrl(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`DATABASE_URL is not a URL (expected postgres://user@host:5432/database)`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, got ${url.protocol}//`);
  }
  if (!url.hostname) throw new ConfigError('DATABASE_URL has no host');
  if (url.pathname.length <= 1) throw new ConfigError('DATABASE_URL names no database (add /dbname)');
  return value;
}

function parseDataDir(raw: string | undefined): string {
  const value = raw?.trim() || '.gongkai';
  // memory:// keeps the embedded database in memory: nothing survives a restart.
  return value === 'memory://' ? value : path.resolve(value);
}

function parsePort(raw: string | undefined): number {
  const value = raw?.trim();
  if (!value) return 4000;
  // 0 asks the system for a free port, which tests use.
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${value}"`);
  }
  return Number(value);
}

function parsePoolIdle(raw: string | undefined): number {
  return parseMilliseconds('GONGKAI_POOL_IDLE_MS', raw, 30_000, 100, 86_400_000);
}

function parseMilliseconds(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  const value = raw?.trim();
  if (!value) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new ConfigError(`${name} must be a whole number of milliseconds from ${min} to ${max}, got "${value}"`);
  }
  return Number(value);
}

function parseLogLevel(raw: string | undefined): LogLevel {
  const value = (raw?.trim() || 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(value)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  }
  return value as LogLevel;
}

/**
 * GONGKAI_LIMITS: JSON of roles and the limits to change, e.g.
 * {"PUBLIC":{"cost":5000},"SUPERVISOR":{"timeMs":120000}}; the rest keep their defaults.
 */
function parseLimits(raw: string | undefined): LimitsByRole {
  const value = raw?.trim();
  if (!value) return DEFAULT_LIMITS;
  let given: unknown;
  try {
    given = JSON.parse(value);
  } catch {
    throw new ConfigError(`GONGKAI_LIMITS is not JSON (expected e.g. {"PUBLIC":{"cost":5000}})`);
  }
  if (!isPlainObject(given)) throw new ConfigError('GONGKAI_LIMITS must be a JSON object of roles, e.g. {"PUBLIC":{"cost":5000}}');
  const limits: Record<string, Limits> = { ...DEFAULT_LIMITS };
  for (const [role, changes] of Object.entries(given)) {
    if (!(LIMIT_ROLES as readonly string[]).includes(role)) throw new ConfigError(`GONGKAI_LIMITS names no role "${role}" (roles: ${LIMIT_ROLES.join(', ')})`);
    if (!isPlainObject(changes)) throw new ConfigError(`GONGKAI_LIMITS.${role} must be an object of limits, e.g. {"cost":5000}`);
    const merged: Limits = { ...DEFAULT_LIMITS[role as LimitRole] };
    for (const [name, n] of Object.entries(changes)) {
      if (!(LIMIT_NAMES as readonly string[]).includes(name)) throw new ConfigError(`GONGKAI_LIMITS.${role} has no limit "${name}" (limits: ${LIMIT_NAMES.join(', ')})`);
      if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) {
        throw new ConfigError(`GONGKAI_LIMITS.${role}.${name} must be a whole number of at least 1, got ${JSON.stringify(n)}`);
      }
      merged[name as LimitName] = n;
    }
    limits[role] = merged;
  }
  return limits as LimitsByRole;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * GONGKAI_RATE_LIMIT: `off`, or JSON of requests per window to change, e.g.
 * {"PUBLIC":600,"PUBLISHER":3000,"windowSeconds":60,"maxClients":50000}; the rest keep their defaults.
 */
function parseRateLimits(raw: string | undefined): RateLimits | null {
  const value = raw?.trim();
  if (!value) return DEFAULT_RATE_LIMITS;
  if (value.toLowerCase() === 'off') return null;
  const example = 'e.g. {"PUBLIC":600,"windowSeconds":60}, or off';
  let given: unknown;
  try {
    given = JSON.parse(value);
  } catch {
    throw new ConfigError(`GONGKAI_RATE_LIMIT is neither off nor JSON (${example})`);
  }
  if (!isPlainObject(given)) throw new ConfigError(`GONGKAI_RATE_LIMIT must be a JSON object (${example})`);
  const perWindow: Record<string, number> = { ...DEFAULT_RATE_LIMITS.perWindow };
  const limits = { ...DEFAULT_RATE_LIMITS };
  for (const [key, n] of Object.entries(given)) {
    const isRole = (LIMIT_ROLES as readonly string[]).includes(key);
    if (!isRole && key !== 'windowSeconds' && key !== 'maxClients') {
      throw new ConfigError(`GONGKAI_RATE_LIMIT has no "${key}" (roles ${LIMIT_ROLES.join(', ')}, windowSeconds, maxClients)`);
    }
    const max = key === 'windowSeconds' ? 86_400 : 100_000_000;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1 || n > max) {
      throw new ConfigError(`GONGKAI_RATE_LIMIT.${key} must be a whole number from 1 to ${max}, got ${JSON.stringify(n)}`);
    }
    if (isRole) perWindow[key] = n;
    else limits[key as 'windowSeconds' | 'maxClients'] = n;
  }
  return { ...limits, perWindow: perWindow as RateLimits['perWindow'] };
}

function parseOnOff(name: string, raw: string | undefined, fallback: boolean): boolean {
  const value = raw?.trim().toLowerCase();
  if (!value) return fallback;
  if (value === 'on') return true;
  if (value === 'off') return false;
  throw new ConfigError(`${name} must be on or off, got "${raw}"`);
}

export type CorsOrigins = '*' | readonly string[];

// Unset means '*': the data is public, and access is by bearer token, which a browser never
// attaches on its own, so another site's page can read only what an anonymous client can.
function parseCorsOrigins(raw: string | undefined): CorsOrigins {
  const entries = (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0 || (entries.length === 1 && entries[0] === '*')) return '*';
  if (entries.length === 1 && entries[0]!.toLowerCase() === 'none') return [];
  return [...new Set(entries.map(parseOrigin))];
}

function parseOrigin(entry: string): string {
  if (entry === '*' || entry.toLowerCase() === 'none') throw new ConfigError(`GONGKAI_CORS_ORIGINS takes ${entry} alone, not in a list`);
  const bad = `GONGKAI_CORS_ORIGINS entry "${entry}"`;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(entry)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') throw new ConfigError(`${bad} must start with http:// or https://`);
  if (entry.includes('*')) throw new ConfigError(`${bad} has a wildcard; list each origin, or use * alone`);
  let url: URL | undefined;
  try {
    // An origin is scheme://host[:port], as a browser's Origin header sends it; a lone trailing slash is forgiven.
    if (scheme && /^[a-z]+:\/\/[^/?#@\s]+\/?$/i.test(entry)) url = new URL(entry);
  } catch {
    // refused below
  }
  if (!url) throw new ConfigError(`${bad} is not an origin (scheme://host[:port], no path; comma-separated, or * alone, or none)`);
  return url.origin;
}

/** The URL with its password hidden, for logs and messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}
