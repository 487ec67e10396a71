import { CatalogueItem, TimeLimit } from './catalogue-item.entity.js';
import { Department } from './department.entity.js';
import { Region } from './region.entity.js';
import { Responsibility } from './responsibility.entity.js';

/** Core reference data every module refers to by code: regions, departments, duties, the catalogue. */
export const coreEntities = [Region, Department, Responsibility, CatalogueItem, TimeLimit];
