import cluster from 'node:cluster';
import { startApp, type App } from '../app.js';
import type { Logger } from '../logger.js';
import { PrimaryLink } from '../server/cluster-link.js';
import { EXAMPLE_QUERY } from '../server/explorer.js';
import type { CommandContext } from './run.js';
import { runPrimary, STOP, workerCount, type WorkerMessage } from './workers.js';

export async function serveCommand(
  { config, logger }: CommandContext,
  opts: { migrate?: boolean; demo?: boolean; workers?: string },
): Promise<void> {
  if (cluster.isWorker) return serveAsWorker({ config, logger });
  const workers = workerCount(config, opts.workers);
  if (workers > 1) {
    return runPrimary(config, logger, {
      workers,
      migrate: opts.migrate,
      demo: opts.demo,
      onServing: (url) => {
        if (process.stderr.isTTY) process.stderr.write(banner(url));
      },
    });
  }
  const app = await startApp(config, logger, { migrate: opts.migrate, demo: opts.demo });
  logger.info({ url: app.url, database: app.database.description }, 'Gongkai is serving');
  // For a person at a terminal only: piped or collected, the output stays JSON lines.
  if (process.stderr.isTTY) process.stderr.write(banner(app.url));

  const stop = stopOnSignals(app, logger);
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/** The first signal drains in-flight requests and closes; a second exits at once. */
function stopOnSignals(app: App, logger: Logger, stopped: () => void = () => {}): (signal: NodeJS.Signals | 'primary') => void {
  let stopping: NodeJS.Signals | 'primary' | undefined;
  return (signal) => {
    if (stopping) {
      // A terminal's Ctrl-C reaches the workers too; the primary stops them, and kills them if they hang.
      if (signal === 'primary' || stopping === 'primary') return;
      logger.warn({ signal }, 'second signal: exiting at once');
      process.exit(1);
    }
    stopping = signal;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    app.close().then(
      () => {
        logger.info('stopped');
        stopped();
      },
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exitCode = 1;
        stopped();
      },
    );
  };
}

/**
 * One of `serve --workers N`'s workers: today's server, without migrating (the
 * primary did, once). It reports to the primary rather than to stderr, and stops
 * when the primary says so, or is gone.
 */
async function serveAsWorker({ config, logger: primaryLogger }: CommandContext): Promise<void> {
  // Every line a worker logs (its requests too) says which worker.
  const logger = primaryLogger.child({ worker: cluster.worker!.id });
  const send = (message: WorkerMessage) => new Promise<void>((resolve) => process.send!(message, undefined, {}, () => resolve()));
  // Told to stop while still starting: stop as soon as started.
  const started: { stop?: (signal: NodeJS.Signals | 'primary') => void } = {};
  let told = false;
  const primarySaysStop = () => (started.stop ? started.stop('primary') : (told = true));
  process.on('message', (message: unknown) => {
    if ((message as typeof STOP | undefined)?.gongkai === STOP.gongkai) primarySaysStop();
  });
  process.once('disconnect', primarySaysStop);
  let app: App;
  try {
    app = await startApp(config, logger, { primary: new PrimaryLink() });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    logger.error({ reason }, 'worker could not start');
    if (process.connected) await send({ gongkai: 'failed', reason });
    process.exit(1);
  }
  // The IPC channel to the primary keeps a worker alive: once closed, it exits.
  const stop = (started.stop = stopOnSignals(app, logger, () => process.exit()));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (told) stop('primary');
  else await send({ gongkai: 'serving', url: app.url, database: app.database.description });
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
