import type { CategoryGenerator } from '../../../generator/category-generator.js';
import { deal } from './generator/deal.js';
import { supplyPlan } from './generator/supply-plan.js';
import { transferNotice } from './generator/transfer-notice.js';

// Property prices its buildings and land by the same tiers and roads (property/generator/deal.ts).

export const landGenerators: Record<string, CategoryGenerator> = {
  SUPPLY_PLAN: supplyPlan,
  TRANSFER_NOTICE: transferNotice,
  DEAL: deal,
};
