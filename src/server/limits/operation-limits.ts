import type { ApolloServerPlugin } from '@apollo/server';
import { getOperationAST, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Context } from '../../kernel/context.js';
import { OperationLimitError } from '../../kernel/errors.js';
import { DEFAULT_LIMITS, largest, type LimitRole, type Limits, type LimitsByRole } from './limits.js';
import { countTokens, measureOperation, type Measures } from './measure.js';

/** Introspection may list types, then their fields, and no deeper (`fields { type { fields { type …`). */
const INTROSPECTION_LISTS = 2;

/** A query document measured once: its tokens, and per operation, the measures that do not depend on variables. */
interface Measured {
  tokens: number;
  document: DocumentNode | null;
  operations: Map<string | undefined, Measures>;
}

/** The request fields the limits read (a POST body or a GET's parameters). */
export interface OperationRequest {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  /** A persisted query's hash (`persistedQuery.sha256Hash`), for the trusted documents. */
  extensions?: unknown;
}

/** Parsed query texts kept, so a query asked again is not parsed again before Apollo's own parse. */
const CACHED_QUERIES = 1_000;
/** Longer texts are measured every time rather than kept. */
const CACHED_QUERY_LENGTH = 16 * 1024;

/**
 * Operation limits per role (limits.ts), checked twice: `admit` before Apollo
 * parses and validates a query text (validating a hostile 10,000-token document
 * takes graphql-js most of a second), and the plugin's didResolveOperation for
 * every document Apollo runs, persisted queries included. The plugin also arms
 * the request's time and answer-size budget.
 */
export class OperationLimits {
  /** Parse options for Apollo: no role may send more tokens than this. */
  readonly parseOptions: { maxTokens: number };
  private readonly texts = new Map<string, Measured>();
  private readonly documents = new WeakMap<DocumentNode, Measured>();

  constructor(
    private readonly schema: GraphQLSchema,
    readonly byRole: LimitsByRole = DEFAULT_LIMITS,
  ) {
    this.parseOptions = { maxTokens: largest(byRole, 'tokens') };
  }

  for(role: string): Limits {
    return this.byRole[role as LimitRole] ?? this.byRole.PUBLIC;
  }

  /** Throws OperationLimitError when the request's query is over the role's limits; anything malformed is left to Apollo. */
  admit(request: OperationRequest, role: string): void {
    if (typeof request.query !== 'string') return;
    const limits = this.for(role);
    const measured = this.measureText(request.query, limits);
    refuseOver('tokens', limits, measured.tokens);
    if (!measured.document) return;
    const operationName = typeof request.operationName === 'string' ? request.operationName : undefined;
    const variables = request.variables && typeof request.variables === 'object' ? (request.variables as Record<string, unknown>) : undefined;
    this.check(measured, operationName, variables, limits);
  }

  plugin(): ApolloServerPlugin<Context> {
    return {
      requestDidStart: async ({ contextValue }) => {
        const limits = this.for(contextValue.viewer.role);
        contextValue.budget.arm(limits.timeMs, limits.responseBytes);
        return {
          didResolveOperation: async ({ document, operationName, request }) => {
            let measured = this.documents.get(document);
            if (!measured) {
              const source = document.loc?.source.body;
              measured = { tokens: source ? countTokens(source) : 0, document, operations: new Map() };
              this.documents.set(document, measured);
            }
            refuseOver('tokens', limits, measured.tokens);
            this.check(measured, operationName ?? undefined, request.variables, limits);
          },
          willSendResponse: async () => contextValue.budget.disarm(),
        };
      },
    };
  }

  private measureText(query: string, limits: Limits): Measured {
    const cached = this.texts.get(query);
    if (cached) return cached;
    const tokens = countTokens(query);
    let document: DocumentNode | null = null;
    if (tokens <= limits.tokens) {
      try {
        document = parse(query, this.parseOptions);
      } catch {
        // A syntax error: Apollo reports it.
      }
    }
    const measured: Measured = { tokens, document, operations: new Map() };
    // Only documents some role may run are kept; the rest are refused again from scratch.
    if (document && query.length <= CACHED_QUERY_LENGTH) {
      if (this.texts.size >= CACHED_QUERIES) this.texts.delete(this.texts.keys().next().value!);
      this.texts.set(query, measured);
      this.documents.set(document, measured);
    }
    return measured;
  }

  private check(measured: Measured, operationName: string | undefined, variables: Record<string, unknown> | undefined, limits: Limits): void {
    const operation = getOperationAST(measured.document!, operationName);
    if (!operation) return;
    // Only the cost reads variables (a `first: $n`); an operation without them is measured once.
    let measures = measured.operations.get(operationName);
    if (!measures) {
      measures = measureOperation(this.schema, measured.document!, operation, variables);
      if (!operation.variableDefinitions?.length) measured.operations.set(operationName, measures);
    }
    refuseOver('depth', limits, measures.depth);
    refuseOver('aliases', limits, measures.aliases);
    refuseOver('directives', limits, measures.directives);
    if (measures.introspectionLists > INTROSPECTION_LISTS) {
      throw new OperationLimitError(
        'introspectionLists',
        INTROSPECTION_LISTS,
        measures.introspectionLists,
        `introspection nests ${measures.introspectionLists} lists of types or fields; at most ${INTROSPECTION_LISTS} (types, then their fields) are allowed`,
      );
    }
    refuseOver('cost', limits, measures.cost);
  }
}

const HOW_TO_ASK_LESS: Record<string, string> = {
  tokens: 'send a shorter document (pass values as variables)',
  depth: 'nest fewer fields',
  aliases: 'use fewer aliases, or send several requests',
  directives: 'use fewer directives',
  cost: 'ask for smaller pages (first) or fewer nested lists',
};

function refuseOver(limit: 'tokens' | 'depth' | 'aliases' | 'directives' | 'cost', limits: Limits, measured: number): void {
  const max = limits[limit];
  if (measured > max) {
    throw new OperationLimitError(limit, max, measured, `operation ${limit} is ${measured}, over the limit of ${max}: ${HOW_TO_ASK_LESS[limit]}`);
  }
}
