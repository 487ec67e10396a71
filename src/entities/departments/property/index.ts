import type { EntityClass } from '@mikro-orm/core';
import { defineCategories } from '../../hub/published.js';
import { PropertyRightsApproval } from './property-approval.entity.js';
import { PropertyRightsNotice } from './property-notice.entity.js';
import { PropertyRightsResult } from './property-result.entity.js';
import { propertyManifest } from './manifest.js';

/** 国有产权交易 (STATE_PROPERTY_RIGHTS): each category of the manifest with the class of its typed details. */
export const propertyCategories = defineCategories(propertyManifest, {
  APPROVAL: PropertyRightsApproval,
  NOTICE: PropertyRightsNotice,
  RESULT: PropertyRightsResult,
});

/** The tables and types of the module: its categories' typed details. */
export const propertyEntities: EntityClass<object>[] = propertyCategories.map((c) => c.details);
