import { describeGeneratedRecords } from '../../helpers/generated-records.js';

// The mining generator (src/entities/departments/mining/generator.ts) on a seeded database; the checks over all
// domains' generated records are tests/generator/generator.test.ts.

describeGeneratedRecords('MINING_RIGHTS');
