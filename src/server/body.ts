import type { IncomingMessage } from 'node:http';

/** 1 MiB: far above any query a client writes; bulk data goes through `gongkai import`. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * 64 KiB without a token: twice what the anonymous limits let a query be (2,000
 * tokens) with its variables. Parsing a 1 MiB body of nesting took a worker's
 * event loop 110–230 ms (bench/abuse), so anonymous bodies stay small.
 */
export const MAX_ANONYMOUS_BODY_BYTES = 64 * 1024;

export class BodyTooLargeError extends Error {}

/** Reads the whole body, stopping (without buffering the rest) once it passes the limit. */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
