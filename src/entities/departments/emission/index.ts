import type { EntityClass } from '@mikro-orm/core';
import { defineCategories } from '../../hub/published.js';
import { EmissionAuctionNotice } from './emission-auction-notice.entity.js';
import { EmissionAuctionResult } from './emission-auction-result.entity.js';
import { emissionManifest } from './manifest.js';

/** 排污权交易 (EMISSION_RIGHTS): each category of the manifest with the class of its typed details. */
export const emissionCategories = defineCategories(emissionManifest, {
  AUCTION_NOTICE: EmissionAuctionNotice,
  AUCTION_RESULT: EmissionAuctionResult,
});

/** The tables and types of the module: its categories' typed details. */
export const emissionEntities: EntityClass<object>[] = emissionCategories.map((c) => c.details);
