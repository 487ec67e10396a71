import { createHash } from 'node:crypto';
import { LIMIT_ROLES, type LimitRole } from './limits/limits.js';

/** How many requests a client may send per window: anonymous ones per address, the others per token. */
export interface RateLimits {
  /** Requests per window for each role (PUBLIC: per client address; the others: per token). */
  perWindow: Readonly<Record<LimitRole, number>>;
  windowSeconds: number;
  /** Clients remembered at once; past it the one seen least recently is forgotten. */
  maxClients: number;
}

/** Generous for people and the programs they write: 20 a second sustained for an address, 100 for a token. */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  perWindow: { PUBLIC: 1_200, PUBLISHER: 6_000, SUPERVISOR: 6_000, ADMIN: 6_000 },
  windowSeconds: 60,
  maxClients: 50_000,
};

export const RATE_LIMITED_CODE = 'RATE_LIMITED';

/** A request refused: the limit it met, and when the client may send again. */
export interface RateRefusal {
  limit: number;
  windowSeconds: number;
  retryAfterSeconds: number;
  /** What the client was counted as. */
  by: 'address' | 'token';
}

/** What the HTTP layer asks of a rate limiter: this process's (RateLimiter), or the primary's through a worker (cluster-link.ts). */
export interface ClientRateLimiter {
  /** Counts one request, before its body is read or its token looked up; a refusal when the client is over its limit. */
  admit(address: string, authorization: string | undefined): RateRefusal | undefined | Promise<RateRefusal | undefined>;
  /** The token was accepted for `role`: from its next request on it is counted on its own. */
  accepted(authorization: string, role: string): void;
  /** The token was refused (revoked, expired, unknown): it is counted under the address again, this request too. */
  refused(address: string, authorization: string): void;
}

interface Bucket {
  tokens: number;
  at: number;
  limit: number;
}

/**
 * Token buckets, one per client address and one per token: each holds `limit`
 * requests and refills at `limit` per window, so a client may burst to its
 * limit and then goes at the window's pace.
 *
 * Kept in this process's memory; with several workers, in the primary's, which
 * the workers ask (cluster-link.ts), so the limit holds across them. Processes on
 * several machines would each count alone: a shared store would be needed there.
 *
 * A token's bucket exists only once the token has been accepted (`accepted`),
 * with its role's limit; until then, and whenever a token is refused, its
 * requests count under the address, so inventing tokens dodges nothing and a
 * flood of them grows nothing but the address buckets, which are bounded:
 * a bucket left alone for a window is full, the same as none, and is dropped;
 * past `maxClients` the least recently seen is dropped (it starts full again).
 */
export class RateLimiter implements ClientRateLimiter {
  /** Least recently used first: a touched bucket is moved to the end. */
  private readonly buckets = new Map<string, Bucket>();
  private readonly windowMs: number;

  constructor(
    readonly limits: RateLimits = DEFAULT_RATE_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.windowMs = limits.windowSeconds * 1000;
  }

  /** Clients remembered now. */
  get size(): number {
    return this.buckets.size;
  }

  /** Counts one request, before its body is read or its token looked up; a refusal when the client is over its limit. */
  admit(address: string, authorization: string | undefined): RateRefusal | undefined {
    const key = authorization ? tokenKey(authorization) : undefined;
    const token = key && this.buckets.get(key);
    if (token) return this.take(key, token.limit, 'token');
    return this.take(addressKey(address), this.limits.perWindow.PUBLIC, 'address');
  }

  /** The token was accepted for `role`: from its next request on it is counted on its own. */
  accepted(authorization: string, role: string): void {
    const key = tokenKey(authorization);
    const limit = (LIMIT_ROLES as readonly string[]).includes(role) ? this.limits.perWindow[role as LimitRole] : this.limits.perWindow.PUBLIC;
    if (role === 'PUBLIC' || this.buckets.get(key)?.limit === limit) return;
    this.put(key, { tokens: limit, at: this.now(), limit });
  }

  /** The token was refused (revoked, expired, unknown): it is counted under the address again, this request too. */
  refused(address: string, authorization: string): void {
    if (!this.buckets.delete(tokenKey(authorization))) return;
    this.take(addressKey(address), this.limits.perWindow.PUBLIC, 'address');
  }

  private take(key: string, limit: number, by: RateRefusal['by']): RateRefusal | undefined {
    const now = this.now();
    const perMs = limit / this.windowMs;
    const bucket = this.buckets.get(key) ?? { tokens: limit, at: now, limit };
    bucket.tokens = Math.min(limit, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    this.buckets.delete(key);
    this.put(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return { limit, windowSeconds: this.limits.windowSeconds, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)), by };
  }

  private put(key: string, bucket: Bucket): void {
    this.buckets.set(key, bucket);
    const idleSince = this.now() - this.windowMs;
    // The oldest first: drop those idle a whole window (full again), then any over the cap.
    for (const [oldest, { at }] of this.buckets) {
      if (at > idleSince && this.buckets.size <= this.limits.maxClients) break;
      this.buckets.delete(oldest);
    }
  }
}

function addressKey(address: string): string {
  return `a ${address}`;
}

function tokenKey(authorization: string): string {
  return `t ${createHash('sha256').update(authorization).digest('base64url')}`;
}
