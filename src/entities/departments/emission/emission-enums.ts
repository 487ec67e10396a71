import { registerEnumType } from 'type-graphql';

/**
 * 交易品种: the four total-load-controlled pollutants of the 13th five-year
 * plan first, then those some 市州 also price (总磷、总氮 in key river basins,
 * 颗粒物 and 挥发性有机物 for air).
 */
export enum Pollutant {
  COD = 'COD',
  AMMONIA_NITROGEN = 'AMMONIA_NITROGEN',
  SULPHUR_DIOXIDE = 'SULPHUR_DIOXIDE',
  NITROGEN_OXIDES = 'NITROGEN_OXIDES',
  TOTAL_PHOSPHORUS = 'TOTAL_PHOSPHORUS',
  TOTAL_NITROGEN = 'TOTAL_NITROGEN',
  PARTICULATE_MATTER = 'PARTICULATE_MATTER',
  VOLATILE_ORGANIC_COMPOUNDS = 'VOLATILE_ORGANIC_COMPOUNDS',
}

registerEnumType(Pollutant, {
  name: 'Pollutant',
  description: '交易品种（污染物）',
  valuesConfig: {
    COD: { description: '化学需氧量' },
    AMMONIA_NITROGEN: { description: '氨氮' },
    SULPHUR_DIOXIDE: { description: '二氧化硫' },
    NITROGEN_OXIDES: { description: '氮氧化物' },
    TOTAL_PHOSPHORUS: { description: '总磷' },
    TOTAL_NITROGEN: { description: '总氮' },
    PARTICULATE_MATTER: { description: '颗粒物（烟粉尘）' },
    VOLATILE_ORGANIC_COMPOUNDS: { description: '挥发性有机物' },
  },
});
