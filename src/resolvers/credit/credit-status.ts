/** The status of a red/black-list entry on a day, from its dates alone, so it is never stored stale. */
export type CreditEntryState = 'PENDING' | 'IN_FORCE' | 'EXPIRED' | 'REVOKED';

export interface CreditEntryDates {
  validFrom: string;
  validUntil?: string | null;
  revokedOn?: string | null;
}

/** Dates are YYYY-MM-DD strings, which compare correctly as text. `validUntil` is the last day in force. */
export function creditEntryState(entry: CreditEntryDates, asOf: string): CreditEntryState {
  if (entry.revokedOn && entry.revokedOn <= asOf) return 'REVOKED';
  if (entry.validUntil && entry.validUntil < asOf) return 'EXPIRED';
  if (entry.validFrom > asOf) return 'PENDING';
  return 'IN_FORCE';
}

/**
 * The same rule as `creditEntryState(entry, day) === 'IN_FORCE'`, as an SQL condition on a
 * credit_entry alias and a date expression, for standings computed by the database (a
 * subject can carry hundreds of entries; only two booleans need to come back).
 */
export function inForceSql(alias: string, day: string): string {
  return (
    `(${alias}.valid_from <= ${day} and (${alias}.valid_until is null or ${alias}.valid_until >= ${day})` +
    ` and (${alias}.revoked_on is null or ${alias}.revoked_on > ${day}))`
  );
}

export type CreditStanding = 'NONE' | 'RED' | 'BLACK' | 'BOTH';

/** The standing from whether the subject has an entry in force on each list. */
export function standingOf(red: boolean, black: boolean): CreditStanding {
  return red && black ? 'BOTH' : red ? 'RED' : black ? 'BLACK' : 'NONE';
}
