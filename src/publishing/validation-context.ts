import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../access/viewer.js';
import type { ValidationContext } from './index.js';

/** Every credit code a raw record names (parties, and `creditCode` fields anywhere in its details), for loadValidationContext. */
export function collectCreditCodes(raw: unknown): string[] {
  throw new Error(`not implemented yet ${String(raw)}`);
}

/** Loads, in a few statements, what validating any number of records needs. */
export async function loadValidationContext(em: EntityManager, viewer: Viewer, creditCodes: Iterable<string>): Promise<ValidationContext> {
  throw new Error(`not implemented yet ${String(em)} ${String(viewer)} ${String(creditCodes)}`);
}
