import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/kernel/viewer.js';
import { seedDatabase } from '../../src/generator/seed.js';
import { loadReferenceData } from '../../src/seeders/reference-data.js';
import { startTestApp, type TestApp } from '../helpers/database.js';
import { tallyDrift } from '../helpers/tallies.js';

/**
 * The per-subject tallies (subject_tally, subject_record_tally) are kept by
 * statement triggers on disclosure_party, and a subject's domainCounts and
 * record totals are read from them. Here: after generation and after every
 * kind of write (rows inserted one by one and many at once, a subject named in
 * two roles, rows deleted, records deleted, publication moved into the current
 * month, to a later day, made exempt, moved to another publisher), the tallies
 * equal the same grouping computed from the party rows in plain SQL; and the
 * API's counts equal plain-SQL counts for every kind of viewer, including
 * records that became public earlier this month, today, or not yet.
 */
let app: TestApp;
let owner: string;
let subject: string;
let role: string;
const tokens: Record<string, string | undefined> = {};

const TODAY = `(now() at time zone 'Asia/Shanghai')::date`;

const drift = () => tallyDrift(app);

beforeAll(async () => {
  app = await startTestApp({ demo: false });
  await loadReferenceData(app.database.orm.em.fork());
  await seedDatabase(app.database.orm, { scale: 1500, seed: 'tallies', until: '2026-11-20' });
  const [top] = await app.query<{ credit_code: string; role: string; publisher_code: string }>(
    `select p.credit_code, p.role, p.publisher_code from disclosure_party p group by 1, 2, 3 order by count(*) desc, 1 limit 1`,
  );
  ({ credit_code: subject, role, publisher_code: owner } = top!);
  tokens.OWNER = await app.tokenFor(Role.PUBLISHER, owner);
  tokens.SUPERVISOR = await app.tokenFor(Role.SUPERVISOR);
}, 180_000);

afterAll(async () => {
  await app?.close();
});

