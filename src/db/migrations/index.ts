import { Migration20261127223746 } from './Migration20261127223746.js';

/** Every migration, in order. A test fails when a file in this folder is missing here. */
export const migrationsList = [{ name: 'Migration20261127223746', class: Migration20261127223746 }];
