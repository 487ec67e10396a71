import type { MikroORM } from '@mikro-orm/postgresql';
import { readCalendar } from '../resolvers/calendar/calendar-store.js';
import { readTimeLimitRules } from '../resolvers/calendar/time-limit-store.js';
import { registeredCategories } from '../entities/hub/category-registry.js';
import { creditEntriesFor } from './credit.js';
import { RECORDS_PER_REQUEST } from './requests.js';
import { prepareGeneration, type GenerationPlan } from './setup.js';
import { writerFor, type TableWriter } from './writer.js';
import { run, runOne } from '../kernel/sql/run.js';
import { sql } from '../kernel/sql/sql.js';

export interface SeedSummary {
  seed: string;
  until: string;
  firstId: number;
  lastId: number;
  rows: Record<string, number>;
  seconds: number;
  rowsPerSecond: number;
}

export type ProgressReporter = (done: number, total: number) => void;

/** Records generated between two database flushes: bounds memory whatever the scale. */
const CHUNK = 5000;

/**
 * Generates `plan.scale` disclosures with their subjects, details, parties,
 * channel publications, revisions and credit entries, and about one request
 * for disclosure (依申请公开) per ten records, and writes them in one
 * transaction (all or nothing). Generation of the next chunk overlaps the
 * database's work on the previous one.
 */
export async function seedDatabase(orm: MikroORM, plan: GenerationPlan, progress?: ProgressReporter): Promise<SeedSummary> {
  const started = process.hrtime.bigint();
  // Deadlines on the calendar and time limits the database holds, so they agree with what
  // `gongkai calendar import` recomputes later.
  const em = orm.em.fork();
  const [calendar, timeLimits] = await Promise.all([readCalendar(em), readTimeLimitRules(em)]);
  if (calendar.publishedYears().length === 0) throw new Error('the working-day calendar is empty: run `gongkai migrate` first');
  const { factory, requests, subjects } = prepareGeneration(plan, { calendar, timeLimits });
  const writers = {
    subject: writerFor(orm, 'Subject', 5000, true),
    disclosure: writerFor(orm, 'Disclosure'),
    party: writerFor(orm, 'Party', 10000),
    publication: writerFor(orm, 'ChannelPublication', 10000),
    revision: writerFor(orm, 'DisclosureRevision'),
    credit: writerFor(orm, 'CreditEntry'),
    request: writerFor(orm, 'DisclosureRequest'),
  };
  const details = new Map<string, TableWriter>();
  for (const category of registeredCategories()) {
    details.set(`${category.domain}.${category.code}`, writerFor(orm, (category.details as { name: string }).name, 2000));
  }
  const dependents = [...details.values(), writers.party, writers.publication, writers.revision, writers.credit, writers.request];
  // One transaction, all or nothing: every statement below runs on its one connection.
  const { firstId, lastId } = await em.transactional(async (tx) => {
    const { next } = (await runOne<{ next: number }>(tx, sql`select coalesce(max(id), 0) + 1 as next from disclosure`, 'generic'))!;
    const firstId = Number(next);
    const lastId = firstId + plan.scale - 1;
    for (const s of subjects.subjects) {
      writers.subject.add({ ...s, region: s.regionCode });
    }
    await writers.subject.flush(tx);
    let inflight: Promise<void> = Promise.resolve();
    for (let chunkStart = firstId; chunkStart <= lastId; chunkStart += CHUNK) {
      const chunkEnd = Math.min(lastId, chunkStart + CHUNK - 1);
      for (let id = chunkStart; id <= chunkEnd; id++) {
        const record = factory.make(id, firstId);
        writers.disclosure.add(record.envelope);
        details.get(`${record.envelope.domain}.${record.envelope.category}`)!.add({ ...record.details, disclosure: id });
        for (const p of record.parties) writers.party.add({ ...p, disclosure: id, domain: record.envelope.domain, formedOn: record.envelope.formedOn });
        for (const p of record.publications) writers.publication.add({ ...p, disclosure: id });
        for (const r of record.revisions) writers.revision.add({ ...r, disclosure: id });
        for (const e of creditEntriesFor(plan.seed, record, plan.until)) writers.credit.add({ ...e });
        // Numbered by record, so a later run that appends records appends other requests.
        if ((id - firstId) % RECORDS_PER_REQUEST === 0) writers.request.add({ ...requests.make(id) });
      }
      await inflight;
      // Taken now, before the next chunk adds rows whose hub rows are not written yet;
      // written hub first, so every dependent row's foreign key resolves.
      const hub = writers.disclosure.take();
      const ready = dependents.filter((w) => w.full).map((w) => [w, w.take()] as const);
      inflight = (async () => {
        await writers.disclosure.write(tx, hub);
        for (const [writer, rows] of ready) await writer.write(tx, rows);
      })();
      progress?.(chunkEnd - firstId + 1, plan.scale);
    }
    await inflight;
    for (const writer of dependents) await writer.flush(tx);
    await run(tx, sql`select setval(pg_get_serial_sequence('disclosure', 'id'), (select max(id) from disclosure))`, 'generic');
    return { firstId, lastId };
  });
  const rows: Record<string, number> = {};
  for (const writer of [writers.subject, writers.disclosure, ...dependents]) {
    rows[writer.table] = (rows[writer.table] ?? 0) + writer.written;
  }
  // Fresh statistics for good plans, and a visibility map so index-only scans
  // (a subject's records and counts) need not visit the heap.
  await run(em, sql`vacuum analyze`, 'generic');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const total = Object.values(rows).reduce((a, b) => a + b, 0);
  return { seed: plan.seed, until: plan.until, firstId, lastId, rows, seconds, rowsPerSecond: total / seconds };
}
