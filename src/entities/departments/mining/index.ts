import type { EntityClass } from '@mikro-orm/core';
import { defineCategories } from '../../hub/published.js';
import { ExplorationRightNotice } from './exploration-notice.entity.js';
import { MiningRightApproval } from './mining-approval.entity.js';
import { MiningRightDeal } from './mining-deal.entity.js';
import { MiningRightNotice } from './mining-notice.entity.js';
import { miningManifest } from './manifest.js';

/** 矿业权出让 (MINING_RIGHTS): each category of the manifest with the class of its typed details. */
export const miningCategories = defineCategories(miningManifest, {
  MINING_NOTICE: MiningRightNotice,
  EXPLORATION_NOTICE: ExplorationRightNotice,
  DEAL: MiningRightDeal,
  APPROVAL: MiningRightApproval,
});

/** The tables and types of the module: its categories' typed details. */
export const miningEntities: EntityClass<object>[] = miningCategories.map((c) => c.details);
