import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

/**
 * The address a request is counted under for rate limits: the socket's peer, or,
 * behind a trusted proxy (GONGKAI_TRUST_PROXY=on), the last X-Forwarded-For entry,
 * the one that proxy added. Earlier entries are whatever the client wrote, so they
 * are never read. An IPv6 client is keyed by its /64, the block one host is given.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const last = (Array.isArray(header) ? header.join(',') : header)?.split(',').at(-1)?.trim();
    if (last && isIP(last)) return addressKey(last);
  }
  return addressKey(peer);
}

function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIP(address) !== 6) return address;
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

/** The eight hextets of an IPv6 address, `::` filled in (a zone id and an embedded IPv4 tail do not matter for the /64). */
function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('%')[0]!.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : new Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0');
  return [...left, ...fill, ...right].map((part) => (/^[0-9a-f]{1,4}$/.test(part) ? part.replace(/^0+(?=.)/, '') : part));
}
