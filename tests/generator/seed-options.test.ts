import { describe, expect, it } from 'vitest';
import { parseSeedOptions } from '../../src/cli/seed.js';
import { ConfigError } from '../../src/config.js';
import { todayInChina } from '../../src/kernel/time/china-date.js';

describe('gongkai seed options', () => {
  it('without --scale loads reference data only', () => {
    expect(parseSeedOptions({})).toBeUndefined();
  });

  it('defaults the seed to 1 and the history to today in China', () => {
    expect(parseSeedOptions({ scale: '1000' })).toEqual({ scale: 1000, seed: '1', until: todayInChina() });
    expect(parseSeedOptions({ scale: '5', seed: 'abc', until: '2024-01-31' })).toEqual({ scale: 5, seed: 'abc', until: '2024-01-31' });
  });

  it.each([
    [{ scale: 'ten' }, /--scale must be a whole number/],
    [{ scale: '0' }, /--scale must be a whole number/],
    [{ scale: '-5' }, /--scale must be a whole number/],
    [{ scale: '1.5' }, /--scale must be a whole number/],
    [{ scale: '999999999' }, /--scale must be a whole number from 1 to/],
    [{ scale: '10', until: '2024-02-30' }, /--until must be a date/],
    [{ scale: '10', until: '2017-12-31' }, /--until must be a date/],
    [{ scale: '10', until: '2999-01-01' }, /--until must be a date/],
    [{ scale: '10', seed: '' }, /--seed must be 1 to 100 characters/],
    [{ seed: '3' }, /need --scale/],
  ])('refuses %j before touching the database', (opts, reason) => {
    expect(() => parseSeedOptions(opts)).toThrow(ConfigError);
    expect(() => parseSeedOptions(opts)).toThrow(reason);
  });
});
