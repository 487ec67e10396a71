import { describeGeneratedRecords } from '../../helpers/generated-records.js';

// The housing generator (src/entities/departments/housing/generator.ts) on a seeded database; the checks over all
// domains' generated records are tests/generator/generator.test.ts.

describeGeneratedRecords('HOUSING');
