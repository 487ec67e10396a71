import { CreditEntry } from '../../entities/credit/credit-entry.entity.js';
import { Subject } from '../../entities/credit/subject.entity.js';
import { selectLight } from '../../schema/light-rows.js';
import { byKeyLoader, groupedLoader, lightByKeyLoader } from '../../schema/loaders.js';
import { Params } from '../../schema/sql.js';

/** Subjects by credit code: how every other module reaches a subject. */
export const subjectByCode = lightByKeyLoader(Subject, (s) => s.creditCode);

export const creditEntryById = byKeyLoader(CreditEntry, (e) => String(e.entryId));

/** All entries of each subject asked, oldest decision first. */
export const creditEntriesBySubject = groupedLoader(
  (em, codes) => {
    const params = new Params();
    return selectLight(em, CreditEntry, 'c', `where c.credit_code in (${params.list(codes)}) order by c.decided_on, c.entry_id`, params.values);
  },
  (e) => e.subject.creditCode,
);

export interface StandingRow {
  creditCode: string;
  list: 'RED' | 'BLACK';
  validFrom: string;
  validUntil: string | null;
  revokedOn: string | null;
}

/**
 * Only what a standing (红黑名单状况) is computed from. `creditStatus` is asked of
 * every subject a page names (each party of each record); loading whole entries
 * (reasons, measures as JSON) for that was most of such a page's garbage.
 */
export const creditStandingBySubject = groupedLoader<StandingRow>(
  async (em, codes) => {
    const params = new Params();
    return (await em.getConnection().execute(
      `select c.credit_code as "creditCode", c.list, c.valid_from::text as "validFrom", c.valid_until::text as "validUntil", c.revoked_on::text as "revokedOn"
         from credit_entry c where c.credit_code in (${params.list(codes)})`,
      params.values,
    )) as StandingRow[];
  },
  (e) => e.creditCode,
);
