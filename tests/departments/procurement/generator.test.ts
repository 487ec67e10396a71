import { describeGeneratedRecords } from '../../helpers/generated-records.js';

// The procurement generator (src/entities/departments/procurement/generator.ts) on a seeded database; the checks over all
// domains' generated records are tests/generator/generator.test.ts.

describeGeneratedRecords('GOVERNMENT_PROCUREMENT');
