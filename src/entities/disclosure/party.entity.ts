import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Domain } from '../core/domain.js';
import { Disclosure } from './disclosure.entity.js';
import { PartyRole } from './enums.js';

/**
 * A subject named by a record, in a role. Keyed by credit code, not by a
 * subject row id: "every record that names this enterprise" is one index
 * lookup, and a department module never needs the credit module's tables.
 */
@Entity({ tableName: 'disclosure_party' })
@Index({ properties: ['creditCode', 'disclosure'] })
// "Records per domain and role" for a subject, answered from this index alone.
@Index({ properties: ['creditCode', 'domain', 'role'] })
// A subject's newest records first, walked in order: top-N without touching the hub.
@Index({ properties: ['creditCode', 'formedOn', 'disclosure'] })
@ObjectType({ description: '当事主体 (a subject named by a record, with its role)' })
export class Party {
  @ManyToOne(() => Disclosure, { primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Enum({ items: () => PartyRole, nativeEnumName: 'party_role', primary: true })
  @Field(() => String, { description: '角色 (one of PartyRole: PURCHASER, AGENCY, WINNER, CANDIDATE …)' })
  role!: PartyRole;

  @PrimaryKey({ type: 'string', length: 18 })
  creditCode!: string;

  /**
   * The record's domain, copied here (it never changes) so a subject's activity
   * per domain is counted without visiting a million-row hub.
   */
  @Enum({ items: () => Domain, nativeEnumName: 'domain' })
  domain!: Domain;

  /**
   * The record's formation date, copied for the ordered walk above; a trigger
   * keeps it equal to the hub's when a revision changes the date.
   */
  @Property({ type: 'date' })
  formedOn!: string;

  /** Ranked roles only (中标候选人排序); null elsewhere. */
  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true, description: '排序 (rank, for ranked candidates)' })
  rank?: number | null;
}
