import type { EntityClass } from '@mikro-orm/core';
import type { CategoryDefinition } from '../../hub/category-registry.js';
import { drugCatalog, DrugCatalog } from './drug-catalog.entity.js';
import { drugProcurementNotice, DrugProcurementNotice } from './drug-procurement-notice.entity.js';
import { drugProcurementResult, DrugProcurementResult } from './drug-procurement-result.entity.js';

/** 药品（疫苗）采购 (DRUG_PROCUREMENT): its categories' typed details. */
export const drugEntities: EntityClass<object>[] = [DrugCatalog, DrugProcurementNotice, DrugProcurementResult];

export const drugCategories: CategoryDefinition[] = [drugCatalog, drugProcurementNotice, drugProcurementResult];
