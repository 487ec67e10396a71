import { coreEntities } from './core/index.js';

/** Every module's entities; a module served alone as a subgraph would list only its own. */
export const allEntities = [...coreEntities];
