import { ImportResolver } from './import/import.resolver.js';
import { DisclosureQueryResolver } from './disclosure-query.resolver.js';
import { DisclosureResolver } from './disclosure.resolver.js';
import {
  DepartmentDisclosuresResolver,
  RegionDisclosuresResolver,
  SubjectDisclosuresResolver,
} from './nested-disclosures.resolver.js';
import { NodeResolver } from './node.resolver.js';
import { PartyResolver } from './party.resolver.js';
import { PublishingResolver } from './publishing/publishing.resolver.js';

export const disclosureResolvers = [
  DisclosureResolver,
  DisclosureQueryResolver,
  PartyResolver,
  NodeResolver,
  SubjectDisclosuresResolver,
  DepartmentDisclosuresResolver,
  RegionDisclosuresResolver,
] as const;

/** 公开、变更、撤回: the write path for records. */
export const publishingResolvers = [PublishingResolver] as const;

/** Bulk import of records (CSV, NDJSON). */
export const importResolvers = [ImportResolver] as const;
