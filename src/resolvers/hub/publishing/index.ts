/**
 * The write path for records (公开、变更、撤回): validation of one record's
 * input (the same for GraphQL variables and import rows) and the bulk write.
 * The shapes are in contract.ts, the bodies in the modules next to this one;
 * this file is what other modules import. No file it re-exports imports it.
 */
export type { Issue, RecordInput, ValidationContext } from './contract.js';
export { collectCreditCodes, existingCreditCodes, loadValidationContext } from './validation-context.js';
export { validateRecordInput } from './validate.js';
export { contentHash, serialiseAhead, sessionTiming, writeRecords, type WriteSession } from './write.js';
