import { readFileSync } from 'node:fs';
import type { DomainCode } from '../../src/reference-data/responsibility-expansion.js';

/** The plan's text (docs/plan, a copy of the shared seed): what reference-data tests read independently. */
export const planText = readFileSync(new URL('../../docs/plan/qinghai-qzb-2018-25.txt', import.meta.url), 'utf8');

/** The plan's domain headings (一、（一）1.–8.) and the domain code each stands for. */
export const HEADINGS: Record<string, DomainCode> = {
  住房保障领域: 'HOUSING',
  国有土地使用权出让领域: 'LAND_TRANSFER',
  矿业权出让领域: 'MINING_RIGHTS',
  政府采购领域: 'GOVERNMENT_PROCUREMENT',
  国有产权交易领域: 'STATE_PROPERTY_RIGHTS',
  工程建设项目招标投标领域: 'CONSTRUCTION_BIDDING',
  '药品（疫苗）采购领域': 'DRUG_PROCUREMENT',
  排污权交易领域: 'EMISSION_RIGHTS',
};
