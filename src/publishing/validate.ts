import type { Issue, RecordInput, ValidationContext } from './index.js';

/** Validate one record input (the same shape as the GraphQL PublishDisclosureInput, as plain JSON): all issues, not just the first. */
export function validateRecordInput(raw: unknown, ctx: ValidationContext): { value?: RecordInput; issues: Issue[] } {
  throw new Error(`not implemented yet ${String(raw)} ${String(ctx)}`);
}
