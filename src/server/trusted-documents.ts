import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ApolloServerOptions } from '@apollo/server';
import { parse, validate, type GraphQLError, type GraphQLSchema } from 'graphql';
import { ConfigError } from '../config.js';
import type { Context } from '../kernel/context.js';
import { PersistedQueryNotInListError } from '../kernel/errors.js';

type ApqCache = NonNullable<Exclude<ApolloServerOptions<Context>['persistedQueries'], false | undefined>['cache']>;

/** The request fields read here (a POST body or a GET's parameters). */
export interface TrustedRequest {
  query?: unknown;
  extensions?: unknown;
}

/** Apollo prefixes the keys of its persisted-query cache (requestPipeline.ts, APQ_CACHE_PREFIX). */
const APQ_PREFIX = 'apq:';
/** Queries that token holders register by APQ in trusted mode, kept beside the manifest (the oldest dropped first). */
const REGISTERED_QUERIES = 1_000;

/**
 * An anonymous client may run only what the manifest lists (GONGKAI_TRUSTED_DOCUMENTS): by hash alone (an APQ request
 * without the text, which the persisted-query cache answers from the manifest) or by a text whose SHA-256 is listed.
 * Token holders may still send any operation. The manifest is Apollo's persisted query list
 * (`{ "format": "apollo-persisted-query-manifest", "version": 1, "operations": [{ id, name, type, body }] }`), or a
 * plain object of `{ "<sha256 hex>": "query …" }`; `scripts/trusted-documents.mjs` writes one from examples/.
 */
export class TrustedDocuments {
  /** Text by id, and by the SHA-256 of the text where that differs (a manifest may use its own ids). */
  private readonly byHash = new Map<string, string>();

  constructor(bodies: Iterable<[id: string, body: string]>) {
    for (const [id, body] of bodies) {
      this.byHash.set(id, body);
      this.byHash.set(sha256(body), body);
    }
  }

  get size(): number {
    return new Set(this.byHash.values()).size;
  }

  /** Throws PERSISTED_QUERY_NOT_IN_LIST (HTTP 400) unless an anonymous request asks for a listed document. */
  admit(request: TrustedRequest, anonymous: boolean): void {
    if (!anonymous) return;
    const hash = persistedQueryHash(request.extensions);
    if (typeof request.query === 'string' ? this.byHash.has(sha256(request.query)) : hash !== undefined && this.byHash.has(hash)) return;
    throw new PersistedQueryNotInListError(
      'only the operations of this server\'s trusted documents may be run without a token: send a listed document\'s hash as extensions.persistedQuery.sha256Hash',
    );
  }

  /** Apollo's persisted-query cache: the manifest's documents, then what token holders register as usual. */
  apqCache(): ApqCache {
    const registered = new Map<string, string>();
    const unprefixed = (key: string) => (key.startsWith(APQ_PREFIX) ? key.slice(APQ_PREFIX.length) : key);
    return {
      get: async (key) => this.byHash.get(unprefixed(key)) ?? registered.get(unprefixed(key)),
      set: async (key, value) => {
        if (this.byHash.has(unprefixed(key))) return;
        if (registered.size >= REGISTERED_QUERIES) registered.delete(registered.keys().next().value!);
        registered.set(unprefixed(key), value);
      },
      delete: async (key) => registered.delete(unprefixed(key)),
    };
  }
}

/**
 * Reads and checks the manifest at start: every document must parse and validate against the schema, so a stale
 * manifest stops the server with a one-line reason rather than refusing clients later.
 */
export function loadTrustedDocuments(file: string, schema: GraphQLSchema): TrustedDocuments {
  const what = `GONGKAI_TRUSTED_DOCUMENTS (${file})`;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${what} cannot be read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    throw new ConfigError(`${what} is not JSON`);
  }
  const bodies = manifestBodies(manifest, what);
  for (const [id, body] of bodies) {
    let errors: readonly GraphQLError[];
    try {
      errors = validate(schema, parse(body));
    } catch (err) {
      throw new ConfigError(`${what}: document ${id} does not parse: ${oneLine((err as Error).message)}`);
    }
    if (errors.length) throw new ConfigError(`${what}: document ${id} is not valid against the schema: ${oneLine(errors[0]!.message)}`);
  }
  return new TrustedDocuments(bodies);
}

function manifestBodies(manifest: unknown, what: string): [string, string][] {
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    throw new ConfigError(`${what} must be a JSON object: Apollo's persisted query manifest, or { "<sha256>": "query …" }`);
  }
  const record = manifest as Record<string, unknown>;
  if (record.format === undefined) {
    return Object.entries(record).map(([id, body]) => {
      if (typeof body !== 'string') throw new ConfigError(`${what}: the document of ${id} must be a string`);
      return [id, body];
    });
  }
  if (record.format !== 'apollo-persisted-query-manifest' || record.version !== 1 || !Array.isArray(record.operations)) {
    throw new ConfigError(`${what} must have format "apollo-persisted-query-manifest", version 1 and a list of operations`);
  }
  return record.operations.map((operation: unknown, i) => {
    const { id, body } = (operation ?? {}) as { id?: unknown; body?: unknown };
    if (typeof id !== 'string' || !id || typeof body !== 'string') throw new ConfigError(`${what}: operations[${i}] needs an id and a body (strings)`);
    return [id, body];
  });
}

function persistedQueryHash(extensions: unknown): string | undefined {
  const hash = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | null | undefined)?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' ? hash : undefined;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function oneLine(message: string): string {
  return message.replace(/\s+/g, ' ').trim();
}
