import type { CategoryGenerator } from '../../../generator/category-generator.js';
import { allocation } from './generator/allocation.js';
import { annualPlan } from './generator/annual-plan.js';
import { planProgress } from './generator/plan-progress.js';
import { ruralRenovation } from './generator/rural-renovation.js';
import { scheme } from './generator/scheme.js';

// Emission's titles name places as housing's do (emission/generator.ts).

export const housingGenerators: Record<string, CategoryGenerator> = {
  SCHEME: scheme,
  ANNUAL_PLAN: annualPlan,
  PLAN_PROGRESS: planProgress,
  RURAL_RENOVATION: ruralRenovation,
  ALLOCATION: allocation,
};
