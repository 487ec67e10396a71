import { ConfigError, loadConfig, type Config } from '../config.js';
import { createLogger, type Logger } from '../logger.js';

export interface CommandContext {
  config: Config;
  logger: Logger;
}

/**
 * Runs a command with validated configuration. A problem the user can fix
 * prints one line and exits 1; anything else prints one line too, with the
 * stack only at LOG_LEVEL=debug.
 */
export async function runCommand(command: (ctx: CommandContext) => Promise<void>): Promise<void> {
  let logger: Logger | undefined;
  try {
    const config = loadConfig();
    logger = createLogger(config.logLevel);
    await command({ config, logger });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`gongkai: ${message}\n`);
    if (!(err instanceof ConfigError)) logger?.debug({ err }, 'failure detail');
    process.exitCode = 1;
  }
}
