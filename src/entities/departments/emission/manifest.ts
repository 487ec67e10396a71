import type { DomainManifest } from '../../core/domain-manifest.js';

/**
 * 排污权交易 (省环境保护厅): auction notices and results.
 * The domain as data: the plan's words, each category's catalogue item (目录事项) and party roles,
 * and what the demo generator makes of it. Pure data: the category classes are wired to it in
 * index.ts, the generators in generator.ts.
 */
export const emissionManifest = {
  domain: 'EMISSION_RIGHTS',
  zh: '排污权交易',
  responsibleDepartment: 'QH-ENV',
  categories: [
    {
      code: 'AUCTION_NOTICE',
      zh: '竞买通告',
      partyFields: {},
      roles: [],
      contentElements: ['竞买标的', '报名条件', '申报材料'],
      channels: ['GOVERNMENT_WEBSITE', 'TRADING_PLATFORM'],
    },
    {
      code: 'AUCTION_RESULT',
      zh: '竞买结果',
      partyFields: { tradingEnterprise: 'TRADING_ENTERPRISE' },
      roles: ['TRADING_ENTERPRISE'],
      contentElements: ['交易企业', '交易品种', '成交金额'],
      channels: ['GOVERNMENT_WEBSITE', 'TRADING_PLATFORM', 'CREDIT_CHINA_QINGHAI'],
    },
  ],
  demo: {
    recordWeight: 7,
    requestWeight: 3,
    requestTopics: ['排污权交易价格及成交情况', '企业排污许可量核定依据', '排污权有偿使用费收支情况'],
    blackListReasons: [
      ['超过排污许可量排放污染物', '《中华人民共和国大气污染防治法》第九十九条'],
    ],
  },
} as const satisfies DomainManifest;
