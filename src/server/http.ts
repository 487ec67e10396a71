import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import { authenticate, UnauthenticatedTokenError } from '../access/tokens.js';
import type { TokenCache } from '../access/token-cache.js';
import type { Viewer } from '../access/viewer.js';
import type { CorsOrigins } from '../config.js';
import type { Logger } from '../logger.js';
import { createContext, type Context } from '../schema/context.js';
import { BodyTooLargeError, MAX_BODY_BYTES, readBody } from './body.js';
import { sendCompressible, sendCompressibleStream } from './compression.js';
import { answerPreflight, isPreflight, setCorsHeaders } from './cors.js';
import { explorerPage } from './explorer.js';
import type { OperationLimits, OperationRequest } from './limits/operation-limits.js';
import type { Readiness } from './readiness.js';
import { isReportPath, sendYearlyReport } from './reports.js';
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
}

/**
 * Routes: /graphql (POST, GET, explorer), /healthz, /readyz, /reports/{department}/{year}; each
 * answers OPTIONS and CORS preflights, and JSON answers are compressed when the client asks.
 */
export function createHttpServer(deps: HttpDeps): http.Server {
  return http.createServer((req, res) => {
    const requestId = pickRequestId(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    const log = deps.logger.child({ requestId });
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info({ method: req.method, url: req.url, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    });
    route(req, res, deps, requestId, log).catch((err: unknown) => {
      const unavailable = databaseUnavailable(err);
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
function routeMethods(pathname: string): string | undefined {
  if (pathname === '/graphql') return 'GET, POST, OPTIONS';
  if (pathname === '/healthz' || pathname === '/readyz' || isReportPath(pathname)) return 'GET, HEAD, OPTIONS';
  return undefined;
}

async function route(req: IncomingMessage, res: ServerResponse, deps: HttpDeps, requestId: string, log: Logger) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const methods = routeMethods(url.pathname);
  if (req.method === 'OPTIONS' && methods) {
    if (isPreflight(req)) return answerPreflight(req, res, deps.cors, methods);
    res.writeHead(204, { allow: methods }).end();
    return;
  }
  setCorsHeaders(req, res, deps.cors);
  switch (url.pathname) {
    case '/healthz':
      return sendJson(req, res, 200, { status: 'ok' });
    case '/readyz': {
      const state = await deps.readiness.check();
      return sendJson(req, res, state.ready ? 200 : 503, state);
    }
    case '/graphql':
      return graphql(req, res, url, deps, requestId, log);
    case '/':
      res.writeHead(302, { location: '/graphql' }).end();
      return;
    default:
      if (isReportPath(url.pathname)) return sendYearlyReport(req, res, deps.orm, url.pathname);
      return sendJson(req, res, 404, { error: 'not found', see: '/graphql' });
  }
}

async function graphql(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: HttpDeps,
  requestId: string,
  log: Logger,
): Promise<void> {
  if (req.method === 'GET' && !url.search && wantsHtml(req)) return sendExplorer(req, res);
  if (req.method !== 'GET' && req.method !== 'POST') {
    res.setHeader('allow', 'GET, POST, OPTIONS');
    return sendGraphQLError(req, res, 405, `method ${req.method} is not allowed; use POST (or GET for queries)`, 'BAD_REQUEST');
  }
  let body: unknown;
  if (req.method === 'POST') {
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json' && type !== 'application/graphql-response+json') {
      return sendGraphQLError(req, res, 400, `content-type must be application/json, got "${type || 'none'}"`, 'BAD_REQUEST');
    }
    let text: string;
    try {
      text = await readBody(req);
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        res.setHeader('connection', 'close');
        return sendGraphQLError(req, res, 413, `request body exceeds ${MAX_BODY_BYTES} bytes`, 'BAD_REQUEST');
      }
      throw err;
    }
    try {
      body = JSON.parse(text);
    } catch {
      return sendGraphQLError(req, res, 400, 'request body is not valid JSON', 'BAD_REQUEST');
    }
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  // One EntityManager fork per request: its identity map and loaders die with the request.
  const em = deps.orm.em.fork();
  let viewer: Viewer;
  try {
    viewer = await authenticate(em, req.headers.authorization, deps.tokens);
  } catch (err) {
    if (!(err instanceof UnauthenticatedTokenError)) throw err;
    res.setHeader('www-authenticate', 'Bearer');
    return sendGraphQLError(req, res, 401, err.message, 'UNAUTHENTICATED');
  }
  const result = await deps.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method, headers, search: url.search, body },
    context: async () => {
      // Before Apollo parses and validates the query: a refusal (OPERATION_LIMIT, HTTP 400) costs no more than reading it.
      deps.limits?.admit(req.method === 'POST' ? ((body ?? {}) as OperationRequest) : getParams(url), viewer.role);
      return createContext(em, requestId, log, viewer);
    },
  });
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
  let variables: unknown;
  try {
    variables = JSON.parse(params.get('variables') ?? 'null');
  } catch {
    variables = undefined;
  }
  return { query: params.get('query') ?? undefined, operationName: params.get('operationName') ?? undefined, variables };
}

function sendExplorer(req: IncomingMessage, res: ServerResponse): void {
  const page = explorerPage();
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  addVary(res, 'Accept-Encoding');
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-cache',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(gzip ? page.gzip : page.html);
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
