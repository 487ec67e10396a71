import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CategoryDefinition } from '../../entities/hub/category-registry.js';
import { Disclosure } from '../../entities/hub/disclosure.entity.js';
import { Party } from '../../entities/hub/party.entity.js';
import { ChannelPublication } from '../../entities/hub/publication.entity.js';
import { DisclosureRevision } from '../../entities/hub/revision.entity.js';
import type { Context, LoaderFactory } from '../../kernel/context.js';
import { lightMapping, selectLight } from '../../kernel/sql/light-rows.js';
import { Subject } from '../../entities/credit/subject.entity.js';
import { creditStandingOn, standingKey, subjectByCode } from '../credit/loaders.js';
import { inForceSql, standingOf } from '../credit/credit-status.js';
import { groupedLoader } from '../../kernel/loaders/loaders.js';
import { visibilityCondition } from '../access/visibility.js';
import { todayInChina } from '../../kernel/time/china-date.js';
import { run } from '../../kernel/sql/run.js';
import { sql, type Sql } from '../../kernel/sql/sql.js';

/** Records by id, only those the viewer may see (null otherwise, as for an id that names nothing). */
export const disclosureById: LoaderFactory<DataLoader<string, Disclosure | null>> = (em, viewer) =>
  new DataLoader<string, Disclosure | null>(async (ids) => {
    const where = [sql`d.id = any(${ids.map(Number)}::int[])`];
    const visible = visibilityCondition(viewer, todayInChina());
    if (visible) where.push(visible);
    const rows = await selectLight(em, Disclosure, 'd', sql`where ${sql.join(where, ' and ')}`, 'prepared');
    const byId = new Map(rows.map((row) => [String(row.id), row]));
    return ids.map((id) => byId.get(id) ?? null);
  });

/**
 * Parties of each record, in a stable order (role, rank, code), with each party's
 * subject and its credit standing today, in the same statement. Nearly every
 * query that lists parties asks for their subjects (a name), many for their
 * standing; each would otherwise be one more round trip after this one. The
 * standing is computed once per distinct subject (the busiest subject is a party
 * of every record on its own page). The request's subject and standing loaders
 * are primed with what came back.
 */
export const partiesByDisclosure: LoaderFactory<DataLoader<string, Party[]>> = (em, _viewer, ctx) =>
  new DataLoader<string, Party[]>(async (ids) => {
    const today = todayInChina();
    const q = partyRows(em, today, sql`select unnest(${ids.map(Number)}::int[])`);
    const rows = await run(em, sql`with ${q.ctes} select ${q.select} from ${q.from} order by ${q.order}`, 'prepared');
    const byRecord = withSubjects(ctx, today, rows.map(q.toParty));
    return ids.map((id) => byRecord.get(id) ?? []);
  });

/**
 * The statement parts giving one flat row per party of the records `idsSql`
 * selects, with its subject's columns (prefixed `s_`) and its standing today:
 * CTEs `p` and `standing` (computed once per distinct subject), the select
 * list, the joins, the order, and the row mapping.
 */
function partyRows(em: EntityManager, today: string, idsSql: Sql) {
  const parties = lightMapping(em, Party);
  const subjects = lightMapping(em, Subject);
  return {
    ctes: sql`p as (select ${sql.raw(parties.columns('p'))} from disclosure_party p where p.disclosure_id in (${idsSql})),
       standing as (select c.credit_code, bool_or(c.list = 'RED') as red, bool_or(c.list = 'BLACK') as black
                      from credit_entry c cross join (select ${today}::date as day) today
                     where c.credit_code in (select distinct credit_code from p) and ${sql.raw(inForceSql('c', 'today.day'))}
                     group by c.credit_code)`,
    select: sql.raw(`p.*, ${subjects.columns('s', 's_')}, coalesce(standing.red, false) as s_red, coalesce(standing.black, false) as s_black`),
    from: sql.raw('p left join subject s on s.credit_code = p.credit_code left join standing on standing.credit_code = p.credit_code'),
    // role orders by the enum's declaration, as the ORM's orderBy did; rank nulls last.
    order: sql.raw('p.role, p.rank, p.credit_code'),
    toParty: (row: Record<string, unknown>): PartyWithSubject => ({
      party: parties.toEntity(row),
      subject: row.s_credit_code != null ? subjects.toEntity(row, 's_') : undefined,
      red: row.s_red as boolean,
      black: row.s_black as boolean,
    }),
  };
}

interface PartyWithSubject {
  party: Party;
  subject: Subject | undefined;
  /** The subject's standing today: an entry in force on each list. */
  red: boolean;
  black: boolean;
}

