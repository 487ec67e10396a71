import { DisclosureQueryResolver } from './disclosure-query.resolver.js';
import { DisclosureResolver } from './disclosure.resolver.js';
import {
  DepartmentDisclosuresResolver,
  RegionDisclosuresResolver,
  SubjectDisclosuresResolver,
} from './nested-disclosures.resolver.js';
import { NodeResolver } from './node.resolver.js';
import { PartyResolver } from './party.resolver.js';

export const disclosureResolvers = [
  DisclosureResolver,
  DisclosureQueryResolver,
  PartyResolver,
  NodeResolver,
  SubjectDisclosuresResolver,
  DepartmentDisclosuresResolver,
  RegionDisclosuresResolver,
] as const;
