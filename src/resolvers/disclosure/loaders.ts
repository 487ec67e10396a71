import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CategoryDefinition } from '../../entities/disclosure/category-registry.js';
import { Disclosure } from '../../entities/disclosure/disclosure.entity.js';
import { Party } from '../../entities/disclosure/party.entity.js';
import { ChannelPublication } from '../../entities/disclosure/publication.entity.js';
import { DisclosureRevision } from '../../entities/disclosure/revision.entity.js';
import type { LoaderFactory } from '../../schema/context.js';
import { selectLight } from '../../schema/light-rows.js';
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

/** Parties of each record, in a stable order: by role, rank, then code. */
export const partiesByDisclosure = groupedLoader(
  (em, ids) => {
    const params = new Params();
    // role orders by the enum's declaration, as the ORM's orderBy did; rank nulls last.
    return selectLight(em, Party, 'p', `where p.disclosure_id in (${params.list(ids)}) order by p.role, p.rank, p.credit_code`, params.values);
  },
  (p) => String(p.disclosure.id),
);

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
