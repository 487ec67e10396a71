import type { EntityClass } from '@mikro-orm/core';
import { defineCategories } from '../../hub/published.js';
import { LandTransferDeal } from './land-deal.entity.js';
import { LandSupplyPlan } from './land-supply-plan.entity.js';
import { LandTransferNotice } from './land-transfer-notice.entity.js';
import { landManifest } from './manifest.js';

/** 国有土地使用权出让 (LAND_TRANSFER): each category of the manifest with the class of its typed details. */
export const landCategories = defineCategories(landManifest, {
  SUPPLY_PLAN: LandSupplyPlan,
  TRANSFER_NOTICE: LandTransferNotice,
  DEAL: LandTransferDeal,
});

/** The tables and types of the module: its categories' typed details. */
export const landEntities: EntityClass<object>[] = landCategories.map((c) => c.details);
