import type { EntityClass } from '@mikro-orm/core';
import { defineCategories } from '../../hub/published.js';
import { ProcurementContract } from './procurement-contract.entity.js';
import { ProcurementDocuments } from './procurement-documents.entity.js';
import { ProcurementNotice } from './procurement-notice.entity.js';
import { ProcurementResult } from './procurement-result.entity.js';
import { ProcurementSupervision } from './procurement-supervision.entity.js';
import { procurementManifest } from './manifest.js';

/** 政府采购 (GOVERNMENT_PROCUREMENT): each category of the manifest with the class of its typed details. */
export const procurementCategories = defineCategories(procurementManifest, {
  NOTICE: ProcurementNotice,
  DOCUMENTS: ProcurementDocuments,
  RESULT: ProcurementResult,
  CONTRACT: ProcurementContract,
  SUPERVISION: ProcurementSupervision,
});

/** The tables and types of the module: its categories' typed details. */
export const procurementEntities: EntityClass<object>[] = procurementCategories.map((c) => c.details);
