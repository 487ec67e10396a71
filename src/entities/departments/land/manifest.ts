import type { DomainManifest } from '../../core/domain-manifest.js';

/**
 * 国有土地使用权出让 (省国土资源厅): the supply plan, transfer notices and deals.
 * The domain as data: the plan's words, each category's catalogue item (目录事项) and party roles,
 * and what the demo generator makes of it. Pure data: the category classes are wired to it in
 * index.ts, the generators in generator.ts.
 */
export const landManifest = {
  domain: 'LAND_TRANSFER',
  zh: '国有土地使用权出让',
  responsibleDepartment: 'QH-LAND',
  categories: [
    {
      code: 'SUPPLY_PLAN',
      zh: '土地供应计划',
      partyFields: {},
      roles: [],
      contentElements: ['国有建设用地供应总量', '供应结构', '供应布局', '供应方式'],
      channels: ['GOVERNMENT_WEBSITE'],
    },
    {
      code: 'TRANSFER_NOTICE',
      zh: '出让公告',
      partyFields: {},
      roles: [],
      contentElements: ['出让土地基本情况', '规划指标要求', '竞买人资格条件', '交易时间安排'],
      channels: ['GOVERNMENT_WEBSITE', 'TRADING_PLATFORM'],
    },
    {
      code: 'DEAL',
      zh: '成交公示',
      partyFields: { grantee: 'GRANTEE' },
      roles: ['GRANTEE'],
      timeLimit: {
        amount: 10,
        unit: 'WORKING_DAYS',
        basis: '《招标拍卖挂牌出让国有建设用地使用权规定》（国土资源部令第39号）第二十二条：招标拍卖挂牌活动结束后，出让人应在10个工作日内将招标拍卖挂牌出让结果在土地有形市场或者指定的场所、媒介公布',
      },
      contentElements: ['地块编号', '位置界址', '土地用途', '标的面积', '空间范围', '出让年限', '成交价格', '受让单位'],
      channels: ['GOVERNMENT_WEBSITE', 'TRADING_PLATFORM', 'CREDIT_CHINA_QINGHAI'],
    },
  ],
  demo: {
    recordWeight: 10,
    requestWeight: 18,
    requestTopics: ['国有建设用地使用权出让合同', '土地出让收入征收及使用情况', '某地块土地征收补偿安置方案', '土地供应计划执行情况'],
    blackListReasons: [
      ['竞得土地后拒不签订出让合同', '《招标拍卖挂牌出让国有建设用地使用权规定》第二十五条'],
    ],
  },
} as const satisfies DomainManifest;
