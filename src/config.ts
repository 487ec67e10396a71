import path from 'node:path';

/** Settings read from the environment once, at start; every bad value is refused with a one-line reason. */
export interface Config {
  /** PostgreSQL URL; undefined selects the embedded database (PGlite) under dataDir. */
  databaseUrl: string | undefined;
  host: string;
  port: number;
  dataDir: string;
  logLevel: LogLevel;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
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

function parseLogLevel(raw: string | undefined): LogLevel {
  const value = (raw?.trim() || 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(value)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  }
  return value as LogLevel;
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
