import type { EntityClass } from '@mikro-orm/core';
import type { CategoryDefinition } from '../../hub/category-registry.js';
import { emissionAuctionNotice, EmissionAuctionNotice } from './emission-auction-notice.entity.js';
import { emissionAuctionResult, EmissionAuctionResult } from './emission-auction-result.entity.js';

/** 排污权交易 (EMISSION_RIGHTS): its categories' typed details. */
export const emissionEntities: EntityClass<object>[] = [EmissionAuctionNotice, EmissionAuctionResult];

export const emissionCategories: CategoryDefinition[] = [emissionAuctionNotice, emissionAuctionResult];
