/**
 * What one request may ask, per role. Everything but `timeMs`, `statementMs` and `responseBytes`
 * is measured on the query document before it is validated or run, so a refused
 * operation costs no SQL. Defaults are in README.md (Operation limits).
 */
export interface Limits {
  /** Nested fields, the root field counting 1 (`ofType` in introspection does not count). */
  depth: number;
  /** Aliased fields, each fragment counted where it is spread. */
  aliases: number;
  /** Directives (`@include`, `@skip` …) anywhere in the operation. */
  directives: number;
  /** Lexical tokens of the whole document (names, punctuation, values; not comments). */
  tokens: number;
  /** Field values the answer may hold at most, lists multiplied by their size (see cost.ts). */
  cost: number;
  /** Bytes of the JSON answer. */
  responseBytes: number;
  /** Milliseconds from the request's arrival; past it no field starts and the request ends. */
  timeMs: number;
  /**
   * The server's statement_timeout for each statement the request sends
   * (db/statement-timeouts.ts). Kept 2 s (the driver's read grace) under timeMs, so a
   * frozen database is answered 503 before the request's time runs out.
   */
  statementMs: number;
}

export type LimitName = keyof Limits;
export const LIMIT_NAMES = ['depth', 'aliases', 'directives', 'tokens', 'cost', 'responseBytes', 'timeMs', 'statementMs'] as const satisfies readonly LimitName[];

/** The roles of access/viewer.ts, spelled out so that reading the configuration loads no schema code. */
export const LIMIT_ROLES = ['PUBLIC', 'PUBLISHER', 'SUPERVISOR', 'ADMIN'] as const;
export type LimitRole = (typeof LIMIT_ROLES)[number];
export type LimitsByRole = Readonly<Record<LimitRole, Readonly<Limits>>>;

const MiB = 1024 * 1024;

/**
 * An anonymous reader gets what every example in README.md and examples/ needs,
 * with room to spare (the most: depth 7, 18 aliases, 617 tokens, cost 22,451 for
 * dashboard/2-counts-by-region's 4 counts per region); a department's token more;
 * the supervisor's office and ADMIN much more.
 */
export const DEFAULT_LIMITS: LimitsByRole = {
  PUBLIC: { depth: 10, aliases: 30, directives: 20, tokens: 2_000, cost: 30_000, responseBytes: 4 * MiB, timeMs: 10_000, statementMs: 5_000 },
  PUBLISHER: { depth: 12, aliases: 60, directives: 50, tokens: 10_000, cost: 50_000, responseBytes: 8 * MiB, timeMs: 30_000, statementMs: 20_000 },
  SUPERVISOR: { depth: 15, aliases: 100, directives: 100, tokens: 10_000, cost: 250_000, responseBytes: 32 * MiB, timeMs: 60_000, statementMs: 45_000 },
  ADMIN: { depth: 15, aliases: 100, directives: 100, tokens: 10_000, cost: 250_000, responseBytes: 32 * MiB, timeMs: 60_000, statementMs: 45_000 },
};

/** The largest value of any role: what the parser must accept at most before a role is applied. */
export function largest(limits: LimitsByRole, name: LimitName): number {
  return Math.max(...LIMIT_ROLES.map((role) => limits[role][name]));
}
