import { ComplianceResolver } from './compliance.resolver.js';

/** Oversight (监督检查): compliance figures and rankings. */
export const oversightResolvers = [ComplianceResolver] as const;
