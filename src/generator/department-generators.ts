import { biddingGenerators } from '../entities/departments/bidding/generator.js';
import { biddingManifest } from '../entities/departments/bidding/manifest.js';
import { drugGenerators } from '../entities/departments/drug/generator.js';
import { drugManifest } from '../entities/departments/drug/manifest.js';
import { emissionGenerators } from '../entities/departments/emission/generator.js';
import { emissionManifest } from '../entities/departments/emission/manifest.js';
import { housingGenerators } from '../entities/departments/housing/generator.js';
import { housingManifest } from '../entities/departments/housing/manifest.js';
import { landGenerators } from '../entities/departments/land/generator.js';
import { landManifest } from '../entities/departments/land/manifest.js';
import { miningGenerators } from '../entities/departments/mining/generator.js';
import { miningManifest } from '../entities/departments/mining/manifest.js';
import { procurementGenerators } from '../entities/departments/procurement/generator.js';
import { procurementManifest } from '../entities/departments/procurement/manifest.js';
import { propertyGenerators } from '../entities/departments/property/generator.js';
import { propertyManifest } from '../entities/departments/property/manifest.js';
import type { DomainCode } from '../entities/departments/manifests.js';
import type { CategoryGenerator } from './category-generator.js';

/**
 * Each department's generators (its generator.ts, beside its manifest), keyed by its manifest's
 * domain, then by category code. A department is listed here once; a new category is a new key in
 * its own generator.ts, which tests/departments/manifests.test.ts holds to its manifest.
 */
export const categoryGenerators: Readonly<Record<DomainCode, Readonly<Record<string, CategoryGenerator>>>> = {
  [housingManifest.domain]: housingGenerators,
  [landManifest.domain]: landGenerators,
  [miningManifest.domain]: miningGenerators,
  [procurementManifest.domain]: procurementGenerators,
  [propertyManifest.domain]: propertyGenerators,
  [biddingManifest.domain]: biddingGenerators,
  [drugManifest.domain]: drugGenerators,
  [emissionManifest.domain]: emissionGenerators,
};
