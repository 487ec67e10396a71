import type { CategoryGenerator } from '../../../generator/category-generator.js';
import { approval } from './generator/approval.js';
import { deal } from './generator/deal.js';
import { explorationNotice } from './generator/exploration-notice.js';
import { miningNotice } from './generator/mining-notice.js';

export const miningGenerators: Record<string, CategoryGenerator> = {
  MINING_NOTICE: miningNotice,
  EXPLORATION_NOTICE: explorationNotice,
  DEAL: deal,
  APPROVAL: approval,
};
