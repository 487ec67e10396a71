import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Role } from '../../kernel/viewer.js';

/**
 * The audit trail (审计): one row per write, appended in the same transaction
 * as the write, never updated or deleted (a trigger refuses both: see the
 * migration that creates the table). Who (token), when, what, before and after.
 */
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['entity', 'entityKey', 'id'] })
@Index({ properties: ['tokenId', 'id'] })
export class AuditEntry {
  [OptionalProps]?: 'id' | 'at';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at!: Date;

  /** The API token that wrote; null when the operator wrote through the CLI. */
  @Property({ type: 'integer', nullable: true })
  tokenId?: number | null;

  @Enum({ items: () => Role, nativeEnumName: 'access_role' })
  role!: Role;

  @Property({ type: 'string', length: 32, nullable: true })
  departmentCode?: string | null;

  /** The request that wrote (x-request-id), or the CLI command. */
  @Property({ type: 'string', length: 64, nullable: true })
  requestId?: string | null;

  /** e.g. publishDisclosure, reviseDisclosure, retractDisclosure, import, revokeToken. */
  @Property({ type: 'string', length: 64 })
  action!: string;

  /** The kind of thing written: Disclosure, Subject, CreditEntry, CatalogueItem, ApiToken … */
  @Property({ type: 'string', length: 64 })
  entity!: string;

  @Property({ type: 'string', length: 64 })
  entityKey!: string;

  // json, not jsonb: read back whole, never queried inside, and kept as written (see Migration20261128110000).
  @Property({ type: 'json', columnType: 'json', nullable: true })
  before?: unknown;

  @Property({ type: 'json', columnType: 'json', nullable: true })
  after?: unknown;
}
