import type { TestApp } from './database.js';

/**
 * Rows where the per-subject tallies (kept by triggers) differ from the same
 * grouping computed from disclosure_party in plain SQL; [] when they agree.
 * Tally rows at zero count as absent (the triggers leave them in place).
 */
export async function tallyDrift(app: Pick<TestApp, 'query'>): Promise<unknown[]> {
  const month = `coalesce(date_trunc('month', public_from)::date, 'infinity')`;
  // A publisher only for records not public (see the migration).
  const publisher = `case when public_from is null then coalesce(publisher_code, '') else '' end`;
  const parties = `select credit_code, domain::text, role::text, ${publisher}, ${month}, count(*)::int from disclosure_party group by 1, 2, 3, 4, 5`;
  const tally = `select credit_code, domain::text, role::text, publisher_code, public_month, parties from subject_tally where parties <> 0`;
  const records = `select credit_code, domain::text, null::text, ${publisher}, ${month}, count(distinct disclosure_id)::int from disclosure_party group by 1, 2, 4, 5`;
  const recordTally = `select credit_code, domain::text, null::text, publisher_code, public_month, records from subject_record_tally where records <> 0`;
  return app.query(`(${parties} except ${tally}) union all (${tally} except ${parties})
    union all (${records} except ${recordTally}) union all (${recordTally} except ${records})`);
}
