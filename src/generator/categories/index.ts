import { biddingGenerators } from './bidding.js';
import { drugGenerators } from './drug.js';
import { emissionGenerators } from './emission.js';
import { housingGenerators } from './housing.js';
import { landGenerators } from './land.js';
import { miningGenerators } from './mining.js';
import { procurementGenerators } from './procurement.js';
import { propertyGenerators } from './property.js';
import type { CategoryGenerator } from './types.js';

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
