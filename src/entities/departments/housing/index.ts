import type { EntityClass } from '@mikro-orm/core';
import { defineCategories } from '../../hub/published.js';
import { HousingAllocation } from './housing-allocation.entity.js';
import { HousingAnnualPlan } from './housing-annual-plan.entity.js';
import { HousingPlanProgress } from './housing-plan-progress.entity.js';
import { HousingScheme } from './housing-scheme.entity.js';
import { RuralRenovation } from './rural-renovation.entity.js';
import { housingManifest } from './manifest.js';

/** 住房保障 (HOUSING): each category of the manifest with the class of its typed details. */
export const housingCategories = defineCategories(housingManifest, {
  SCHEME: HousingScheme,
  ANNUAL_PLAN: HousingAnnualPlan,
  PLAN_PROGRESS: HousingPlanProgress,
  RURAL_RENOVATION: RuralRenovation,
  ALLOCATION: HousingAllocation,
});

/** The tables and types of the module: its categories' typed details. */
export const housingEntities: EntityClass<object>[] = housingCategories.map((c) => c.details);
