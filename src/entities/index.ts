import { Area } from './common/area.js';
import { auditEntities } from './audit/index.js';
import { calendarEntities } from './calendar/index.js';
import { coreEntities } from './core/index.js';
import { creditEntities } from './credit/index.js';
import { registerCategories, type CategoryDefinition } from './disclosure/category-registry.js';
import { disclosureEntities } from './disclosure/index.js';
import { biddingCategories, biddingEntities } from './bidding/index.js';
import { drugCategories, drugEntities } from './drug/index.js';
import { emissionCategories, emissionEntities } from './emission/index.js';
import { housingCategories, housingEntities } from './housing/index.js';
import { landCategories, landEntities } from './land/index.js';
import { miningCategories, miningEntities } from './mining/index.js';
import { procurementCategories, procurementEntities } from './procurement/index.js';
import { propertyCategories, propertyEntities } from './property/index.js';
import { requestEntities } from './requests/index.js';

/**
 * Every module's entities and categories, in the plan's domain order. A
 * module served alone as a federation subgraph would list only its own
 * (plus the keys it refers to).
 */
export const allEntities = [
  ...coreEntities,
  ...calendarEntities,
  ...creditEntities,
  ...disclosureEntities,
  Area,
  ...housingEntities,
  ...landEntities,
  ...miningEntities,
  ...procurementEntities,
  ...propertyEntities,
  ...biddingEntities,
  ...drugEntities,
  ...emissionEntities,
  ...requestEntities,
  ...auditEntities,
];

export const allCategories: readonly CategoryDefinition[] = [
  ...housingCategories,
  ...landCategories,
  ...miningCategories,
  ...procurementCategories,
  ...propertyCategories,
  ...biddingCategories,
  ...drugCategories,
  ...emissionCategories,
];

registerCategories(allCategories);
