import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../access/viewer.js';
import type { RecordInput, WriteResult } from './index.js';

export interface WriteOptions {
  /** The reason recorded for revisions (变更理由); default "按发布方数据更新（导入）". */
  revisionReason?: string;
}

/**
 * Write validated records (new ones, and revisions where externalId already exists for that publisher with different
 * content; unchanged ones skipped), in the caller's transaction, with audit entries; bulk SQL.
 */
export async function writeRecords(
  tx: EntityManager,
  viewer: Viewer,
  requestId: string | null,
  records: RecordInput[],
  options: WriteOptions = {},
): Promise<WriteResult> {
  throw new Error(`not implemented yet ${String(tx)} ${String(viewer)} ${requestId} ${records.length} ${String(options)}`);
}
