/**
 * The hub's published loaders: what a department's resolvers (src/resolvers/departments/<domain>/)
 * may take from the hub and from credit, beside the types of src/entities/hub/published.ts. A nested
 * value of a department that holds a credit code (a bid candidate) resolves its subject with
 * subjectByCode, batched with every other subject of the request.
 */
export { subjectByCode } from '../credit/loaders.js';
