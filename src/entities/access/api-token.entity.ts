import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Role } from '../../kernel/viewer.js';

/**
 * An API token. The secret is shown once, when created; only its SHA-256 is
 * kept (a token is 256 random bits, so a plain hash is enough: nothing to
 * brute-force, unlike a password). Revoked tokens stay, for the audit trail.
 */
@Entity({ tableName: 'api_token' })
export class ApiToken {
  [OptionalProps]?: 'id' | 'createdAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** What the token is for (a person, a system): shown in lists and the audit trail. */
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => Role, nativeEnumName: 'access_role' })
  role!: Role;

  /** A PUBLISHER's department. */
  @Property({ type: 'string', length: 32, nullable: true })
  departmentCode?: string | null;

  /** hex SHA-256 of the secret. */
  @Property({ type: 'string', length: 64, unique: true })
  secretHash!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  expiresAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;
}
