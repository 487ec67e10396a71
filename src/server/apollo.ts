import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { Context } from '../kernel/context.js';
import { ClientError, ErrorCode } from '../kernel/errors.js';
import { compiledExecution, type CompileOptions } from './compiled-execution.js';
import { checkBudgetBeforeResolvers } from './limits/budget.js';
import { OperationLimits } from './limits/operation-limits.js';
import type { TrustedDocuments } from './trusted-documents.js';
import { serviceUnavailableStatus, databaseUnavailable, UNAVAILABLE_CODE, UNAVAILABLE_MESSAGE } from './unavailable.js';
import { mutationVariableIssues } from './variable-issues.js';

/**
 * graphql-js's and Apollo's own refusals of a request, raised before any resolver runs (no path): an unreadable or
 * invalid document, a badly typed variable, an unknown persisted query or operation. Ours are classes (ClientError).
 */
const REQUEST_REFUSALS = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Whether a client may see an error as it is. Masking is by class: anything of ours that is not a ClientError
 * (kernel/errors.ts) is our fault, whatever code it claims; graphql-js's and Apollo's refusals of the request itself are
 * known by their code, as they have no class of ours.
 */
export function shownToClient(error: unknown): boolean {
  if (unwrapResolverError(error) instanceof ClientError) return true;
  // A refusal by graphql-js or Apollo: before any resolver ran (no path), with one of their codes.
  if (!(error instanceof GraphQLError) || error.path !== undefined) return false;
  const code = error.extensions?.code;
  return typeof code === 'string' && REQUEST_REFUSALS.has(code);
}

/** Logs server faults with the request id, since the client is only told "internal error". */
const logServerFaults: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ contextValue, errors }) {
        for (const error of errors) {
          if (shownToClient(error)) continue;
          contextValue.logger.error({ err: error.originalError ?? error, path: error.path }, 'resolver failed');
        }
      },
    };
  },
};

export interface ApolloOptions {
  /** Per-role operation limits; the same object's `admit` must run before each request (server/http.ts). */
  limits?: OperationLimits;
  /** Whether `__schema` and `__type` may be asked (GONGKAI_INTROSPECTION); off, error messages suggest no names either. */
  introspection?: boolean;
  /** The manifest's documents (GONGKAI_TRUSTED_DOCUMENTS), which persisted-query requests may name by hash alone. */
  trustedDocuments?: TrustedDocuments;
}

export function createApollo(schema: GraphQLSchema, compile: CompileOptions = {}, options: ApolloOptions = {}): ApolloServer<Context> {
  const limits = options.limits ?? new OperationLimits(schema);
  const introspection = options.introspection ?? true;
  checkBudgetBeforeResolvers(schema);
  return new ApolloServer<Context>({
    gateway: compiledExecution(schema, compile),
    introspection,
    // Automatic persisted queries as Apollo keeps them, with the trusted documents known from the start.
    ...(options.trustedDocuments ? { persistedQueries: { cache: options.trustedDocuments.apqCache() } } : {}),
    // "Did you mean …?" would name the schema's fields and types to a client that may not list them.
    hideSchemaDetailsFromClientErrors: !introspection,
    parseOptions: limits.parseOptions,
    includeStacktraceInErrorResponses: false,
    // Access is by bearer token, which browsers never attach on their own,
    // so cross-site requests cannot act as a user; GET queries stay simple.
    csrfPrevention: false,
    // Cache hints are unused (responses are not cached by Apollo); left on, the plugin
    // wraps every field resolver to collect them, a cost paid on every field of every row.
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      limits.plugin(),
      logServerFaults,
      mutationVariableIssues,
      serviceUnavailableStatus,
    ],
    formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
      // A bad literal (a malformed credit code or date written into the query) fails
      // validation, and Apollo relabels it GRAPHQL_VALIDATION_FAILED; it is bad input all
      // the same, and clients handle it like a bad variable.
      const original = (error as { originalError?: { extensions?: Record<string, unknown> } }).originalError;
      if (formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && original?.extensions?.code === ErrorCode.BAD_USER_INPUT) {
        return withShortQuotes({ ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_USER_INPUT } });
      }
      if (shownToClient(error)) return withShortQuotes(introspection ? formatted : withoutSuggestions(formatted));
      if (databaseUnavailable(error)) {
        return { message: UNAVAILABLE_MESSAGE, locations: formatted.locations, path: formatted.path, extensions: { code: UNAVAILABLE_CODE } };
      }
      // Never leak SQL or internals: the log has the detail, keyed by request id.
      return {
        message: 'Internal server error',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
      };
    },
  });
}

/** A JSON string literal longer than this in a message is cut (issue 19: a 900 KB input echoed back in a refusal). */
const QUOTED_MAX = 100;
const LONG_QUOTE = new RegExp(`"((?:[^"\\\\]|\\\\.){${QUOTED_MAX}})(?:[^"\\\\]|\\\\.)+"`, 'g');

/**
 * graphql-js quotes a bad variable whole (`Variable "$d" got invalid value "…900 KB…"; …`); messages keep the first
 * 100 characters of any quoted value, as the input rules' own messages do.
 */
function withShortQuotes(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (formatted.message.length <= 4 * QUOTED_MAX) return formatted;
  const message = formatted.message.replace(LONG_QUOTE, (_all, head: string) => `"${head}…"`);
  return message === formatted.message ? formatted : { ...formatted, message };
}

/** Apollo's hideSchemaDetailsFromClientErrors strips validation errors' suggestions; variable errors have them too. */
function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = formatted.message.replace(/ ?Did you mean .+\?$/, '');
  return message === formatted.message ? formatted : { ...formatted, message };
}
