import type { EntityClass } from '@mikro-orm/core';
import type { CategoryDefinition } from '../../hub/category-registry.js';
import { explorationRightNotice, ExplorationRightNotice } from './exploration-notice.entity.js';
import { miningRightApproval, MiningRightApproval } from './mining-approval.entity.js';
import { miningRightDeal, MiningRightDeal } from './mining-deal.entity.js';
import { miningRightNotice, MiningRightNotice } from './mining-notice.entity.js';

/** 矿业权出让 (MINING_RIGHTS): its categories' typed details. */
export const miningEntities: EntityClass<object>[] = [
  MiningRightNotice,
  ExplorationRightNotice,
  MiningRightDeal,
  MiningRightApproval,
];

export const miningCategories: CategoryDefinition[] = [
  miningRightNotice,
  explorationRightNotice,
  miningRightDeal,
  miningRightApproval,
];
