import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { authenticate, UnauthenticatedTokenError } from '../resolvers/access/tokens.js';
import type { TokenCache } from '../resolvers/access/token-cache.js';
import type { Viewer } from '../kernel/viewer.js';
import type { CorsOrigins } from '../config.js';
import { withStatementTimeout } from '../db/statement-timeouts.js';
import type { Logger } from '../logger.js';
import { createContext, type Context } from '../kernel/context.js';
import { BodyTooLargeError, MAX_ANONYMOUS_BODY_BYTES, MAX_BODY_BYTES, readBody } from './body.js';
import { clientAddress } from './client-address.js';
import { chooseEncoding, sendCompressible, sendCompressibleStream } from './compression.js';
import { answerPreflight, isPreflight, setCorsHeaders } from './cors.js';
import { explorerPage } from './explorer.js';
import type { OperationLimits, OperationRequest } from './limits/operation-limits.js';
import type { Metrics, RequestRecord } from './metrics.js';
import { RATE_LIMITED_CODE, type ClientRateLimiter } from './rate-limit.js';
import type { Readiness } from './readiness.js';
import { isReportPath, sendYearlyReport } from './reports.js';
import type { TrustedDocuments } from './trusted-documents.js';
import { databaseUnavailable, RETRY_AFTER_SECONDS, UNAVAILABLE_CODE, UNAVAILABLE_MESSAGE } from './unavailable.js';
import { addVary } from './vary.js';

export interface HttpDeps {
  apollo: ApolloServer<Context>;
  orm: MikroORM;
  logger: Logger;
  readiness: Readiness;
  /** Tokens seen live, while token changes are being listened for. */
  tokens?: TokenCache;
  /** Origins whose pages may read the answers (GONGKAI_CORS_ORIGINS). */
  cors: CorsOrigins;
  /** Operation limits per role, checked before Apollo parses a query (the same object Apollo's plugin uses). */
  limits?: OperationLimits;
  /** The only operations anonymous clients may run (GONGKAI_TRUSTED_DOCUMENTS); absent: any. */
  trustedDocuments?: TrustedDocuments;
  /** Counted requests, served at GET /metrics (GONGKAI_METRICS); absent: no /metrics. */
  metrics?: Metrics;
  /** Requests per client address and token (GONGKAI_RATE_LIMIT); absent: none. */
  rateLimiter?: ClientRateLimiter;
  /** Whether X-Forwarded-For names the client (GONGKAI_TRUST_PROXY). */
  trustProxy?: boolean;
}

/** Paths a monitor polls: never rate-limited. */
const UNLIMITED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Routes: /graphql (POST, GET, explorer), /healthz, /readyz, /metrics, /reports/{department}/{year}; each
 * answers OPTIONS and CORS preflights, and JSON answers are compressed when the client asks.
 */
