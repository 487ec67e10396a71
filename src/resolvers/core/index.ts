import { DepartmentResolver } from './department.resolver.js';
import { RegionResolver } from './region.resolver.js';

export const coreResolvers = [RegionResolver, DepartmentResolver] as const;
