// One HTTP request, timed from the call to the last byte of the answer, with
// what the answer was: HTTP status and the first error's extensions.code.
// node:http rather than fetch: it costs the load generator less CPU per request
// (which matters on a 2-core machine where the generator shares the cores with
// the server), and it can send bodies fetch would not (over the size limit).
import http from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gunzip = promisify(zlib.gunzip);
const brotli = promisify(zlib.brotliDecompress);

/**
 * Keep-alive connections as Node's own global agent keeps them (keepAlive, timeout 5 s, lifo), with enough sockets
 * that pacing, not the pool, sets the rate. The timeout matters: only with one does Node 20's agent honour the
 * server's `Keep-Alive: timeout=5` and drop an idle connection after 4 s; without, it may reuse a connection idle
 * past the server's 5 s just as the server closes it (ECONNRESET), a client's mistake, not the server's.
 */
export function keepAliveAgent(maxSockets = 256) {
  return new http.Agent({ keepAlive: true, timeout: 5_000, scheduling: 'lifo', maxSockets });
}

/**
 * Sends one request and resolves (never rejects) to
 * { status, ms, code, limit, bytes, error }: status 0 when no answer came
 * (error is then the socket error's code, or TIMEOUT).
 */
export function send(base, { method = 'POST', path = '/graphql', headers = {}, body, agent, timeoutMs = 30_000 }) {
  return new Promise((resolve) => {
    const started = performance.now();
    let answered = false;
    let settled = false;
    // How long the socket had been idle in the agent's pool before this request (undefined: a new connection), so a
    // reset can be told apart: the server closing an idle keep-alive connection as it is reused, or anything else.
    let idleMs;
    let usedSocket;
    const fail = (error) => {
      if (answered || settled) return;
      settled = true;
      resolve({ ms: performance.now() - started, status: 0, error, idleMs });
    };
    const req = http.request(
      { host: base.hostname, port: base.port, method, path, agent, headers: body === undefined ? headers : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('error', (err) => fail(err.code ?? err.message));
        res.on('end', () => {
          // From here on a socket error (EPIPE while the rest of a refused body was being written) is no failure.
          answered = true;
          const ms = performance.now() - started;
          if (usedSocket) usedSocket.lastAnsweredAt = performance.now();
          const raw = Buffer.concat(chunks);
          // Decoded after timing: that is the client's work, not the server's.
          classify(res, raw).then((answer) => {
            if (settled) return;
            settled = true;
            resolve({ ms, status: res.statusCode, bytes: raw.length, ...answer });
          });
        });
      },
    );
    req.on('socket', (socket) => {
      usedSocket = socket;
      idleMs = socket.lastAnsweredAt === undefined ? undefined : Math.round(performance.now() - socket.lastAnsweredAt);
    });
    req.setTimeout(timeoutMs, () => {
      fail('TIMEOUT');
      req.destroy();
    });
    // A server that answers 413 before reading a large body may close while it is still being written; the answer
    // arrives just after the write error, so the error waits a moment before it counts.
    req.on('error', (err) => setTimeout(() => fail(err.code ?? err.message), 50));
    req.end(body);
  });
}

/** ok, or the first error's code (and which operation limit), from a JSON answer. */
async function classify(res, raw) {
  let text;
  try {
    const encoding = res.headers['content-encoding'];
    text = (encoding === 'gzip' ? await gunzip(raw) : encoding === 'br' ? await brotli(raw) : raw).toString('utf8');
  } catch {
    return { code: 'UNDECODABLE' };
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    return { code: 'NOT_JSON' };
  }
  const error = Array.isArray(json?.errors) ? json.errors[0] : undefined;
  if (!error) return { code: json && typeof json === 'object' && 'data' in json && json.data !== null ? 'ok' : 'NO_DATA' };
  return { code: String(error.extensions?.code ?? 'NO_CODE'), limit: error.extensions?.limit, message: String(error.message ?? '').slice(0, 200) };
}

/** A compact label for an answer: `200 ok`, `400 OPERATION_LIMIT (depth)`, `0 ECONNRESET`. */
export function answerLabel(r) {
  if (r.status === 0) return `no answer: ${r.error}`;
  return `${r.status} ${r.code}${r.limit ? ` (${r.limit})` : ''}`;
}
