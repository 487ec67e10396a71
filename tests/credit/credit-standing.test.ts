import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/kernel/viewer.js';
import { creditEntryState } from '../../src/resolvers/credit/credit-status.js';
import { typeNameOf } from '../../src/entities/hub/category-registry.js';
import { seedDatabase } from '../../src/generator/seed.js';
import { loadReferenceData } from '../../src/seeders/reference-data.js';
import { startTestApp, type TestApp } from '../helpers/database.js';

/**
 * A subject's creditStatus is computed by the database (whether an entry is in
 * force on each list that day), on two paths: the creditStatus loader (any
 * asOf), and primed by the parties statement (today). Both must follow the
 * entry-state rule of the domain (creditEntryState, tested on its own in
 * working-days/domain tests): every combination of a start, an end and a
 * revocation before, on and after the day is written into the database, one
 * entry at a time, and read back both ways.
 */
let app: TestApp;
let subject: string;
let recordId: string;
let token: string;

const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  app = await startTestApp({ demo: false });
  await loadReferenceData(app.database.orm.em.fork());
  await seedDatabase(app.database.orm, { scale: 60, seed: 'standing', until: '2026-11-20' });
  const [row] = await app.query<{ credit_code: string; id: number; domain: string; category: string }>(
    `select p.credit_code, d.id, d.domain, d.category from disclosure_party p join disclosure d on d.id = p.disclosure_id order by d.id, p.credit_code limit 1`,
  );
  subject = row!.credit_code;
  recordId = Buffer.from(`${typeNameOf(row!.domain, row!.category)}:${row!.id}`).toString('base64url');
  token = await app.tokenFor(Role.SUPERVISOR);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

function combinations(day: string) {
  const out: { validFrom: string; validUntil: string | null; revokedOn: string | null }[] = [];
  for (const from of [-1, 0, 1])
    for (const until of [null, -1, 0, 1])
      for (const revoked of [null, 0, 1]) {
        out.push({
          validFrom: shift(day, from),
          validUntil: until === null ? null : shift(day, until),
          revokedOn: revoked === null ? null : shift(day, revoked),
        });
      }
  return out;
}

async function onlyEntry(list: 'RED' | 'BLACK', e: { validFrom: string; validUntil: string | null; revokedOn: string | null }) {
  await app.query(`delete from credit_entry where credit_code = ?`, [subject]);
  await app.query(
    `insert into credit_entry (list, credit_code, reason, legal_basis, decided_by_code, decided_on, valid_from, valid_until, measures, revoked_on)
     values (?, ?, '测试', '测试', (select code from department order by code limit 1), ?, ?, ?, '[]', ?)`,
    [list, subject, e.validFrom, e.validFrom, e.validUntil, e.revokedOn],
  );
}

describe('creditStatus computed by the database', () => {
  it('follows the entry-state rule on every start, end and revocation around the day asked (asOf)', async () => {
    const day = '2025-06-15';
    for (const [i, entry] of combinations(day).entries()) {
      const list = i % 2 ? 'RED' : 'BLACK';
      await onlyEntry(list, entry);
      const { body } = await app.graphql(`query ($c: CreditCode!, $d: Date) { subject(creditCode: $c) { creditStatus(asOf: $d) } }`, { c: subject, d: day });
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      const expected = creditEntryState(entry, day) === 'IN_FORCE' ? list : 'NONE';
      expect((body.data!.subject as { creditStatus: string }).creditStatus, JSON.stringify(entry)).toBe(expected);
    }
  });

  it('follows it for today too, where a record\'s parties bring their subjects\' standing with them', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    let inForce = 0;
    for (const [i, entry] of combinations(today).entries()) {
      const list = i % 2 ? 'RED' : 'BLACK';
      await onlyEntry(list, entry);
      const { body } = await app.graphql(
        `query ($id: ID!) { node(id: $id) { ... on Disclosure { parties { subject { creditCode creditStatus } } } } }`,
        { id: recordId },
        { token },
      );
      const parties = (body.data!.node as { parties: { subject: { creditCode: string; creditStatus: string } }[] }).parties;
      const mine = parties.find((p) => p.subject.creditCode === subject)!;
      const expected = creditEntryState(entry, today) === 'IN_FORCE' ? list : 'NONE';
      if (expected !== 'NONE') inForce++;
      expect(mine.subject.creditStatus, JSON.stringify(entry)).toBe(expected);
    }
    expect(inForce).toBeGreaterThan(3);
  });

  it('both lists in force at once is BOTH', async () => {
    const day = '2025-06-15';
    await onlyEntry('RED', { validFrom: day, validUntil: null, revokedOn: null });
    await app.query(
      `insert into credit_entry (list, credit_code, reason, legal_basis, decided_by_code, decided_on, valid_from, measures)
       values ('BLACK', ?, '测试', '测试', (select code from department order by code limit 1), ?, ?, '[]')`,
      [subject, day, day],
    );
    const { body } = await app.graphql(`query ($c: CreditCode!) { subject(creditCode: $c) { creditStatus(asOf: "2025-06-15") } }`, { c: subject });
    expect((body.data!.subject as { creditStatus: string }).creditStatus).toBe('BOTH');
  });
});
