import 'reflect-metadata';
import { buildGongkaiSchema } from './build-schema.js';

/**
 * The built schema as a module export, for GraphQL Code Generator (codegen.ts).
 * A promise, not top-level await: the loader require()s this ES module.
 */
export default buildGongkaiSchema();
