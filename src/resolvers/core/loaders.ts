import { CatalogueItem } from '../../entities/core/catalogue-item.entity.js';
import { Region } from '../../entities/core/region.entity.js';
import { Responsibility } from '../../entities/core/responsibility.entity.js';
import { byKeyLoader, groupedLoader } from '../../kernel/loaders/loaders.js';

export { departmentByCode, regionByCode } from './reference-snapshot.js';
export const catalogueItemById = byKeyLoader(CatalogueItem, (c) => String(c.itemId));

export const regionsByParent = groupedLoader(
  (em, parentCodes) => em.find(Region, { parent: { $in: [...parentCodes] } }, { orderBy: { code: 'asc' } }),
  (r) => r.parent!.code,
);

export const responsibilitiesByDepartment = groupedLoader(
  (em, codes) => em.find(Responsibility, { department: { $in: [...codes] } }, { orderBy: { domain: 'asc' } }),
  (r) => r.department.code,
);

/** Current catalogue versions naming each department as the one responsible. */
export const currentCatalogueByDepartment = groupedLoader(
  (em, codes) =>
    em.find(
      CatalogueItem,
      { responsibleDepartment: { $in: [...codes] }, validUntil: null },
      { orderBy: { domain: 'asc', category: 'asc', itemId: 'asc' } },
    ),
  (c) => c.responsibleDepartment.code,
);
