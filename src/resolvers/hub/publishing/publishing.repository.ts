import type { EntityManager } from '@mikro-orm/postgresql';
import { run, runOne } from '../../../kernel/sql/run.js';
import { sql } from '../../../kernel/sql/sql.js';

/** What a retraction changes, as the audit trail keeps it. */
export interface Retraction {
  status: string;
  retracted_on: string;
  retraction_reason: string;
}

/**
 * Retracts a record still at `version` and not retracted; undefined when it is not (another write came first).
 * The row stays, marked RETRACTED with the date and reason.
 */
export async function retractRecord(tx: EntityManager, id: number, version: number, on: string, reason: string): Promise<Retraction | undefined> {
  return runOne<Retraction>(
    tx,
    sql`update disclosure set status = 'RETRACTED', retracted_on = ${on}::date, retraction_reason = ${reason}, updated_at = now()
         where id = ${id} and version = ${version} and status <> 'RETRACTED'
         returning status, retracted_on::text as retracted_on, retraction_reason`,
  );
}

export interface ChannelPublication {
  channel: string;
  publishedOn: string;
  url?: string | null;
}

/**
 * Adds where a record was published; the first publication of a pending, non-exempt record is its publication date
 * (the earliest of `publications`).
 */
export async function addPublications(tx: EntityManager, id: number, publications: readonly ChannelPublication[]): Promise<void> {
  const rows = JSON.stringify(publications.map((p) => ({ channel: p.channel, published_on: p.publishedOn, url: p.url ?? null })));
  await run(
    tx,
    sql`insert into disclosure_publication (disclosure_id, channel, published_on, url)
        select ${id}, p.channel::channel, p.published_on::date, p.url from jsonb_to_recordset(${rows}::jsonb) as p(channel text, published_on text, url text)`,
  );
  const first = publications.map((p) => p.publishedOn).sort()[0]!;
  await run(
    tx,
    sql`update disclosure set published_on = ${first}::date, status = 'PUBLISHED', updated_at = now()
         where id = ${id} and status = 'PENDING' and exemption = 'NONE'`,
  );
}
