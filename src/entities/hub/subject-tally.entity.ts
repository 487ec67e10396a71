import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Domain } from '../core/domain.js';
import { PartyRole } from './enums.js';

/**
 * How many party rows name a subject, per domain, role, publisher and the month
 * its records became public. Written only by the statement triggers on
 * `disclosure_party` (see the migration that adds it), never by the app.
 *
 * Why it exists: the busiest subject is named by tens of thousands of records,
 * and its per-domain counts and its record total are asked on every "enterprise
 * 360" page. Summed from this table they cost a few dozen rows whatever the
 * subject's size; only the current month is counted from the party rows, which
 * is where "public by today" can still change from day to day.
 *
 * `publicMonth` is the first day of the month of the record's public-from date,
 * or `infinity` when it has none (exempt, or not published yet): such rows are
 * counted only for viewers who see everything of that publisher.
 */
@Entity({ tableName: 'subject_tally' })
export class SubjectTally {
  @PrimaryKey({ type: 'string', length: 18 })
  creditCode!: string;

  @Enum({ items: () => Domain, nativeEnumName: 'domain', primary: true })
  domain!: Domain;

  @Enum({ items: () => PartyRole, nativeEnumName: 'party_role', primary: true })
  role!: PartyRole;

  @PrimaryKey({ type: 'string', length: 32 })
  publisherCode!: string;

  @PrimaryKey({ type: 'date' })
  publicMonth!: string;

  /** Party rows: records naming the subject in this role (one row per record and role). */
  @Property({ type: 'integer' })
  parties!: number;
}

/**
 * The same, without the role, counting records: a record naming a subject in two
 * roles (say agency and winner) counts once, as a subject's record total must.
 */
@Entity({ tableName: 'subject_record_tally' })
export class SubjectRecordTally {
  @PrimaryKey({ type: 'string', length: 18 })
  creditCode!: string;

  @Enum({ items: () => Domain, nativeEnumName: 'domain', primary: true })
  domain!: Domain;

  @PrimaryKey({ type: 'string', length: 32 })
  publisherCode!: string;

  @PrimaryKey({ type: 'date' })
  publicMonth!: string;

  @Property({ type: 'integer' })
  records!: number;
}
