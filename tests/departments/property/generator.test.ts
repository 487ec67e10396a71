import { describeGeneratedRecords } from '../../helpers/generated-records.js';

// The property generator (src/entities/departments/property/generator.ts) on a seeded database; the checks over all
// domains' generated records are tests/generator/generator.test.ts.

describeGeneratedRecords('STATE_PROPERTY_RIGHTS');
