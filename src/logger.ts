import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { LogLevel } from './config.js';

export type { Logger };

/**
 * JSON lines (one event a line) for log shippers and tests; readable
 * colour on a terminal, where a person is watching.
 */
export function createLogger(level: LogLevel, options: { pretty?: boolean } = {}): Logger {
  const base = { level, base: { service: 'gongkai' }, timestamp: pino.stdTimeFunctions.isoTime };
  const usePretty = options.pretty ?? Boolean(process.stdout.isTTY);
  return usePretty
    ? pino(base, pretty({ colorize: true, ignore: 'pid,hostname,service', sync: true }))
    : pino(base);
}
