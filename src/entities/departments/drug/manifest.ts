import type { DomainManifest } from '../../core/domain-manifest.js';

/**
 * 药品（疫苗）采购 (省卫生计生委): the catalogue, the notice and the result.
 * The domain as data: the plan's words, each category's catalogue item (目录事项) and party roles,
 * and what the demo generator makes of it. Pure data: the category classes are wired to it in
 * index.ts, the generators in generator.ts.
 */
export const drugManifest = {
  domain: 'DRUG_PROCUREMENT',
  zh: '药品（疫苗）采购',
  responsibleDepartment: 'QH-HEALTH',
  categories: [
    {
      code: 'CATALOG',
      zh: '采购目录',
      partyFields: {},
      roles: [],
      contentElements: ['药品（疫苗）名称', '类型', '规格'],
      channels: ['GOVERNMENT_WEBSITE'],
    },
    {
      code: 'NOTICE',
      zh: '采购公告',
      partyFields: { purchaser: 'PURCHASER', agency: 'AGENCY' },
      roles: ['PURCHASER', 'AGENCY'],
      contentElements: ['采购人', '采购机构', '采购范围', '采购方式', '采购周期', '采购数量'],
      channels: ['GOVERNMENT_WEBSITE', 'TRADING_PLATFORM'],
    },
    {
      code: 'RESULT',
      zh: '采购结果',
      partyFields: { winner: 'WINNER' },
      roles: ['WINNER', 'PURCHASER', 'AGENCY'],
      contentElements: ['中标单位', '药品（疫苗）种类', '中标价格', '规格包装'],
      channels: ['GOVERNMENT_WEBSITE', 'TRADING_PLATFORM', 'CREDIT_CHINA_QINGHAI'],
    },
  ],
  demo: {
    recordWeight: 8,
    requestWeight: 5,
    requestTopics: ['药品集中采购中选价格及企业名单', '疫苗采购合同及配送情况', '医用耗材带量采购执行情况'],
    blackListReasons: [
      ['药品集中采购中提供虚假证明材料', '《药品管理法》及药品集中采购失信惩戒有关规定'],
    ],
  },
} as const satisfies DomainManifest;
