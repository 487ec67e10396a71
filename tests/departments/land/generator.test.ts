import { describeGeneratedRecords } from '../../helpers/generated-records.js';

// The land generator (src/entities/departments/land/generator.ts) on a seeded database; the checks over all
// domains' generated records are tests/generator/generator.test.ts.

describeGeneratedRecords('LAND_TRANSFER');
