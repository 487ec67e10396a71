import { ImportResolver } from './import.resolver.js';

export const importResolvers = [ImportResolver] as const;