describe('subject tallies', () => {
  it('equal the party rows after generation (bulk inserts: one trigger call per statement)', async () => {
    const [{ n }] = await app.query<{ n: number }>(`select count(*)::int as n from subject_tally`);
    expect(n).toBeGreaterThan(100);
    expect(await drift()).toEqual([]);
  });

  it('follow rows inserted, a subject named in a second role, rows and records deleted', async () => {
    const records = await app.query<{ id: number }>(
      `select d.id from disclosure d where exists (select 1 from disclosure_party p where p.disclosure_id = d.id and p.credit_code = ?) order by d.id limit 6`,
      [subject],
    );
    const ids = records.map((r) => r.id);
    // The same subject again in another role of a record that names it already: one more party row, no more records.
    const [{ records: before }] = await app.query<{ records: number }>(
      `select coalesce(sum(records), 0)::int as records from subject_record_tally where credit_code = ?`,
      [subject],
    );
    await app.query(
      `insert into disclosure_party (disclosure_id, role, credit_code, domain, formed_on)
       select d.id, r.role, ?, d.domain, d.formed_on from disclosure d cross join lateral (
         select e.role from unnest(enum_range(null::party_role)) e(role)
          where not exists (select 1 from disclosure_party q where q.disclosure_id = d.id and q.credit_code = ? and q.role = e.role) limit 1) r
        where d.id in (${ids.slice(0, 3).join(', ')})`,
      [subject, subject],
    );
    expect(await drift()).toEqual([]);
    const [{ records: after }] = await app.query<{ records: number }>(
      `select coalesce(sum(records), 0)::int as records from subject_record_tally where credit_code = ?`,
      [subject],
    );
    expect(after).toBe(before);
    // One row of a two-role pair deleted: the record still names the subject.
    await app.query(`delete from disclosure_party where ctid in (select ctid from disclosure_party where disclosure_id = ? and credit_code = ? limit 1)`, [ids[0], subject]);
    expect(await drift()).toEqual([]);
    // Every row of a record deleted at once, and a whole record deleted (its parties go by cascade).
    await app.query(`delete from disclosure_party where disclosure_id = ?`, [ids[3]]);
    expect(await drift()).toEqual([]);
    await app.query(`delete from disclosure_publication where disclosure_id = ?`, [ids[4]]).catch(() => undefined);
    await app.query(`delete from disclosure where id = ?`, [ids[4]]);
    expect(await drift()).toEqual([]);
    const [{ records: last }] = await app.query<{ records: number }>(
      `select coalesce(sum(records), 0)::int as records from subject_record_tally where credit_code = ?`,
      [subject],
    );
    expect(last).toBe(before - 2);
  });

  it('follow a record\'s publication moved into this month, to today, to a later day, made exempt, or moved to another publisher', async () => {
    const ids = (
      await app.query<{ id: number }>(
        `select d.id from disclosure d where d.exemption = 'NONE' and d.published_on < date_trunc('month', ${TODAY})
            and exists (select 1 from disclosure_party p where p.disclosure_id = d.id and p.credit_code = ?) order by d.id desc limit 8`,
        [subject],
      )
    ).map((r) => r.id);
    expect(ids).toHaveLength(8);
    const moves = [
      `published_on = date_trunc('month', ${TODAY})::date`, // the first of this month: public, counted from the party rows
      `published_on = ${TODAY}`, // today: public
      `published_on = ${TODAY}`,
      `published_on = ${TODAY} + 1`, // tomorrow (maybe next month): not public yet
      `published_on = ${TODAY} + 40`, // a later month
      `exemption = 'STATE_SECRET', exemption_basis = '保守国家秘密法'`,
      `published_on = null, status = 'PENDING'`,
      `publisher_code = (select code from department where code <> d.publisher_code order by code limit 1)`,
    ];
    for (const [i, id] of ids.entries()) {
      await app.query(`update disclosure d set ${moves[i]} where id = ?`, [id]);
      expect(await drift(), moves[i]).toEqual([]);
    }
  });

  describe.each(['PUBLIC', 'OWNER', 'SUPERVISOR'] as const)('read as %s', (viewer) => {
    const visible = (alias: string) =>
      viewer === 'SUPERVISOR'
        ? 'true'
        : `((${alias}.exemption = 'NONE' and ${alias}.published_on <= ${TODAY})${viewer === 'OWNER' ? ` or ${alias}.publisher_code = '${owner}'` : ''})`;

    it('domainCounts and totals equal plain SQL over the records (this month and not-yet-public ones included)', async () => {
      const { body } = await app.graphql(
        `query ($code: CreditCode!, $role: PartyRole) { subject(creditCode: $code) {
           domainCounts { domain role count }
           all: disclosures(first: 1) { totalCount }
           inRole: disclosures(first: 1, filter: { role: $role }) { totalCount }
         } }`,
        { code: subject, role },
        { token: tokens[viewer] },
      );
      expect(body.errors).toBeUndefined();
      const data = body.data!.subject as { domainCounts: unknown[]; all: { totalCount: number }; inRole: { totalCount: number } };
      const counts = await app.query(
        `select d.domain, p.role::text as role, count(*)::int as count from disclosure_party p join disclosure d on d.id = p.disclosure_id
          where p.credit_code = ? and ${visible('d')} group by d.domain, p.role order by d.domain, p.role`,
        [subject],
      );
      expect(data.domainCounts).toEqual(counts);
      const [{ n }] = await app.query<{ n: number }>(
        `select count(*)::int as n from disclosure d where ${visible('d')} and exists (select 1 from disclosure_party p where p.disclosure_id = d.id and p.credit_code = ?)`,
        [subject],
      );
      expect(data.all.totalCount).toBe(n);
      const [{ n: inRole }] = await app.query<{ n: number }>(
        `select count(*)::int as n from disclosure d where ${visible('d')} and exists (select 1 from disclosure_party p where p.disclosure_id = d.id and p.credit_code = ? and p.role = ?)`,
        [subject, role],
      );
      expect(data.inRole.totalCount).toBe(inRole);
      // The moves above made records of this month and of later days: the counts really depend on the split.
      const [{ thisMonth, later }] = await app.query<{ thisMonth: number; later: number }>(
        `select count(*) filter (where d.published_on >= date_trunc('month', ${TODAY}) and d.published_on <= ${TODAY})::int as "thisMonth",
                count(*) filter (where d.published_on > ${TODAY})::int as later
           from disclosure d join disclosure_party p on p.disclosure_id = d.id where p.credit_code = ? and d.exemption = 'NONE'`,
        [subject],
      );
      expect(thisMonth).toBeGreaterThanOrEqual(3);
      expect(later).toBeGreaterThanOrEqual(2);
    });
  });
});
