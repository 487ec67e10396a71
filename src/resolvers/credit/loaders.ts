import { CreditEntry } from '../../entities/credit/credit-entry.entity.js';
import { Subject } from '../../entities/credit/subject.entity.js';
import { selectLight } from '../../kernel/sql/light-rows.js';
import { byKeyLoader, groupedLoader, lightByKeyLoader } from '../../kernel/loaders/loaders.js';
import { PeekableLoader } from '../../kernel/loaders/peekable-loader.js';
import type { LoaderFactory } from '../../kernel/context.js';
import { run } from '../../kernel/sql/run.js';
import { sql } from '../../kernel/sql/sql.js';
import { inForceSql, standingOf, type CreditStanding } from './credit-status.js';

/** Subjects by credit code: how every other module reaches a subject. */
export const subjectByCode = lightByKeyLoader(Subject, (s) => s.creditCode);

export const creditEntryById = byKeyLoader(CreditEntry, (e) => String(e.entryId));

/** All entries of each subject asked, oldest decision first. */
export const creditEntriesBySubject = groupedLoader(
  (em, codes) => selectLight(em, CreditEntry, 'c', sql`where c.credit_code = any(${codes}) order by c.decided_on, c.entry_id`, 'prepared'),
  (e) => e.subject.creditCode,
);

/** A key of `creditStandingOn`: the day, then the credit code. */
export const standingKey = (day: string, creditCode: string): string => `${day}|${creditCode}`;

/**
 * A subject's standing (红黑名单状况) on a day, computed by the database: whether it
 * has an entry in force on each list (the rule of domain/credit-status.ts). Asked
 * of every subject a page names; a subject may carry hundreds of entries, and only
 * two booleans need to come back. One statement per tick for every (day, subject).
 */
export const creditStandingOn: LoaderFactory<PeekableLoader<string, CreditStanding>> = (em) =>
  new PeekableLoader<string, CreditStanding>(async (keys) => {
    const split = keys.map((key) => key.split('|') as [string, string]);
    // The keys as three arrays, so the text is the same for any number of them (a prepared statement).
    const rows = await run<{ k: string; red: boolean; black: boolean }>(
      em,
      sql`select x.k, bool_or(c.list = 'RED') as red, bool_or(c.list = 'BLACK') as black
         from unnest(${keys}::text[], ${split.map(([, code]) => code)}::text[], ${split.map(([day]) => day)}::date[]) as x(k, code, day)
         join credit_entry c on c.credit_code = x.code and ${sql.raw(inForceSql('c', 'x.day'))}
        group by x.k`,
      'prepared',
    );
    const byKey = new Map(rows.map((r) => [r.k, standingOf(r.red, r.black)]));
    return keys.map((key) => byKey.get(key) ?? 'NONE');
  });
