import net, { type AddressInfo } from 'node:net';
import { ConfigError, type Config } from './config.js';
import { openDatabase, type Database, type OpenOptions } from './db/database.js';
import { migrate } from './db/migrate.js';
import { TokenCache } from './resolvers/access/token-cache.js';
import type { Logger } from './logger.js';
import { recordInputType } from './resolvers/hub/publishing/record-input-schema.js';
import { buildGongkaiSchema } from './schema/build-schema.js';
import { loadDemoIfEmpty } from './seeders/demo.js';
import { createApollo } from './server/apollo.js';
import { createHttpServer } from './server/http.js';
import { OperationLimits } from './server/limits/operation-limits.js';
import { Metrics } from './server/metrics.js';
import type { PrimaryLink } from './server/cluster-link.js';
import { DEFAULT_RATE_LIMITS, RateLimiter, type ClientRateLimiter } from './server/rate-limit.js';
import { readiness } from './server/readiness.js';
import { loadTrustedDocuments } from './server/trusted-documents.js';

export interface AppOptions extends OpenOptions {
  /** Apply pending migrations before serving. */
  migrate?: boolean;
  /** Load the demo data set when the database holds no data yet. */
  demo?: boolean;
  /** When a query document is compiled (server/compiled-execution.ts); tests compile at once. */
  compileAt?: number;
  /** In a worker of `serve --workers N`: the primary, which keeps the rate limits and gathers the metrics. */
  primary?: PrimaryLink;
}

export interface App {
  url: string;
  port: number;
  database: Database;
  /** Stops accepting, lets in-flight requests finish (10 s at most), then closes the pool. */
  close(): Promise<void>;
}

const DRAIN_MS = 10_000;

export async function startApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<App> {
  // A taken port is known at once, before opening the database and migrating (which can
  // take many seconds on the embedded database); the real bind below still decides.
  if (config.port !== 0) await portFree(config.port, config.host);
  const database = await openDatabase(config, logger, { ...options, exclusive: true });
  try {
    if (options.migrate) {
      const applied = await migrate(database.orm);
      if (applied.length) logger.info({ applied }, 'applied migrations');
    }
    if (options.demo) await loadDemoIfEmpty(database.orm, logger);
    // Migrations and the demo load may take minutes; a request's statements may not.
    await database.limitRequests({ statementTimeoutMs: config.statementTimeoutMs, poolWaitMs: config.poolWaitMs });
    const schema = await buildGongkaiSchema();
    // Publishing and import validate records against the record input type, built from the same classes as the
    // schema's (a test holds the two equal): built here, at startup, not on the first write.
    await recordInputType();
    const limits = new OperationLimits(schema, config.operationLimits);
    const trustedDocuments = config.trustedDocuments ? loadTrustedDocuments(config.trustedDocuments, schema) : undefined;
    const apollo = createApollo(
      schema,
      {
        compileAt: options.compileAt,
        onCompile: (operation, ms, compiled) => logger.debug({ operation, ms: Math.round(ms * 10) / 10, compiled }, 'compiled a query document'),
      },
      { limits, introspection: config.introspection, trustedDocuments },
    );
    const { rateLimiter, metrics } = countersFor(config, database, options.primary);
    if (metrics) apollo.addPlugin(metrics.plugin());
    await apollo.start();
    // The embedded database takes one connection, which the pool holds: no listener there.
    const tokens = await TokenCache.start(database.kind === 'postgres' ? config.databaseUrl : undefined, logger);
    const deps = { apollo, orm: database.orm, logger, readiness: readiness(database.orm), tokens, cors: config.corsOrigins, limits, trustedDocuments };
    const server = createHttpServer({ ...deps, metrics, rateLimiter, trustProxy: config.trustProxy });
    server.keepAliveTimeout = 5_000;
    await listen(server, config.port, config.host).catch(async (err: unknown) => {
      await tokens.stop();
      await apollo.stop();
      throw err;
    });
    const { port } = server.address() as AddressInfo;
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    let closing: Promise<void> | undefined;
    return {
      url: `http://${host}:${port}/graphql`,
      port,
      database,
      close() {
        closing ??= (async () => {
          await new Promise<void>((resolve) => {
            const force = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
            server.close(() => {
              clearTimeout(force);
              resolve();
            });
            server.closeIdleConnections();
          });
          await apollo.stop();
          await tokens.stop();
          await database.close();
        })();
        return closing;
      },
    };
  } catch (err) {
    await database.close().catch(() => {});
    throw err;
  }
}

/** Rate limits and metrics: this process's own, or in a worker of `serve --workers N` the primary's, across workers. */
function countersFor(config: Config, database: Database, primary: PrimaryLink | undefined): { rateLimiter?: ClientRateLimiter; metrics?: Metrics } {
  if (!primary) {
    const local = config.rateLimits === null ? undefined : new RateLimiter(config.rateLimits ?? DEFAULT_RATE_LIMITS);
    return { rateLimiter: local, metrics: config.metrics === false ? undefined : new Metrics(database.orm, local && (() => local.size)) };
  }
  const metrics = config.metrics === false ? undefined : new Metrics(database.orm);
  if (metrics) {
    primary.shareMetrics(metrics.registry);
    metrics.scrape = () => primary.metrics();
  }
  return { rateLimiter: config.rateLimits === null ? undefined : primary.rateLimiter(), metrics };
}

export async function portFree(port: number, host: string): Promise<void> {
  const probe = net.createServer();
  await listen(probe, port, host);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
}

function listen(server: net.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') reject(new ConfigError(`PORT ${port} is already in use on ${host}`));
      else if (err.code === 'EACCES') reject(new ConfigError(`PORT ${port} needs privileges on ${host}`));
      else reject(err);
    });
    server.listen(port, host, () => resolve());
  });
}
