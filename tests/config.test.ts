import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { DEFAULT_LIMITS } from '../src/server/limits/limits.js';
import { DEFAULT_RATE_LIMITS } from '../src/server/rate-limit.js';

describe('configuration from the environment', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({})).toEqual({
      databaseUrl: undefined,
      host: '127.0.0.1',
      port: 4000,
      dataDir: path.resolve('.gongkai'),
      logLevel: 'info',
      corsOrigins: '*',
      poolIdleMs: 30_000,
      statementTimeoutMs: 5_000,
      poolWaitMs: 5_000,
      operationLimits: DEFAULT_LIMITS,
      introspection: true,
      rateLimits: DEFAULT_RATE_LIMITS,
      trustProxy: false,
      metrics: true,
    });
  });

  it('takes rate limits over the defaults, or none; a trusted proxy; metrics on or off', () => {
    const c = loadConfig({ GONGKAI_RATE_LIMIT: '{"PUBLIC":600,"PUBLISHER":3000,"windowSeconds":30}', GONGKAI_TRUST_PROXY: 'on', GONGKAI_METRICS: 'off' });
    expect(c.rateLimits).toEqual({ ...DEFAULT_RATE_LIMITS, windowSeconds: 30, perWindow: { ...DEFAULT_RATE_LIMITS.perWindow, PUBLIC: 600, PUBLISHER: 3000 } });
    expect(c.trustProxy).toBe(true);
    expect(c.metrics).toBe(false);
    expect(loadConfig({ GONGKAI_RATE_LIMIT: 'OFF' }).rateLimits).toBeNull();
  });

  it('takes limits per role over the defaults, and introspection on or off', () => {
    const c = loadConfig({ GONGKAI_LIMITS: '{"PUBLIC":{"cost":5000},"SUPERVISOR":{"timeMs":120000,"depth":20}}', GONGKAI_INTROSPECTION: 'OFF' });
    expect(c.operationLimits!.PUBLIC).toEqual({ ...DEFAULT_LIMITS.PUBLIC, cost: 5000 });
    expect(c.operationLimits!.SUPERVISOR).toEqual({ ...DEFAULT_LIMITS.SUPERVISOR, timeMs: 120_000, depth: 20 });
    expect(c.operationLimits!.ADMIN).toEqual(DEFAULT_LIMITS.ADMIN);
    expect(c.introspection).toBe(false);
    expect(loadConfig({ GONGKAI_INTROSPECTION: 'on' }).introspection).toBe(true);
  });

  it('accepts good values', () => {
    const c = loadConfig({ DATABASE_URL: 'postgresql://u:p@db:5433/gk', PORT: '8080', LOG_LEVEL: 'DEBUG', GONGKAI_DATA_DIR: '/tmp/x' });
    expect(c).toMatchObject({ databaseUrl: 'postgresql://u:p@db:5433/gk', port: 8080, logLevel: 'debug', dataDir: '/tmp/x' });
    expect(loadConfig({ GONGKAI_DATA_DIR: 'memory://' }).dataDir).toBe('memory://');
  });

  it.each([
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL is not a URL/],
    [{ GONGKAI_POOL_IDLE_MS: '5s' }, /GONGKAI_POOL_IDLE_MS must be a whole number of milliseconds/],
    [{ GONGKAI_POOL_IDLE_MS: '50' }, /from 100 to 86400000, got "50"/],
    [{ DATABASE_URL: 'mysql://root@localhost/x' }, /must start with postgres:\/\//],
    [{ DATABASE_URL: 'postgres://localhost' }, /names no database/],
    [{ PORT: 'abc' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be a whole number/],
    [{ PORT: '-1' }, /PORT must be a whole number/],
    [{ PORT: '80.5' }, /PORT must be a whole number/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ GONGKAI_LIMITS: '{PUBLIC: 1}' }, /GONGKAI_LIMITS is not JSON/],
    [{ GONGKAI_LIMITS: '[1]' }, /GONGKAI_LIMITS must be a JSON object of roles/],
    [{ GONGKAI_LIMITS: '{"ANON":{"cost":1}}' }, /GONGKAI_LIMITS names no role "ANON"/],
    [{ GONGKAI_LIMITS: '{"PUBLIC":5}' }, /GONGKAI_LIMITS.PUBLIC must be an object of limits/],
    [{ GONGKAI_LIMITS: '{"PUBLIC":{"complexity":5}}' }, /GONGKAI_LIMITS.PUBLIC has no limit "complexity"/],
    [{ GONGKAI_LIMITS: '{"PUBLIC":{"cost":0}}' }, /GONGKAI_LIMITS.PUBLIC.cost must be a whole number of at least 1, got 0/],
    [{ GONGKAI_LIMITS: '{"PUBLIC":{"depth":"12"}}' }, /GONGKAI_LIMITS.PUBLIC.depth must be a whole number/],
    [{ GONGKAI_INTROSPECTION: 'yes' }, /GONGKAI_INTROSPECTION must be on or off, got "yes"/],
    [{ GONGKAI_RATE_LIMIT: '600' }, /GONGKAI_RATE_LIMIT must be a JSON object/],
    [{ GONGKAI_RATE_LIMIT: '{PUBLIC:600}' }, /GONGKAI_RATE_LIMIT is neither off nor JSON/],
    [{ GONGKAI_RATE_LIMIT: '{"ANON":600}' }, /GONGKAI_RATE_LIMIT has no "ANON"/],
    [{ GONGKAI_RATE_LIMIT: '{"PUBLIC":0}' }, /GONGKAI_RATE_LIMIT.PUBLIC must be a whole number from 1 to 100000000, got 0/],
    [{ GONGKAI_RATE_LIMIT: '{"windowSeconds":1.5}' }, /GONGKAI_RATE_LIMIT.windowSeconds must be a whole number from 1 to 86400, got 1.5/],
    [{ GONGKAI_TRUST_PROXY: 'yes' }, /GONGKAI_TRUST_PROXY must be on or off, got "yes"/],
    [{ GONGKAI_METRICS: '1' }, /GONGKAI_METRICS must be on or off, got "1"/],
  ])('refuses %j with a one-line reason', (env, reason) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(reason);
    expect((error as Error).message).not.toContain('\n');
  });
});
