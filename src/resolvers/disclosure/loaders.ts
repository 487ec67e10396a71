import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CategoryDefinition } from '../../entities/disclosure/category-registry.js';
import { Disclosure } from '../../entities/disclosure/disclosure.entity.js';
import { Party } from '../../entities/disclosure/party.entity.js';
import { ChannelPublication } from '../../entities/disclosure/publication.entity.js';
import { DisclosureRevision } from '../../entities/disclosure/revision.entity.js';
import type { LoaderFactory } from '../../schema/context.js';
import { lightMapping, selectLight } from '../../schema/light-rows.js';
import { Subject } from '../../entities/credit/subject.entity.js';
import { creditStandingOn, standingKey, subjectByCode } from '../credit/loaders.js';
import { inForceSql, standingOf } from '../../domain/credit-status.js';
import { groupedLoader } from '../../schema/loaders.js';
import { visibilityCondition } from '../../access/visibility.js';
import { todayInChina } from '../../domain/china-date.js';
import { Params } from '../../schema/sql.js';

/** Records by id, only those the viewer may see (null otherwise, as for an id that names nothing). */
export const disclosureById: LoaderFactory<DataLoader<string, Disclosure | null>> = (em, viewer) =>
  new DataLoader<string, Disclosure | null>(async (ids) => {
    const params = new Params();
    const where = [`d.id in (${params.list(ids.map(Number))})`];
    const visible = visibilityCondition(viewer, params, todayInChina());
    if (visible) where.push(visible);
    const rows = await selectLight(em, Disclosure, 'd', `where ${where.join(' and ')}`, params.values);
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
    const parties = lightMapping(em, Party);
    const subjects = lightMapping(em, Subject);
    const today = todayInChina();
    const params = new Params();
    const rows = (await em.getConnection().execute(
      `with p as (select ${parties.columns('p')} from disclosure_party p where p.disclosure_id in (${params.list(ids)})),
            standing as (select c.credit_code, bool_or(c.list = 'RED') as red, bool_or(c.list = 'BLACK') as black
                           from credit_entry c cross join (select ${params.add(today)}::date as day) today
                          where c.credit_code in (select distinct credit_code from p) and ${inForceSql('c', 'today.day')}
                          group by c.credit_code)
       select p.*, ${subjects.columns('s', 's_')}, coalesce(standing.red, false) as s_red, coalesce(standing.black, false) as s_black
         from p left join subject s on s.credit_code = p.credit_code left join standing on standing.credit_code = p.credit_code
        -- role orders by the enum's declaration, as the ORM's orderBy did; rank nulls last.
        order by p.role, p.rank, p.credit_code`,
      params.values,
    )) as Record<string, unknown>[];
    const subjectLoader = ctx.loader(subjectByCode);
    const standingLoader = ctx.loader(creditStandingOn);
    const byRecord = new Map<string, Party[]>();
    for (const row of rows) {
      const party = parties.toEntity(row);
      const key = String(party.disclosure.id);
      const list = byRecord.get(key);
      if (list) list.push(party);
      else byRecord.set(key, [party]);
      if (row.s_credit_code != null) {
        subjectLoader.prime(party.creditCode, subjects.toEntity(row, 's_'));
        standingLoader.prime(standingKey(today, party.creditCode), standingOf(row.s_red as boolean, row.s_black as boolean));
      }
    }
    return ids.map((id) => byRecord.get(id) ?? []);
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
    const rows = (await em.execute(
      `select disclosure_id, max(changed_on)::text as changed_on from disclosure_revision
        where disclosure_id in (${ids.map(() => '?').join(', ')}) group by disclosure_id`,
      ids.map(Number),
    )) as { disclosure_id: number; changed_on: string }[];
    const byId = new Map(rows.map((r) => [String(r.disclosure_id), r.changed_on]));
    return ids.map((id) => byId.get(id) ?? null);
  });
