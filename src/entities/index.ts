import { Area } from '../kernel/values/area.js';
import { accessEntities } from './access/index.js';
import { auditEntities } from './audit/index.js';
import { calendarEntities } from './calendar/index.js';
import { coreEntities } from './core/index.js';
import { creditEntities } from './credit/index.js';
import { registerCategories, type CategoryDefinition } from './hub/category-registry.js';
import { disclosureEntities } from './hub/index.js';
import { biddingCategories, biddingEntities } from './departments/bidding/index.js';
import { drugCategories, drugEntities } from './departments/drug/index.js';
import { emissionCategories, emissionEntities } from './departments/emission/index.js';
import { housingCategories, housingEntities } from './departments/housing/index.js';
import { landCategories, landEntities } from './departments/land/index.js';
import { miningCategories, miningEntities } from './departments/mining/index.js';
import { procurementCategories, procurementEntities } from './departments/procurement/index.js';
import { propertyCategories, propertyEntities } from './departments/property/index.js';
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
  ...accessEntities,
  ...auditEntities,
];

/**
 * Every department's categories, as its index.ts wires its manifest to its classes: the manifests'
 * order, which is the plan's (a department is listed here once; its categories never are).
 */
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
