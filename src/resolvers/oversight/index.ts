import { ComplianceResolver, ComplianceScopeResolver } from './compliance.resolver.js';

/** Oversight (监督检查): compliance figures and rankings. */
export const oversightResolvers = [ComplianceResolver, ComplianceScopeResolver] as const;
