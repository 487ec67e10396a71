import { describeGeneratedRecords } from '../../helpers/generated-records.js';

// The drug generator (src/entities/departments/drug/generator.ts) on a seeded database; the checks over all
// domains' generated records are tests/generator/generator.test.ts.

describeGeneratedRecords('DRUG_PROCUREMENT');
