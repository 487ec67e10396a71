import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Context } from '../kernel/context.js';
import { LIMIT_NAMES } from './limits/limits.js';
import { UNAVAILABLE_CODE } from './unavailable.js';

/** What one request turned out to be, filled in as it is answered and counted when it ends. */
export interface RequestRecord {
  /** The GraphQL operation's name as a label ("(anonymous)", "(unknown)" before it is known). */
  operation?: string;
  /** `ok`, or the first error's code (INTERNAL_SERVER_ERROR or SERVICE_UNAVAILABLE before any other). */
  outcome?: string;
  /** The operation limits that refused it (OPERATION_LIMIT's `extensions.limit`). */
  limits?: string[];
  /** Refused by the rate limit, counted by address or by token. */
  rateLimited?: 'address' | 'token';
}

const ANONYMOUS_OPERATION = '(anonymous)';
const UNKNOWN_OPERATION = '(unknown)';
/** Operation names are the client's text: the first this many distinct ones get their own series, the rest share "(other)". */
const MAX_OPERATION_NAMES = 100;
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** The pool knex keeps (tarn.js); read when scraped, since the database reopens its pool once requests are limited. */
interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
}

/**
 * This app's metrics, in a registry of its own (several apps in one process
 * keep theirs apart), served as Prometheus text at GET /metrics.
 */
export class Metrics {
  readonly registry = new Registry();
  /** A scrape's text: this registry's, or in a worker every worker's, gathered by the primary (cluster-link.ts). */
  scrape: () => Promise<string> = () => this.registry.metrics();
  private readonly names = new Set<string>();
  /** Keyed by the request's EntityManager fork: Apollo hands plugins a copy of the context, whose fork is the request's own. */
  private readonly responses = new WeakMap<object, { operationName: string | null | undefined; response: GraphQLResponse }>();

  private readonly httpRequests = new Counter({ name: 'gongkai_http_requests_total', help: 'HTTP requests answered, by route and status', labelNames: ['route', 'status'] as const, registers: [this.registry] });
  private readonly httpSeconds = new Histogram({ name: 'gongkai_http_request_duration_seconds', help: 'Time to answer an HTTP request, by route', labelNames: ['route'] as const, buckets: SECONDS, registers: [this.registry] });
  private readonly operations = new Counter({ name: 'gongkai_graphql_requests_total', help: 'GraphQL requests, by operation name and outcome (ok or the error code)', labelNames: ['operation', 'outcome'] as const, registers: [this.registry] });
  private readonly operationSeconds = new Histogram({ name: 'gongkai_graphql_request_duration_seconds', help: 'Time to answer a GraphQL request, by operation name', labelNames: ['operation'] as const, buckets: SECONDS, registers: [this.registry] });
  private readonly limitRefusals = new Counter({ name: 'gongkai_operation_limit_refusals_total', help: 'Operations refused by an operation limit (OPERATION_LIMIT), by limit', labelNames: ['limit'] as const, registers: [this.registry] });
  private readonly unavailable = new Counter({ name: 'gongkai_database_unavailable_total', help: 'Requests answered 503 SERVICE_UNAVAILABLE because the database could not answer', registers: [this.registry] });
  private readonly rateLimited = new Counter({ name: 'gongkai_rate_limited_total', help: 'Requests refused 429 RATE_LIMITED, by what they were counted under', labelNames: ['by'] as const, registers: [this.registry] });

