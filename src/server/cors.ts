import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CorsOrigins } from '../config.js';
import { addVary } from './vary.js';

// Cross-origin reading by browsers, per the CORS protocol of the Fetch standard
// (https://fetch.spec.whatwg.org/#http-cors-protocol). It tells a browser what a page on another
// origin may send and read; an actual request is answered the same whatever its Origin.

/**
 * Request headers a page may send: the bearer token and JSON body, a request id to trace,
 * and what GraphQL clients add (Apollo Client: client awareness, apollo-require-preflight
 * for uploads; Apollo's mobile clients: x-apollo-operation-name). `authorization` must be
 * named: a `*` here would not cover it.
 */
const CORS_REQUEST_HEADERS = [
  'accept',
  'authorization',
  'content-type',
  'x-request-id',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
].join(', ');

/** How long a browser may reuse a preflight's answer (Chromium keeps at most 2 hours). */
const CORS_MAX_AGE_S = 7200;

/** The origin to name in Access-Control-Allow-Origin, or undefined when that origin may not read. */
function allowedOrigin(req: IncomingMessage, origins: CorsOrigins): string | undefined {
  if (origins === '*') return '*';
  const origin = req.headers.origin;
  return origin && origins.includes(origin) ? origin : undefined;
}

/** Whether the request is a CORS preflight: OPTIONS asking, for an Origin, whether a method may be sent. */
export function isPreflight(req: IncomingMessage): boolean {
  return req.method === 'OPTIONS' && req.headers.origin !== undefined && req.headers['access-control-request-method'] !== undefined;
}

/**
 * Answers a preflight: 204 with what may be sent, or 403 and no allow headers for an origin
 * not allowed. `methods` are the route's.
 */
export function answerPreflight(req: IncomingMessage, res: ServerResponse, origins: CorsOrigins, methods: string): void {
  if (origins !== '*') addVary(res, 'Origin');
  const origin = allowedOrigin(req, origins);
  if (!origin) {
    res.writeHead(403).end();
    return;
  }
  res.writeHead(204, {
    'access-control-allow-origin': origin,
    // Gongkai uses no cookies; a listed origin may still send them (a proxy in front may use
    // them). With '*', browsers refuse credentials anyway, so it is not claimed.
    ...(origin === '*' ? {} : { 'access-control-allow-credentials': 'true' }),
    'access-control-allow-methods': methods,
    'access-control-allow-headers': CORS_REQUEST_HEADERS,
    'access-control-max-age': String(CORS_MAX_AGE_S),
  });
  res.end();
}

/** Sets the CORS headers of an actual (not preflight) response, whatever its status. */
export function setCorsHeaders(req: IncomingMessage, res: ServerResponse, origins: CorsOrigins): void {
  if (origins !== '*') addVary(res, 'Origin');
  const origin = allowedOrigin(req, origins);
  if (!origin) return;
  res.setHeader('access-control-allow-origin', origin);
  if (origin !== '*') res.setHeader('access-control-allow-credentials', 'true');
  res.setHeader('access-control-expose-headers', 'x-request-id');
}
