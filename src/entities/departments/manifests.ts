import type { CategoryManifest, DomainManifest } from '../core/domain-manifest.js';
import { biddingManifest } from './bidding/manifest.js';
import { drugManifest } from './drug/manifest.js';
import { emissionManifest } from './emission/manifest.js';
import { housingManifest } from './housing/manifest.js';
import { landManifest } from './land/manifest.js';
import { miningManifest } from './mining/manifest.js';
import { procurementManifest } from './procurement/manifest.js';
import { propertyManifest } from './property/manifest.js';

/**
 * Every department's manifest, in the plan's order (一、（一）1.–8.): the one list of domains. The
 * Domain enum, the catalogue, the demo generator's tables and the report's labels are read from it,
 * so a category is added in its department's manifest alone, and a domain here once.
 */
export const DOMAIN_MANIFESTS = [
  housingManifest,
  landManifest,
  miningManifest,
  procurementManifest,
  propertyManifest,
  biddingManifest,
  drugManifest,
  emissionManifest,
] as const satisfies readonly DomainManifest[];

export type DomainCode = (typeof DOMAIN_MANIFESTS)[number]['domain'];
/** Any domain's category code (APPROVAL, DEAL …); unique only within a domain. */
export type CategoryCode = (typeof DOMAIN_MANIFESTS)[number]['categories'][number]['code'];

/** The domain codes, in the plan's order. */
export const DOMAIN_CODES: readonly DomainCode[] = DOMAIN_MANIFESTS.map((m) => m.domain);

const byDomain = new Map<string, DomainManifest>(DOMAIN_MANIFESTS.map((m) => [m.domain, m]));

export function manifestOf(domain: string): DomainManifest | undefined {
  return byDomain.get(domain);
}

/** A category's manifest entry, by domain and code. */
export function categoryManifestOf(domain: string, code: string): CategoryManifest | undefined {
  return byDomain.get(domain)?.categories.find((c) => c.code === code);
}
