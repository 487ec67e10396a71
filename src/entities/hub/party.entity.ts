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
// Each carries the record's visibility (public_from, publisher_code), so a subject's
// lists and counts stay index-only scans for every viewer, not only the supervisor.
@Index({
  name: 'disclosure_party_credit_code_disclosure_id_index',
  expression:
    'create index "disclosure_party_credit_code_disclosure_id_index" on "disclosure_party" ("credit_code", "disclosure_id") include ("public_from", "publisher_code")',
})
// A subject's records that became public in a span of days (the current month, which the
// per-subject tallies leave to the party rows), with what its counts group by.
@Index({
  name: 'disclosure_party_credit_code_public_from_index',
  expression:
    'create index "disclosure_party_credit_code_public_from_index" on "disclosure_party" ("credit_code", "public_from") include ("disclosure_id", "domain", "role", "publisher_code")',
})
// A subject's newest records first, walked in order: top-N without touching the hub.
@Index({
  name: 'disclosure_party_credit_code_formed_on_disclosure_id_index',
  expression:
    'create index "disclosure_party_credit_code_formed_on_disclosure_id_index" on "disclosure_party" ("credit_code", "formed_on", "disclosure_id") include ("public_from", "publisher_code")',
})
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

  /**
   * The record's visibility, copied by triggers (never written by the app): the day
   * it became public (its publication date when not exempt; null while unpublished
   * or exempt), and its publisher, for the owning department's view.
   */
  @Property({ type: 'date', nullable: true })
  publicFrom?: string | null;

  @Property({ type: 'string', length: 32, nullable: true })
  publisherCode?: string | null;

  /** Ranked roles only (中标候选人排序); null elsewhere. */
  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true, description: '排序 (rank, for ranked candidates)' })
  rank?: number | null;
}
