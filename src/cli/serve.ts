import { startApp } from '../app.js';
import { EXAMPLE_QUERY } from '../server/explorer.js';
import type { CommandContext } from './run.js';

export async function serveCommand(
  { config, logger }: CommandContext,
  opts: { migrate?: boolean; demo?: boolean },
): Promise<void> {
  const app = await startApp(config, logger, { migrate: opts.migrate, demo: opts.demo });
  logger.info({ url: app.url, database: app.database.description }, 'Gongkai is serving');
  const curl = `curl -s ${app.url} -H 'content-type: application/json' -d '{"query":"{ departments { code shortName } }"}'`;
  process.stderr.write(
    `\n  公开 Gongkai is up: ${app.url}\n  Open it in a browser for the explorer, or try:\n\n  ${curl}\n\n` +
      EXAMPLE_QUERY.replace(/^/gm, '  ') +
      '\n',
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting at once');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    app.close().then(
      () => logger.info('stopped'),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
