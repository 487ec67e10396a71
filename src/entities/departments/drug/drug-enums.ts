import { registerEnumType } from 'type-graphql';

/** 药品（疫苗）类型, following the registration classes of 药品注册管理办法, with vaccines apart as the plan names them. */
export enum DrugType {
  CHEMICAL = 'CHEMICAL',
  CHINESE_PATENT = 'CHINESE_PATENT',
  BIOLOGICAL = 'BIOLOGICAL',
  VACCINE = 'VACCINE',
}

registerEnumType(DrugType, {
  name: 'DrugType',
  description: '药品（疫苗）类型',
  valuesConfig: {
    CHEMICAL: { description: '化学药品' },
    CHINESE_PATENT: { description: '中成药' },
    BIOLOGICAL: { description: '生物制品（疫苗除外）' },
    VACCINE: { description: '疫苗' },
  },
});

export enum DrugProcurementMethod {
  CENTRALISED_TENDER = 'CENTRALISED_TENDER',
  VOLUME_BASED = 'VOLUME_BASED',
  NEGOTIATED = 'NEGOTIATED',
  ONLINE_LISTING = 'ONLINE_LISTING',
  DIRECT_LISTING = 'DIRECT_LISTING',
}

registerEnumType(DrugProcurementMethod, {
  name: 'DrugProcurementMethod',
  description: '采购方式（药品）',
  valuesConfig: {
    CENTRALISED_TENDER: { description: '集中招标采购' },
    VOLUME_BASED: { description: '带量采购' },
    NEGOTIATED: { description: '谈判采购' },
    ONLINE_LISTING: { description: '挂网采购' },
    DIRECT_LISTING: { description: '直接挂网' },
  },
});
