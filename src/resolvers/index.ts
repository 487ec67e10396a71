import { auditResolvers } from './audit/audit.resolver.js';
import { accessResolvers } from './access/token.resolver.js';
import { biddingResolvers } from './bidding/index.js';
import { calendarResolvers } from './calendar/index.js';
import { coreResolvers } from './core/index.js';
import { creditResolvers } from './credit/index.js';
import { disclosureResolvers } from './disclosure/index.js';
import { drugResolvers } from './drug/index.js';
import { emissionResolvers } from './emission/index.js';
import { housingResolvers } from './housing/index.js';
import { importResolvers } from './import/index.js';
import { landResolvers } from './land/index.js';
import { miningResolvers } from './mining/index.js';
import { oversightResolvers } from './oversight/index.js';
import { publishingResolvers } from './publishing/index.js';
import { propertyResolvers } from './property/index.js';
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
