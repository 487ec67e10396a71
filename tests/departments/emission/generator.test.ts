import { describeGeneratedRecords } from '../../helpers/generated-records.js';

// The emission generator (src/entities/departments/emission/generator.ts) on a seeded database; the checks over all
// domains' generated records are tests/generator/generator.test.ts.

describeGeneratedRecords('EMISSION_RIGHTS');
