import { procurementContract, ProcurementContract } from './procurement-contract.entity.js';
import { procurementDocuments, ProcurementDocuments } from './procurement-documents.entity.js';
import { procurementNotice, ProcurementNotice } from './procurement-notice.entity.js';
import { procurementResult, ProcurementResult } from './procurement-result.entity.js';
import { procurementSupervision, ProcurementSupervision } from './procurement-supervision.entity.js';

/** 政府采购 (省财政厅): its categories' typed details. */
export const procurementEntities = [
  ProcurementNotice,
  ProcurementDocuments,
  ProcurementResult,
  ProcurementContract,
  ProcurementSupervision,
];

export const procurementCategories = [
  procurementNotice,
  procurementDocuments,
  procurementResult,
  procurementContract,
  procurementSupervision,
];
