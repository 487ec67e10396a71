import { RequestMutationsResolver } from './request-mutations.resolver.js';
import { DepartmentRequestsResolver, DisclosureRequestResolver } from './request.resolver.js';

export const requestResolvers = [DisclosureRequestResolver, DepartmentRequestsResolver, RequestMutationsResolver] as const;
