import type { EntityManager } from '@mikro-orm/postgresql';
import { Department, DepartmentKind } from '../entities/core/department.entity.js';
import { Region, RegionLevel } from '../entities/core/region.entity.js';
import { loadDepartments, loadRegions } from '../reference-data/responsibility-expansion.js';

/**
 * Regions and departments from the committed reference files. Upserts by
 * natural key, so running it again (or after the files change) is safe.
 */
export async function loadReferenceData(em: EntityManager): Promise<Record<string, number>> {
  const regions = loadRegions();
  const departments = loadDepartments();
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
  });
  return { region: regions.length, department: departments.length };
}

function levelRank(level: string): number {
  return ['PROVINCE', 'PREFECTURE', 'COUNTY'].indexOf(level);
}
