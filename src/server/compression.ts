import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { addVary } from './vary.js';

export type Encoding = 'br' | 'gzip';

/** Smaller answers go as they are: they fit a packet or two, and compressing them gains nothing. */
export const MIN_COMPRESSED_BYTES = 1024;

// Low brotli quality: near gzip's speed, smaller output; higher qualities cost far more time
// for a few percent (bench/compression/RESULTS.md).
const BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } };
const GZIP = { level: 6 };

const brotliCompress = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * The content coding to answer in, per Accept-Encoding (RFC 9110 §12.5.3): br or gzip by
 * their q-values (brotli on a tie), `*` standing for any coding not listed, q=0 refusing;
 * undefined (identity) when the header is absent, accepts neither, or prefers identity.
 */
export function chooseEncoding(header: string | undefined): Encoding | undefined {
  if (!header) return undefined;
  const weights = new Map<string, number>();
  for (const item of header.split(',')) {
    const [name, ...params] = item.split(';').map((part) => part.trim().toLowerCase());
    if (!name || weights.has(name)) continue;
    let q = 1;
    for (const param of params) {
      if (!param.startsWith('q=')) continue;
      // qvalue = 0[.ddd] / 1[.000]; anything else makes the item unusable.
      q = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(param.slice(2)) ? Number(param.slice(2)) : 0;
    }
    weights.set(name === 'x-gzip' ? 'gzip' : name, q);
  }
  const weight = (coding: string) => weights.get(coding) ?? weights.get('*') ?? 0;
  // Unlisted, identity ranks with the least-wanted item listed (as the `negotiator` package does).
  const identity = weights.get('identity') ?? weights.get('*') ?? Math.min(...weights.values());
  const br = weight('br');
  const gz = weight('gzip');
  const best: Encoding = br >= gz ? 'br' : 'gzip';
  const q = Math.max(br, gz);
  return q > 0 && q >= identity ? best : undefined;
}

function compress(body: Buffer, encoding: Encoding): Promise<Buffer> {
  // The callback forms run on libuv's thread pool, off the event loop.
  return encoding === 'br'
    ? brotliCompress(body, { ...BROTLI, params: { ...BROTLI.params, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzip(body, GZIP);
}

/**
 * Ends the response with `body`, compressed when the client asks for a coding we have and the
 * body is worth it. Status and other headers are set before. Vary names Accept-Encoding either
 * way, since a cache must not hand this answer to a client that asked differently.
 */
export async function sendCompressible(req: IncomingMessage, res: ServerResponse, body: string | Buffer): Promise<void> {
  addVary(res, 'Accept-Encoding');
  const raw = typeof body === 'string' ? Buffer.from(body) : body;
  const encoding =
    raw.length >= MIN_COMPRESSED_BYTES && !res.hasHeader('content-encoding') ? chooseEncoding(req.headers['accept-encoding']) : undefined;
  const sent = encoding ? await compress(raw, encoding) : raw;
  if (encoding) res.setHeader('content-encoding', encoding);
  res.setHeader('content-length', sent.length);
  res.end(sent);
}

/**
 * Writes a streamed body (e.g. multipart parts), compressed through a stream when asked, each
 * chunk flushed so that it reaches the client when it is ready, not when the stream ends.
 */
export async function sendCompressibleStream(
  req: IncomingMessage,
  res: ServerResponse,
  chunks: AsyncIterable<string | Buffer>,
): Promise<void> {
  addVary(res, 'Accept-Encoding');
  const encoding = res.hasHeader('content-encoding') ? undefined : chooseEncoding(req.headers['accept-encoding']);
  if (!encoding) {
    for await (const chunk of chunks) res.write(chunk);
    res.end();
    return;
  }
  res.setHeader('content-encoding', encoding);
  const zip = encoding === 'br' ? zlib.createBrotliCompress(BROTLI) : zlib.createGzip(GZIP);
  const sent = pipeline(zip, res);
  // A client that leaves rejects this early; it is awaited (and thrown) after the loop.
  sent.catch(() => {});
  try {
    for await (const chunk of chunks) {
      if (zip.destroyed) break;
      zip.write(chunk);
      await new Promise<void>((resolve) => zip.flush(() => resolve()));
    }
  } finally {
    zip.end();
  }
  await sent;
}
