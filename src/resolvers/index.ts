import { coreResolvers } from './core/index.js';

/** Every module's resolvers; the one schema is built from all of them. */
export const allResolvers = [...coreResolvers] as const;
