import type { EntityClass } from '@mikro-orm/core';
import type { CategoryDefinition } from '../../hub/category-registry.js';
import { propertyRightsApproval, PropertyRightsApproval } from './property-approval.entity.js';
import { propertyRightsNotice, PropertyRightsNotice } from './property-notice.entity.js';
import { propertyRightsResult, PropertyRightsResult } from './property-result.entity.js';

/** 国有产权交易 (STATE_PROPERTY_RIGHTS): its categories' typed details. */
export const propertyEntities: EntityClass<object>[] = [PropertyRightsApproval, PropertyRightsNotice, PropertyRightsResult];

export const propertyCategories: CategoryDefinition[] = [propertyRightsApproval, propertyRightsNotice, propertyRightsResult];