export function createHttpServer(deps: HttpDeps): http.Server {
  return http.createServer((req, res) => {
    const requestId = pickRequestId(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    const log = deps.logger.child({ requestId });
    const started = process.hrtime.bigint();
    const record: RequestRecord = {};
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info({ method: req.method, url: req.url, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
      deps.metrics?.observe((req.url ?? '/').split('?')[0]!, res.statusCode, ms / 1000, record);
    });
    route(req, res, deps, requestId, log, record).catch((err: unknown) => {
      const unavailable = databaseUnavailable(err);
      record.outcome = unavailable ? UNAVAILABLE_CODE : 'INTERNAL_SERVER_ERROR';
      log.error({ err }, unavailable ? 'database unavailable' : 'request failed');
      if (res.headersSent) {
        res.end();
      } else if (unavailable) {
        res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
        sendGraphQLError(req, res, 503, UNAVAILABLE_MESSAGE, UNAVAILABLE_CODE).catch(() => res.destroy());
      } else {
        sendGraphQLError(req, res, 500, 'Internal server error', 'INTERNAL_SERVER_ERROR').catch(() => res.destroy());
      }
    });
  });
}

/** The methods a path answers, for OPTIONS and preflights; undefined for a path that is no route. */
function routeMethods(pathname: string, deps: HttpDeps): string | undefined {
  if (pathname === '/graphql') return 'GET, POST, OPTIONS';
  if (pathname === '/healthz' || pathname === '/readyz' || isReportPath(pathname)) return 'GET, HEAD, OPTIONS';
  if (pathname === '/metrics' && deps.metrics) return 'GET, HEAD, OPTIONS';
  return undefined;
}

async function route(req: IncomingMessage, res: ServerResponse, deps: HttpDeps, requestId: string, log: Logger, record: RequestRecord) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const methods = routeMethods(url.pathname, deps);
  if (req.method === 'OPTIONS' && methods) {
    if (isPreflight(req)) return answerPreflight(req, res, deps.cors, methods);
    res.writeHead(204, { allow: methods }).end();
    return;
  }
  setCorsHeaders(req, res, deps.cors);
  // Before the body is read or a token looked up, so a refused request costs next to nothing.
  if (deps.rateLimiter && !UNLIMITED_PATHS.has(url.pathname)) {
    const refusal = await deps.rateLimiter.admit(clientAddress(req, deps.trustProxy ?? false), req.headers.authorization);
    if (refusal) {
      record.rateLimited = refusal.by;
      record.outcome = RATE_LIMITED_CODE;
      res.setHeader('retry-after', String(refusal.retryAfterSeconds));
      const message = `too many requests: at most ${refusal.limit} per ${refusal.windowSeconds} s per ${refusal.by === 'token' ? 'token' : 'client address'}; retry after ${refusal.retryAfterSeconds} s`;
      return sendJson(req, res, 429, { errors: [{ message, extensions: { code: RATE_LIMITED_CODE, limit: refusal.limit, windowSeconds: refusal.windowSeconds } }] });
    }
  }
  switch (url.pathname) {
    case '/healthz':
      return sendJson(req, res, 200, { status: 'ok' });
    case '/readyz': {
      const state = await deps.readiness.check();
      return sendJson(req, res, state.ready ? 200 : 503, state);
    }
    case '/graphql':
      return graphql(req, res, url, deps, requestId, log, record);
    case '/metrics':
      if (!deps.metrics) break;
      return sendMetrics(req, res, deps.metrics, log);
    case '/':
      res.writeHead(302, { location: '/graphql' }).end();
      return;
  }
  if (isReportPath(url.pathname)) return sendYearlyReport(req, res, deps.orm, url.pathname);
  return sendJson(req, res, 404, { error: 'not found', see: '/graphql' });
}

async function graphql(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: HttpDeps,
  requestId: string,
  log: Logger,
  record: RequestRecord,
): Promise<void> {
  if (req.method === 'GET' && !url.search && wantsHtml(req)) return sendExplorer(req, res);
  const refuse = (status: number, message: string, code: string) => {
    record.outcome = code;
    return sendGraphQLError(req, res, status, message, code);
  };
  if (req.method !== 'GET' && req.method !== 'POST') {
    res.setHeader('allow', 'GET, POST, OPTIONS');
    return refuse(405, `method ${req.method} is not allowed; use POST (or GET for queries)`, 'BAD_REQUEST');
  }
  const method = req.method;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (method === 'POST' && type !== 'application/json' && type !== 'application/graphql-response+json') {
    return refuse(400, `content-type must be application/json, got "${type || 'none'}"`, 'BAD_REQUEST');
  }
  // Who asks is known before the body is read: a refused token costs no body, and an anonymous body is capped lower.
  // One EntityManager fork per request: its identity map and loaders die with the request.
  const em = deps.orm.em.fork();
  let viewer: Viewer;
  try {
    viewer = await authenticate(em, req.headers.authorization, deps.tokens);
  } catch (err) {
    if (!(err instanceof UnauthenticatedTokenError)) throw err;
    // A refused token never buys its own allowance: its requests count under the address.
    deps.rateLimiter?.refused(clientAddress(req, deps.trustProxy ?? false), req.headers.authorization!);
    res.setHeader('www-authenticate', 'Bearer');
    return refuse(401, err.message, 'UNAUTHENTICATED');
  }
  if (req.headers.authorization) deps.rateLimiter?.accepted(req.headers.authorization, viewer.role);
  let body: unknown;
  if (method === 'POST') {
    const limit = viewer.role === 'PUBLIC' ? MAX_ANONYMOUS_BODY_BYTES : MAX_BODY_BYTES;
    let text: string;
    try {
      text = await readBody(req, limit);
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        res.setHeader('connection', 'close');
        return refuse(413, `request body exceeds ${limit} bytes${limit < MAX_BODY_BYTES ? ' (without a token)' : ''}`, 'BAD_REQUEST');
      }
      throw err;
    }
    try {
      body = JSON.parse(text);
    } catch {
      return refuse(400, 'request body is not valid JSON', 'BAD_REQUEST');
    }
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const execute = () => deps.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method, headers, search: url.search, body },
    context: async () => {
      // Before Apollo parses and validates the query: a refusal (OPERATION_LIMIT, HTTP 400) costs no more than reading it.
      const request = method === 'POST' ? ((body ?? {}) as OperationRequest) : getParams(url);
      if (typeof request.operationName === 'string') record.operation = request.operationName;
      try {
        deps.trustedDocuments?.admit(request, viewer.role === 'PUBLIC');
        deps.limits?.admit(request, viewer.role);
      } catch (err) {
        noteRefusal(err, record);
        throw err;
      }
      return createContext(em, requestId, log, viewer, () => deps.tokens?.changed());
    },
  });
  // Each statement is stopped by the server after the role's statementMs (db/statement-timeouts.ts).
  const result = deps.limits ? await withStatementTimeout(deps.limits.for(viewer.role).statementMs, execute) : await execute();
  deps.metrics?.readResult(em, result.status ?? 200, record);
  for (const [key, value] of result.headers) {
    if (key === 'vary') for (const name of value.split(',')) addVary(res, name.trim());
    else res.setHeader(key, value);
  }
  res.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') return sendCompressible(req, res, result.body.string);
  return sendCompressibleStream(req, res, result.body.asyncIterator);
}

