import type { EntityClass } from '@mikro-orm/core';
import { defineCategories } from '../../hub/published.js';
import { DrugCatalog } from './drug-catalog.entity.js';
import { DrugProcurementNotice } from './drug-procurement-notice.entity.js';
import { DrugProcurementResult } from './drug-procurement-result.entity.js';
import { drugManifest } from './manifest.js';

/** 药品（疫苗）采购 (DRUG_PROCUREMENT): each category of the manifest with the class of its typed details. */
export const drugCategories = defineCategories(drugManifest, {
  CATALOG: DrugCatalog,
  NOTICE: DrugProcurementNotice,
  RESULT: DrugProcurementResult,
});

/** The tables and types of the module: its categories' typed details. */
export const drugEntities: EntityClass<object>[] = drugCategories.map((c) => c.details);
