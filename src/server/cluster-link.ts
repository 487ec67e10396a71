import type { Worker } from 'node:cluster';
import { createHash } from 'node:crypto';
import { AggregatorRegistry, Counter, Gauge, Registry, type PrometheusContentType } from 'prom-client';
import type { Config } from '../config.js';
import { DEFAULT_RATE_LIMITS, RateLimiter, type ClientRateLimiter, type RateRefusal } from './rate-limit.js';

/**
 * What `serve --workers N` must count across its workers, counted once, in the
 * primary: the rate limits (a client's requests reach whichever worker the
 * connection landed on, so N limiters would allow N times the limit) and the
 * metrics (one scrape must see every worker's requests, not one worker's).
 * Workers ask over the cluster's IPC channel; the primary answers.
 */

/** A worker's question to the primary. Tokens travel hashed: a secret never leaves the worker that read it. */
type LinkRequest =
  | { gongkai: 'rate-admit'; id: number; address: string; token?: string }
  | { gongkai: 'rate-accepted'; token: string; role: string }
  | { gongkai: 'rate-refused'; address: string; token: string }
  | { gongkai: 'metrics'; id: number };

/** The primary's answer to a request with an id. */
interface LinkReply {
  gongkai: 'link-reply';
  id: number;
  refusal?: RateRefusal;
  text?: string;
  error?: string;
}

/** Scrapes this close together get the same gathering of every worker's metrics. */
const SCRAPE_REUSE_MS = 1_000;

/** A worker that asks this long without an answer goes on without it (the primary is stopping, or stuck). */
const ANSWER_WITHIN_MS = 2_000;

function hashToken(authorization: string): string {
  return createHash('sha256').update(authorization).digest('base64url');
}

/** A worker's side: a rate limiter and a metrics scrape that ask the primary. */
export class PrimaryLink {
  private nextId = 0;
  private readonly waiting = new Map<number, (reply: LinkReply | undefined) => void>();

  constructor() {
    process.on('message', (message: unknown) => {
      const reply = message as LinkReply | undefined;
      if (reply?.gongkai !== 'link-reply') return;
      this.waiting.get(reply.id)?.(reply);
    });
    // prom-client answers the primary's metrics requests only once its cluster listener is installed, which its constructor does.
    new AggregatorRegistry();
  }

  /** Counts this worker's metrics in the primary's cluster-wide scrape. */
  shareMetrics(registry: Registry): void {
    AggregatorRegistry.setRegistries([registry]);
  }

  /** Every worker's metrics and the primary's own, as Prometheus text. */
  async metrics(): Promise<string> {
    const reply = await this.ask({ gongkai: 'metrics', id: this.nextId++ });
    if (!reply || reply.error !== undefined || reply.text === undefined) throw new Error(`the primary did not give the metrics: ${reply?.error ?? 'no answer'}`);
    return reply.text;
  }

  rateLimiter(): ClientRateLimiter {
    return {
      admit: async (address, authorization) => {
        const reply = await this.ask({ gongkai: 'rate-admit', id: this.nextId++, address, ...(authorization ? { token: hashToken(authorization) } : {}) });
        // No answer: admit (the operation limits still hold) rather than refuse everyone while the primary is away.
        return reply?.refusal;
      },
      accepted: (authorization, role) => this.tell({ gongkai: 'rate-accepted', token: hashToken(authorization), role }),
      refused: (address, authorization) => this.tell({ gongkai: 'rate-refused', address, token: hashToken(authorization) }),
    };
  }

  private tell(message: LinkRequest): void {
    if (process.connected) process.send!(message);
  }

  private ask(message: LinkRequest & { id: number }): Promise<LinkReply | undefined> {
    if (!process.connected) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle(undefined), ANSWER_WITHIN_MS);
      const settle = (reply: LinkReply | undefined) => {
        clearTimeout(timer);
        this.waiting.delete(message.id);
        resolve(reply);
      };
      this.waiting.set(message.id, settle);
      process.send!(message);
    });
  }
}

/** The primary's side: the one rate limiter, the metrics of every worker, and the primary's own (restarts). */
export class LinkServer {
  private readonly limiter: RateLimiter | undefined;
  private readonly aggregator: AggregatorRegistry<PrometheusContentType> | undefined;
  private readonly own = new Registry();
  private gathered: { at: number; text: Promise<string> } | undefined;
  private readonly restarts = new Counter({ name: 'gongkai_worker_restarts_total', help: 'Workers that died and were replaced', registers: [this.own] });

  constructor(config: Pick<Config, 'rateLimits' | 'metrics'>, liveWorkers: () => number) {
    this.limiter = config.rateLimits === null ? undefined : new RateLimiter(config.rateLimits ?? DEFAULT_RATE_LIMITS);
    this.aggregator = config.metrics === false ? undefined : new AggregatorRegistry();
    const limiter = this.limiter;
    new Gauge({
      name: 'gongkai_workers',
      help: 'Workers alive now',
      registers: [this.own],
      collect() {
        this.set(liveWorkers());
      },
    });
    if (limiter) {
      new Gauge({
        name: 'gongkai_rate_limit_clients',
        help: 'Client addresses and tokens the rate limit remembers now',
        registers: [this.own],
        collect() {
          this.set(limiter.size);
        },
      });
    }
  }

  workerReplaced(): void {
    this.restarts.inc();
  }

  /** Answers a worker's message if it is one of the link's; false for any other. */
  handle(worker: Worker, message: unknown): boolean {
    const request = message as LinkRequest | undefined;
    switch (request?.gongkai) {
      case 'rate-admit':
        this.reply(worker, { gongkai: 'link-reply', id: request.id, refusal: this.limiter?.admit(request.address, request.token) });
        return true;
      case 'rate-accepted':
        this.limiter?.accepted(request.token, request.role);
        return true;
      case 'rate-refused':
        this.limiter?.refused(request.address, request.token);
        return true;
      case 'metrics':
        void this.metrics().then(
          (text) => this.reply(worker, { gongkai: 'link-reply', id: request.id, text }),
          (err: unknown) => this.reply(worker, { gongkai: 'link-reply', id: request.id, error: err instanceof Error ? err.message : String(err) }),
        );
        return true;
      default:
        return false;
    }
  }

  /**
   * Every scrape asks every worker, and /metrics is not rate limited: scrapes within
   * a second share one gathering, so a flood of them costs the workers one each second.
   */
  private metrics(): Promise<string> {
    const aggregator = this.aggregator;
    if (!aggregator) return Promise.reject(new Error('metrics are off (GONGKAI_METRICS)'));
    if (this.gathered && Date.now() - this.gathered.at < SCRAPE_REUSE_MS) return this.gathered.text;
    const text = Promise.all([aggregator.clusterMetrics(), this.own.metrics()]).then(([workers, own]) => `${workers.trimEnd()}\n\n${own}`);
    this.gathered = { at: Date.now(), text };
    // A failed gathering is not reused.
    text.catch(() => (this.gathered = undefined));
    return text;
  }

  private reply(worker: Worker, reply: LinkReply): void {
    if (worker.isConnected()) worker.send(reply);
  }
}
