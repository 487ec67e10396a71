import type { EntityClass } from '@mikro-orm/core';
import type { CategoryDefinition } from '../../hub/category-registry.js';
import { landTransferDeal, LandTransferDeal } from './land-deal.entity.js';
import { landSupplyPlan, LandSupplyPlan } from './land-supply-plan.entity.js';
import { landTransferNotice, LandTransferNotice } from './land-transfer-notice.entity.js';

/** 国有土地使用权出让 (LAND_TRANSFER): its categories' typed details. */
export const landEntities: EntityClass<object>[] = [LandSupplyPlan, LandTransferNotice, LandTransferDeal];

export const landCategories: CategoryDefinition[] = [landSupplyPlan, landTransferNotice, landTransferDeal];
