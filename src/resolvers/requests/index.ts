import { DepartmentRequestsResolver, DisclosureRequestResolver } from './request.resolver.js';

export const requestResolvers = [DisclosureRequestResolver, DepartmentRequestsResolver] as const;
