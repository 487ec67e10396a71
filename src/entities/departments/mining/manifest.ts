import type { DomainManifest } from '../../core/domain-manifest.js';

/**
 * 矿业权出让 (省国土资源厅): mining and exploration notices, deals and approvals.
 * The domain as data: the plan's words, each category's catalogue item (目录事项) and party roles,
 * and what the demo generator makes of it. Pure data: the category classes are wired to it in
 * index.ts, the generators in generator.ts.
 */
export const miningManifest = {
  domain: 'MINING_RIGHTS',
  zh: '矿业权出让',
  responsibleDepartment: 'QH-LAND',
  categories: [
    {
      code: 'MINING_NOTICE',
      zh: '采矿权出让公告',
      partyFields: {},
      roles: [],
      contentElements: ['采矿权的项目名称', '开采矿种', '地理位置', '范围坐标', '面积', '生产规模', '出让方式'],
      channels: ['GOVERNMENT_WEBSITE', 'TRADING_PLATFORM'],
    },
    {
      code: 'EXPLORATION_NOTICE',
      zh: '探矿权出让公告',
      partyFields: {},
      roles: [],
      contentElements: ['探矿权项目名称', '地理位置', '勘查矿种', '范围坐标', '面积', '勘查工作程度', '出让年限', '出让方式', '资质条件', '时间规定', '竞买要求'],
      channels: ['GOVERNMENT_WEBSITE', 'TRADING_PLATFORM'],
    },
    {
      code: 'DEAL',
      zh: '交易结果',
      partyFields: { winner: 'WINNER' },
      roles: ['WINNER'],
      contentElements: ['中标人或竞得人基本情况', '中标或竞得的矿业权简要情况', '成交时间', '成交地点', '成交价格', '缴纳方式'],
      channels: ['GOVERNMENT_WEBSITE', 'TRADING_PLATFORM', 'CREDIT_CHINA_QINGHAI'],
    },
    {
      code: 'APPROVAL',
      zh: '审批结果',
      partyFields: { rightHolder: 'RIGHT_HOLDER' },
      roles: ['RIGHT_HOLDER'],
      timeLimit: 'ADMINISTRATIVE_DECISION',
      contentElements: ['矿业权人', '许可证号', '有效期止', '申请类型'],
      channels: ['GOVERNMENT_WEBSITE'],
    },
  ],
  demo: {
    recordWeight: 6,
    requestWeight: 6,
    requestTopics: ['采矿权出让收益评估报告', '探矿权出让合同', '矿山地质环境恢复治理方案', '矿业权审批结果及依据'],
    blackListReasons: [
      ['无证开采、越界开采', '《中华人民共和国矿产资源法》第三十九条'],
    ],
  },
} as const satisfies DomainManifest;
