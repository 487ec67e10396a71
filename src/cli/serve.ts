import { startApp } from '../app.js';
import { EXAMPLE_QUERY } from '../server/explorer.js';
import type { CommandContext } from './run.js';

export async function serveCommand(
  { config, logger }: CommandContext,
  opts: { migrate?: boolean; demo?: boolean },
): Promise<void> {
  const app = await startApp(config, logger, { migrate: opts.migrate, demo: opts.demo });
  logger.info({ url: app.url, database: app.database.description }, 'Gongkai is serving');
  // For a person at a terminal only: piped or collected, the output stays JSON lines.
  if (process.stderr.isTTY) process.stderr.write(banner(app.url));

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

function banner(url: string): string {
  const curl = `curl -s ${url} -H 'content-type: application/json' -d '{"query":"{ departments { code shortName } }"}'`;
  return [
    '',
    `  公开 Gongkai is up: ${url}`,
    '',
    '  In a browser: open that URL for the explorer (its tabs hold examples for analysts,',
    '  push services and dashboards).',
    '',
    '  In a shell:',
    `    $ ${curl}`,
    '',
    '  A query to paste into the explorer (GraphQL, not a shell command):',
    EXAMPLE_QUERY.trimEnd().replace(/^/gm, '    '),
    '',
    '',
  ].join('\n');
}
