import pg from 'pg';
import type { Logger } from '../../logger.js';
import type { Viewer } from '../../kernel/viewer.js';

/** What a live token grants, and until when (epoch ms; null: no expiry). */
export interface TokenGrant {
  viewer: Viewer;
  expiresAt: number | null;
}

interface Entry extends TokenGrant {
  rememberedAt: number;
}

const CHANNEL = 'gongkai_api_token';
const MAX_ENTRIES = 10_000;
const RECONNECT_MS = 1_000;
/** However reliable the announcements, nothing is trusted for longer than this. */
const MAX_AGE_MS = 60_000;

/**
 * Tokens this process has seen live, by secret hash, so an authenticated
 * request does not look its token up again (one statement of every request).
 *
 * Only while a connection of its own LISTENs on the channel the api_token
 * trigger notifies (Migration20261128074000): any change to any token empties
 * it, in this process and every other, as the change commits. Without that
 * connection (not yet up, lost, or the embedded database, which takes one
 * connection) nothing is remembered and every request asks the database, as
 * before. Expiry is checked on each use; nothing is kept longer than a minute
 * (a bound on the moment between a listener dying and this process noticing).
 * Unknown tokens are never remembered.
 *
 * A lookup that started before a change was announced must not store what it
 * read: `generation` is taken before asking, and `remember` refuses a stale one.
 */
export class TokenCache {
  private readonly entries = new Map<string, Entry>();
  private current = 0;
  private listening = false;
  private client: pg.Client | undefined;
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;

  private constructor(
    private readonly url: string | undefined,
    private readonly logger: Logger,
  ) {}

  /** Starts listening (when there is a server URL); resolves once the first attempt has succeeded or failed. */
  static async start(url: string | undefined, logger: Logger): Promise<TokenCache> {
    const cache = new TokenCache(url, logger);
    if (url) await cache.listen();
    return cache;
  }

  get generation(): number {
    return this.current;
  }

  get active(): boolean {
    return this.listening;
  }

  get(secretHash: string): TokenGrant | undefined {
    if (!this.listening) return undefined;
    const entry = this.entries.get(secretHash);
    if (entry && Date.now() - entry.rememberedAt > MAX_AGE_MS) {
      this.entries.delete(secretHash);
      return undefined;
    }
    return entry;
  }

  remember(secretHash: string, grant: TokenGrant, generation: number): void {
    if (!this.listening || generation !== this.current) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(secretHash, { ...grant, rememberedAt: Date.now() });
  }

  /** A token changed in this process and committed: forget everything now (every process also hears the notification). */
  changed(): void {
    this.current++;
    this.entries.clear();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.forget();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private forget(): void {
    this.listening = false;
    this.current++;
    this.entries.clear();
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    this.client = client;
    const lost = (reason: unknown) => {
      if (this.client !== client) return;
      this.client = undefined;
      this.forget();
      client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn({ err: reason }, 'token change listener lost; looking tokens up on every request until it is back');
      this.retry = setTimeout(() => void this.listen(), RECONNECT_MS);
      this.retry.unref();
    };
    client.on('error', lost);
    client.on('end', () => lost(new Error('connection ended')));
    client.on('notification', () => {
      this.current++;
      this.entries.clear();
    });
    try {
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
      if (this.client === client && !this.stopped) {
        this.current++;
        this.listening = true;
      }
    } catch (err) {
      lost(err);
    }
  }
}
