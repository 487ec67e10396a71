import { describe, expect, it } from 'vitest';
import { describeGeneratedRecords } from '../../helpers/generated-records.js';

// The bidding generator (src/entities/departments/bidding/generator.ts) on a seeded database; the checks over all
// domains' generated records are tests/generator/generator.test.ts.

const seeded = describeGeneratedRecords('CONSTRUCTION_BIDDING');

describe('CONSTRUCTION_BIDDING: generated records', () => {
  it('runs the bid-candidate clock from the evaluation report, with the publicity period from publication (实施条例 第五十四条)', async () => {
    const rows = await seeded.app().query<{ n: number; received_is_formed: number; starts_on_publication: number; at_least_3_days: number; published: number }>(`
      select count(*)::int as n,
             count(*) filter (where c.evaluation_report_received_on = d.formed_on)::int as received_is_formed,
             count(*) filter (where d.published_on is not null and c.publicity_from = d.published_on)::int as starts_on_publication,
             count(*) filter (where c.publicity_until >= c.publicity_from + 3)::int as at_least_3_days,
             count(*) filter (where d.published_on is not null)::int as published
        from bidding_candidates c join disclosure d on d.id = c.disclosure_id`);
    const r = rows[0]!;
    expect(r.n).toBeGreaterThan(0);
    expect(r.received_is_formed).toBe(r.n);
    expect(r.starts_on_publication).toBe(r.published);
    expect(r.at_least_3_days).toBe(r.n);
  });
});
