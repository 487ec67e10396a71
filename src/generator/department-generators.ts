import { biddingGenerators } from '../entities/departments/bidding/generator.js';
import { drugGenerators } from '../entities/departments/drug/generator.js';
import { emissionGenerators } from '../entities/departments/emission/generator.js';
import { housingGenerators } from '../entities/departments/housing/generator.js';
import { landGenerators } from '../entities/departments/land/generator.js';
import { miningGenerators } from '../entities/departments/mining/generator.js';
import { procurementGenerators } from '../entities/departments/procurement/generator.js';
import { propertyGenerators } from '../entities/departments/property/generator.js';
import type { CategoryGenerator } from './category-generator.js';

/** Generators by domain, then category code: one module file per department's domain. */
export const categoryGenerators: Record<string, Record<string, CategoryGenerator>> = {
  HOUSING: housingGenerators,
  LAND_TRANSFER: landGenerators,
  MINING_RIGHTS: miningGenerators,
  GOVERNMENT_PROCUREMENT: procurementGenerators,
  STATE_PROPERTY_RIGHTS: propertyGenerators,
  CONSTRUCTION_BIDDING: biddingGenerators,
  DRUG_PROCUREMENT: drugGenerators,
  EMISSION_RIGHTS: emissionGenerators,
};
