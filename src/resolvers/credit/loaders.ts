import { CreditEntry } from '../../entities/credit/credit-entry.entity.js';
import { Subject } from '../../entities/credit/subject.entity.js';
import { byKeyLoader, groupedLoader } from '../../schema/loaders.js';

/** Subjects by credit code: how every other module reaches a subject. */
export const subjectByCode = byKeyLoader(Subject, (s) => s.creditCode);

export const creditEntryById = byKeyLoader(CreditEntry, (e) => String(e.entryId));

/** All entries of each subject asked, oldest decision first. */
export const creditEntriesBySubject = groupedLoader(
  (em, codes) =>
    em.find(CreditEntry, { subject: { $in: [...codes] } }, { orderBy: { decidedOn: 'asc', entryId: 'asc' } }),
  (e) => e.subject.creditCode,
);