  constructor(orm: MikroORM, rateLimitClients?: () => number) {
    collectDefaultMetrics({ register: this.registry });
    const pool = () => {
      try {
        return orm.em.getConnection().getKnex().client.pool as TarnPool | undefined;
      } catch {
        return undefined;
      }
    };
    const gauge = (name: string, help: string, read: (pool: TarnPool) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          const current = pool();
          this.set(current ? read(current) : 0);
        },
      });
    gauge('gongkai_db_pool_used', 'Database connections handed to a request now', (p) => p.numUsed());
    gauge('gongkai_db_pool_free', 'Database connections open and idle now', (p) => p.numFree());
    gauge('gongkai_db_pool_pending_acquires', 'Requests waiting for a database connection now', (p) => p.numPendingAcquires());
    gauge('gongkai_db_pool_pending_creates', 'Database connections being opened now', (p) => p.numPendingCreates());
    if (rateLimitClients) {
      new Gauge({
        name: 'gongkai_rate_limit_clients',
        help: 'Client addresses and tokens the rate limit remembers now',
        registers: [this.registry],
        collect() {
          this.set(rateLimitClients());
        },
      });
    }
  }

  /** Notes which operation Apollo ran and what it answered, for `readResult` once the answer is made. */
  plugin(): ApolloServerPlugin<Context> {
    return {
      requestDidStart: async () => ({
        willSendResponse: async ({ contextValue, operationName, request, response }) => {
          // The name asked for, else the document's (null: it has none).
          this.responses.set(contextValue.em, { operationName: request.operationName ?? operationName, response });
        },
      }),
    };
  }

  /** Fills `record` from what Apollo answered for the request with this fork (from its status when Apollo ran nothing). */
  readResult(em: object, status: number, record: RequestRecord): void {
    const seen = this.responses.get(em);
    if (!seen) {
      record.outcome ??= status >= 500 ? 'INTERNAL_SERVER_ERROR' : status >= 400 ? 'BAD_REQUEST' : 'ok';
      return;
    }
    record.operation = seen.operationName === null ? ANONYMOUS_OPERATION : (seen.operationName ?? record.operation);
    const errors = seen.response.body.kind === 'single' ? seen.response.body.singleResult.errors : undefined;
    const codes = (errors ?? []).map((error) => (typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR'));
    record.outcome = codes.find((code) => code === 'INTERNAL_SERVER_ERROR') ?? codes.find((code) => code === UNAVAILABLE_CODE) ?? codes[0] ?? 'ok';
    for (const error of errors ?? []) {
      if (error.extensions?.code === 'OPERATION_LIMIT') (record.limits ??= []).push(String(error.extensions.limit));
    }
  }

  /** Counts a request that has been answered. */
  observe(pathname: string, status: number, seconds: number, record: RequestRecord): void {
    const route = routeLabel(pathname);
    this.httpRequests.inc({ route, status: String(status) });
    this.httpSeconds.observe({ route }, seconds);
    if (record.outcome === UNAVAILABLE_CODE) this.unavailable.inc();
    if (record.rateLimited) this.rateLimited.inc({ by: record.rateLimited });
    for (const limit of record.limits ?? []) this.limitRefusals.inc({ limit: (LIMIT_NAMES as readonly string[]).includes(limit) ? limit : 'other' });
    if (route !== 'graphql' || !record.outcome) return;
    const operation = this.operationLabel(record.operation);
    this.operations.inc({ operation, outcome: /^[A-Z][A-Z_]{0,39}$/.test(record.outcome) || record.outcome === 'ok' ? record.outcome : 'other' });
    this.operationSeconds.observe({ operation }, seconds);
  }

  private operationLabel(name: string | undefined): string {
    if (name === undefined) return UNKNOWN_OPERATION;
    if (name === ANONYMOUS_OPERATION || name === UNKNOWN_OPERATION) return name;
    // A GraphQL name, or the client sent something else as operationName.
    if (!/^[_A-Za-z][_0-9A-Za-z]*$/.test(name)) return '(invalid)';
    const label = name.slice(0, 64);
    if (this.names.has(label)) return label;
    if (this.names.size >= MAX_OPERATION_NAMES) return '(other)';
    this.names.add(label);
    return label;
  }
}

function routeLabel(pathname: string): string {
  if (pathname === '/graphql' || pathname === '/healthz' || pathname === '/readyz' || pathname === '/metrics') return pathname.slice(1);
  if (pathname.startsWith('/reports/')) return 'reports';
  return 'other';
}