/** The operation a GET asks for; `variables` is JSON there (unreadable JSON is left for Apollo to refuse). */
function getParams(url: URL): OperationRequest {
  const params = url.searchParams;
  const json = (name: string): unknown => {
    try {
      return JSON.parse(params.get(name) ?? 'null');
    } catch {
      return undefined;
    }
  };
  return { query: params.get('query') ?? undefined, operationName: params.get('operationName') ?? undefined, variables: json('variables'), extensions: json('extensions') };
}

/** A refusal before Apollo runs anything, for the metrics: its code, and which operation limit. */
function noteRefusal(err: unknown, record: RequestRecord): void {
  if (!(err instanceof GraphQLError) || typeof err.extensions.code !== 'string') return;
  record.outcome = err.extensions.code;
  if (err.extensions.code === 'OPERATION_LIMIT') record.limits = [String(err.extensions.limit)];
}

async function sendMetrics(req: IncomingMessage, res: ServerResponse, metrics: Metrics, log: Logger): Promise<void> {
  let text: string;
  try {
    text = await metrics.scrape();
  } catch (err) {
    // A worker whose primary did not answer: the scrape is retried, nothing else is affected.
    log.warn({ err }, 'metrics unavailable');
    res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
    return sendJson(req, res, 503, { error: 'metrics unavailable', reason: err instanceof Error ? err.message : String(err) });
  }
  res.statusCode = 200;
  res.setHeader('content-type', metrics.registry.contentType);
  return sendCompressible(req, res, text);
}

function sendExplorer(req: IncomingMessage, res: ServerResponse): void {
  const page = explorerPage();
  const encoding = chooseEncoding(req.headers['accept-encoding']);
  addVary(res, 'Accept-Encoding');
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-cache',
    ...(encoding ? { 'content-encoding': encoding } : {}),
  });
  res.end(encoding ? page[encoding] : page.html);
}

function wantsHtml(req: IncomingMessage): boolean {
  return String(req.headers.accept ?? '').includes('text/html');
}

function pickRequestId(header: string | string[] | undefined): string {
  // Honour a caller's id so a gateway's trace follows the request; refuse anything log-unsafe.
  return typeof header === 'string' && /^[\w.-]{1,64}$/.test(header) ? header : randomUUID();
}

function sendJson(req: IncomingMessage, res: ServerResponse, status: number, value: unknown): Promise<void> {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  return sendCompressible(req, res, JSON.stringify(value));
}

function sendGraphQLError(req: IncomingMessage, res: ServerResponse, status: number, message: string, code: string): Promise<void> {
  return sendJson(req, res, status, { errors: [{ message, extensions: { code } }] });
}
