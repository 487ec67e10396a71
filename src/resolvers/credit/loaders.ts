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
