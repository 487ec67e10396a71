import type { EntityClass } from '@mikro-orm/core';
import type { CategoryDefinition } from '../../hub/category-registry.js';
import { housingAllocation, HousingAllocation } from './housing-allocation.entity.js';
import { housingAnnualPlan, HousingAnnualPlan } from './housing-annual-plan.entity.js';
import { housingPlanProgress, HousingPlanProgress } from './housing-plan-progress.entity.js';
import { housingScheme, HousingScheme } from './housing-scheme.entity.js';
import { ruralRenovation, RuralRenovation } from './rural-renovation.entity.js';

/** 住房保障 (HOUSING): its categories' typed details. */
export const housingEntities: EntityClass<object>[] = [
  HousingScheme,
  HousingAnnualPlan,
  HousingPlanProgress,
  RuralRenovation,
  HousingAllocation,
];

export const housingCategories: CategoryDefinition[] = [
  housingScheme,
  housingAnnualPlan,
  housingPlanProgress,
  ruralRenovation,
  housingAllocation,
];
