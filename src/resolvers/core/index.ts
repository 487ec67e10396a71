import { CatalogueMutationsResolver } from './catalogue-mutations.resolver.js';
import { CatalogueResolver } from './catalogue.resolver.js';
import { DepartmentMutationsResolver } from './department-mutations.resolver.js';
import { DepartmentResolver } from './department.resolver.js';
import { RegionResolver } from './region.resolver.js';
import { ResponsibilityResolver } from './responsibility.resolver.js';

export const coreResolvers = [
  RegionResolver,
  DepartmentResolver,
  ResponsibilityResolver,
  CatalogueResolver,
  CatalogueMutationsResolver,
  DepartmentMutationsResolver,
] as const;
