import type { EntityManager } from '@mikro-orm/postgresql';
import { importSchedules } from '../resolvers/calendar/schedule-import.js';
import { CatalogueItem, DisclosureMode, TimeLimitUnit } from '../entities/core/catalogue-item.entity.js';
import { Department, DepartmentKind } from '../entities/core/department.entity.js';
import { Domain } from '../entities/core/domain.js';
import { Region, RegionLevel } from '../entities/core/region.entity.js';
import { Responsibility, ResponsibilityRole } from '../entities/core/responsibility.entity.js';
import { Channel } from '../entities/hub/enums.js';
import { forgetReferenceSnapshot } from '../resolvers/core/reference-snapshot.js';
import { loadCatalogue } from '../reference-data/catalogue.js';
import { loadHolidayFiles } from '../reference-data/holidays.js';
import {
  expandResponsibilities,
  loadDepartments,
  loadRegions,
  loadResponsibilities,
} from '../reference-data/responsibility-expansion.js';

/**
 * Regions, departments, responsibilities and the first catalogue version,
 * from the committed reference files. Upserts by natural key, so running it
 * again is safe; a catalogue item that already has versions is left to its
 * history (adjustments add versions, they never overwrite).
 */
export async function loadReferenceData(em: EntityManager): Promise<Record<string, number>> {
  const regions = loadRegions();
  const departments = loadDepartments();
  const responsibilities = expandResponsibilities(loadResponsibilities(), departments);
  const catalogue = loadCatalogue();
  let catalogueAdded = 0;
  // Names may have changed: requests after this one must not read the old snapshot.
  forgetReferenceSnapshot(em);
  await em.transactional(async (tx) => {
    // Parents before children, so each row's foreign key already resolves.
    const ordered = [...regions].sort((a, b) => levelRank(a.level) - levelRank(b.level) || a.code.localeCompare(b.code));
    await tx.upsertMany(
      Region,
      ordered.map((r) => ({ code: r.code, name: r.name, level: r.level as RegionLevel, parent: r.parentCode })),
    );
    await tx.upsertMany(
      Department,
      departments.map((d) => ({
        code: d.code,
        name: d.name,
        shortName: d.shortName,
        kind: d.kind as DepartmentKind,
        region: d.regionCode,
      })),
    );
    await tx.upsertMany(
      Responsibility,
      responsibilities.map((r) => ({
        domain: r.domain as Domain,
        department: r.departmentCode,
        role: r.role as ResponsibilityRole,
      })),
    );
    const existing = new Set(
      (await tx.find(CatalogueItem, {}, { fields: ['domain', 'category', 'region'] })).map(
        (c) => `${c.domain}.${c.category}.${c.region.code}`,
      ),
    );
    for (const item of catalogue) {
      if (existing.has(`${item.domain}.${item.category}.${item.regionCode}`)) continue;
      tx.create(CatalogueItem, {
        domain: item.domain as Domain,
        category: item.category,
        region: item.regionCode,
        item: item.item,
        contentElements: item.contentElements,
        timeLimit: { amount: item.timeLimit.amount, unit: item.timeLimit.unit as TimeLimitUnit, basis: item.timeLimit.basis },
        disclosureMode: item.disclosureMode as DisclosureMode,
        channels: item.channels as Channel[],
        responsibleDepartment: item.responsibleDepartment,
        supervisionChannel: item.supervisionChannel,
        version: 1,
        validFrom: item.validFrom,
        validUntil: null,
      });
      catalogueAdded++;
    }
  });
  // The holiday schedules the calendar lacks (normally none: migrating loads them; an imported
  // year is never overwritten by a file).
  await importSchedules(em, loadHolidayFiles(), { replace: false });
  return {
    region: regions.length,
    department: departments.length,
    responsibility: responsibilities.length,
    catalogue_item: catalogueAdded,
  };
}

function levelRank(level: string): number {
  return ['PROVINCE', 'PREFECTURE', 'COUNTY'].indexOf(level);
}
