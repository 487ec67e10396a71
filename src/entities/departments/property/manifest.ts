import type { DomainManifest } from '../../core/domain-manifest.js';

/**
 * 国有产权交易 (省国资委): approval, notice and result of a transfer.
 * The domain as data: the plan's words, each category's catalogue item (目录事项) and party roles,
 * and what the demo generator makes of it. Pure data: the category classes are wired to it in
 * index.ts, the generators in generator.ts.
 */
export const propertyManifest = {
  domain: 'STATE_PROPERTY_RIGHTS',
  zh: '国有产权交易',
  responsibleDepartment: 'QH-SASAC',
  categories: [
    {
      code: 'APPROVAL',
      zh: '批准信息',
      partyFields: { transferor: 'TRANSFEROR' },
      roles: ['TRANSFEROR'],
      contentElements: ['审查批准情况', '转让主体', '转让标的'],
      channels: ['GOVERNMENT_WEBSITE'],
    },
    {
      code: 'NOTICE',
      zh: '交易公告',
      partyFields: { transferor: 'TRANSFEROR' },
      roles: ['TRANSFEROR'],
      contentElements: ['项目概况', '资产评估情况', '竞价方式', '交易条件', '受让方资格条件'],
      channels: ['GOVERNMENT_WEBSITE', 'TRADING_PLATFORM'],
    },
    {
      code: 'RESULT',
      zh: '交易结果',
      partyFields: { transferor: 'TRANSFEROR', transferee: 'TRANSFEREE' },
      roles: ['TRANSFEROR', 'TRANSFEREE'],
      contentElements: ['项目编号', '标的名称', '成交价格', '成交时间', '转让方式'],
      channels: ['GOVERNMENT_WEBSITE', 'TRADING_PLATFORM', 'CREDIT_CHINA_QINGHAI'],
    },
  ],
  demo: {
    recordWeight: 7,
    requestWeight: 4,
    requestTopics: ['国有产权转让资产评估报告', '企业国有资产交易批准文件', '国有股权转让价格确定依据'],
    blackListReasons: [
      ['恶意串通压低交易价格', '《企业国有资产交易监督管理办法》第六十八条'],
    ],
  },
} as const satisfies DomainManifest;
