import { Department } from './department.entity.js';
import { Region } from './region.entity.js';

/** Core reference data: regions and departments, which every other module refers to by code. */
export const coreEntities = [Region, Department];
export { Department, Region };
