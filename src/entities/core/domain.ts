import { registerEnumType } from 'type-graphql';

/** The eight domains (领域) of 青政办〔2018〕25号, in the plan's order. */
export enum Domain {
  HOUSING = 'HOUSING',
  LAND_TRANSFER = 'LAND_TRANSFER',
  MINING_RIGHTS = 'MINING_RIGHTS',
  GOVERNMENT_PROCUREMENT = 'GOVERNMENT_PROCUREMENT',
  STATE_PROPERTY_RIGHTS = 'STATE_PROPERTY_RIGHTS',
  CONSTRUCTION_BIDDING = 'CONSTRUCTION_BIDDING',
  DRUG_PROCUREMENT = 'DRUG_PROCUREMENT',
  EMISSION_RIGHTS = 'EMISSION_RIGHTS',
}

registerEnumType(Domain, {
  name: 'Domain',
  description: '公共资源配置领域 (public-resource-allocation domain)',
  valuesConfig: {
    HOUSING: { description: '住房保障' },
    LAND_TRANSFER: { description: '国有土地使用权出让' },
    MINING_RIGHTS: { description: '矿业权出让' },
    GOVERNMENT_PROCUREMENT: { description: '政府采购' },
    STATE_PROPERTY_RIGHTS: { description: '国有产权交易' },
    CONSTRUCTION_BIDDING: { description: '工程建设项目招标投标' },
    DRUG_PROCUREMENT: { description: '药品（疫苗）采购' },
    EMISSION_RIGHTS: { description: '排污权交易' },
  },
});
