import { biddingResolvers } from './bidding/index.js';
import { coreResolvers } from './core/index.js';
import { creditResolvers } from './credit/index.js';
import { disclosureResolvers } from './disclosure/index.js';
import { drugResolvers } from './drug/index.js';
import { emissionResolvers } from './emission/index.js';
import { housingResolvers } from './housing/index.js';
import { landResolvers } from './land/index.js';
import { miningResolvers } from './mining/index.js';
import { oversightResolvers } from './oversight/index.js';
import { propertyResolvers } from './property/index.js';

/** Every module's resolvers; the one schema is built from all of them. */
export const allResolvers = [
  ...coreResolvers,
  ...creditResolvers,
  ...disclosureResolvers,
  ...housingResolvers,
  ...landResolvers,
  ...miningResolvers,
  ...propertyResolvers,
  ...biddingResolvers,
  ...drugResolvers,
  ...emissionResolvers,
  ...oversightResolvers,
] as const;