/** Parties by record, in the order given; the request's subject and standing loaders are primed with what came along. */
function withSubjects(ctx: Context, today: string, rows: readonly PartyWithSubject[]): Map<string, Party[]> {
  const subjectLoader = ctx.loader(subjectByCode);
  const standingLoader = ctx.loader(creditStandingOn);
  const byRecord = new Map<string, Party[]>();
  for (const { party, subject, red, black } of rows) {
    const key = String(party.disclosure.id);
    const list = byRecord.get(key);
    if (list) list.push(party);
    else byRecord.set(key, [party]);
    if (subject) {
      subjectLoader.prime(party.creditCode, subject);
      standingLoader.prime(standingKey(today, party.creditCode), standingOf(red, black));
    }
  }
  return byRecord;
}

/**
 * Records by id (as disclosureById) with their parties, subjects and standings
 * today in the same statement, for `node` when it is asked for parties: one
 * statement where two were sent. Each record's party rows (those of
 * partiesByDisclosure) come as one JSON array and prime the request's parties,
 * subject and standing loaders.
 */
export const disclosureWithPartiesById: LoaderFactory<DataLoader<string, Disclosure | null>> = (em, viewer, ctx) =>
  new DataLoader<string, Disclosure | null>(async (ids) => {
    const today = todayInChina();
    // One text for any number of ids (an array), so the statement is prepared once per connection.
    const where = [sql`d.id = any(${ids.map(Number)}::int[])`];
    const visible = visibilityCondition(viewer, today);
    if (visible) where.push(visible);
    const records = lightMapping(em, Disclosure);
    const rec = sql`rec as (select ${sql.raw(records.columns('d'))} from disclosure d where ${sql.join(where, ' and ')})`;
    const q = partyRows(em, today, sql.raw('select id from rec'));
    const rows = await run<Record<string, unknown> & { _parties: Record<string, unknown>[] }>(
      em,
      sql`with ${rec}, ${q.ctes}
       select rec.*, (select coalesce(json_agg(x order by x.role, x.rank, x.credit_code), '[]'::json)
                        from (select ${q.select} from ${q.from} where p.disclosure_id = rec.id) x) as _parties
         from rec`,
      'prepared',
    );
    const byId = new Map<string, Disclosure>();
    const partyLoader = ctx.loader(partiesByDisclosure);
    const partiesOf = withSubjects(ctx, today, rows.flatMap((row) => row._parties.map(q.toParty)));
    for (const row of rows) {
      const record = records.toEntity(row);
      const id = String(record.id);
      byId.set(id, record);
      partyLoader.prime(id, partiesOf.get(id) ?? []);
    }
    return ids.map((id) => byId.get(id) ?? null);
  });

export const publicationsByDisclosure = groupedLoader(
  (em, ids) =>
    em.find(ChannelPublication, { disclosure: { $in: ids.map(Number) } }, { orderBy: { publishedOn: 'asc', id: 'asc' } }),
  (p) => String(p.disclosure.id),
);

export const revisionsByDisclosure = groupedLoader(
  (em, ids) =>
    em.find(DisclosureRevision, { disclosure: { $in: ids.map(Number) } }, { orderBy: { version: 'asc' } }),
  (r) => String(r.disclosure.id),
);

const detailsLoaders = new Map<CategoryDefinition, LoaderFactory<DataLoader<string, object | null>>>();

/**
 * The typed details of one category, by record id: one query per category
 * per tick, and only for categories whose typed fields a query asks for.
 */
export function detailsLoader(category: CategoryDefinition): LoaderFactory<DataLoader<string, object | null>> {
  let factory = detailsLoaders.get(category);
  if (!factory) {
    factory = (em: EntityManager) =>
      new DataLoader<string, object | null>(async (ids) => {
        const rows = (await em.find(category.details, ids.map(Number) as never)) as { disclosure: Disclosure }[];
        const byId = new Map(rows.map((row) => [String(row.disclosure.id), row]));
        return ids.map((id) => byId.get(id) ?? null);
      });
    detailsLoaders.set(category, factory);
  }
  return factory;
}

/** The day of each record's latest change (变更), null when never changed: one grouped query per tick. */
export const lastChangeByDisclosure: LoaderFactory<DataLoader<string, string | null>> = (em: EntityManager) =>
  new DataLoader<string, string | null>(async (ids) => {
    const rows = await run<{ disclosure_id: number; changed_on: string }>(
      em,
      sql`select disclosure_id, max(changed_on)::text as changed_on from disclosure_revision
        where disclosure_id in (${sql.list(ids.map(Number))}) group by disclosure_id`,
      'per-values',
    );
    const byId = new Map(rows.map((r) => [String(r.disclosure_id), r.changed_on]));
    return ids.map((id) => byId.get(id) ?? null);
  });
