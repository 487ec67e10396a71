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

export type CreditStanding = 'NONE' | 'RED' | 'BLACK' | 'BOTH';

/** A subject's standing: which lists it is on, counting only entries in force that day. */
export function creditStanding(entries: readonly (CreditEntryDates & { list: 'RED' | 'BLACK' })[], asOf: string): CreditStanding {
  let red = false;
  let black = false;
  for (const entry of entries) {
    if (creditEntryState(entry, asOf) !== 'IN_FORCE') continue;
    if (entry.list === 'RED') red = true;
    else black = true;
  }
  return red && black ? 'BOTH' : red ? 'RED' : black ? 'BLACK' : 'NONE';
}
