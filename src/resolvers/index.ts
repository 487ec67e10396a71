import { auditResolvers } from './audit/audit.resolver.js';
import { accessResolvers } from './access/token.resolver.js';
import { biddingResolvers } from './departments/bidding/index.js';
import { calendarResolvers } from './calendar/index.js';
import { coreResolvers } from './core/index.js';
import { creditResolvers } from './credit/index.js';
import { disclosureResolvers, importResolvers, publishingResolvers } from './hub/index.js';
import { drugResolvers } from './departments/drug/index.js';
import { emissionResolvers } from './departments/emission/index.js';
import { housingResolvers } from './departments/housing/index.js';
import { landResolvers } from './departments/land/index.js';
import { miningResolvers } from './departments/mining/index.js';
import { oversightResolvers } from './oversight/index.js';
import { procurementResolvers } from './departments/procurement/index.js';
import { propertyResolvers } from './departments/property/index.js';
import { requestResolvers } from './requests/index.js';

/** Every module's resolvers; the one schema is built from all of them. */
export const allResolvers = [
  ...coreResolvers,
  ...calendarResolvers,
  ...creditResolvers,
  ...disclosureResolvers,
  ...housingResolvers,
  ...landResolvers,
  ...miningResolvers,
  ...procurementResolvers,
  ...propertyResolvers,
  ...biddingResolvers,
  ...drugResolvers,
  ...emissionResolvers,
  ...requestResolvers,
  ...oversightResolvers,
  ...auditResolvers,
  ...accessResolvers,
  ...publishingResolvers,
  ...importResolvers,
] as const;
