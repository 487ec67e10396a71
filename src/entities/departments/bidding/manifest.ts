import type { DomainManifest } from '../../core/domain-manifest.js';

/**
 * 工程建设项目招标投标 (省公共资源交易监督管理局): from the approval to the contract's performance.
 * The domain as data: the plan's words, each category's catalogue item (目录事项) and party roles,
 * and what the demo generator makes of it. Pure data: the category classes are wired to it in
 * index.ts, the generators in generator.ts.
 */
export const biddingManifest = {
  domain: 'CONSTRUCTION_BIDDING',
  zh: '工程建设项目招标投标',
  responsibleDepartment: 'QH-PRTS',
  categories: [
    {
      code: 'APPROVAL',
      zh: '招标核准信息',
      partyFields: { tenderer: 'TENDERER' },
      roles: ['TENDERER'],
      timeLimit: 'ADMINISTRATIVE_DECISION',
      responsibleDepartment: 'QH-NDRC',
      demoWeight: 10,
      contentElements: ['项目审批核准备案信息', '初步设计概算审批情况', '项目招标范围招标方式及组织形式核准信息'],
      channels: ['GOVERNMENT_WEBSITE'],
    },
    {
      code: 'MARKET_CREDIT',
      zh: '市场主体信用信息',
      partyFields: { bidder: 'BIDDER' },
      roles: ['BIDDER'],
      demoWeight: 8,
      contentElements: ['投标企业基本情况', '信用等级', '履约能力', '人员信誉'],
      channels: ['GOVERNMENT_WEBSITE', 'CREDIT_CHINA_QINGHAI'],
    },
    {
      code: 'TENDER_NOTICE',
      zh: '招标公告',
      partyFields: { tenderer: 'TENDERER', agency: 'AGENCY' },
      roles: ['TENDERER', 'AGENCY'],
      demoWeight: 22,
      contentElements: ['招标人', '代理机构', '项目概况', '招标条件', '招标范围', '招标文件获取', '投标文件递交'],
      channels: ['GOVERNMENT_WEBSITE', 'TRADING_PLATFORM'],
    },
    {
      code: 'PREQUALIFICATION_NOTICE',
      zh: '资格预审公告',
      partyFields: { tenderer: 'TENDERER', agency: 'AGENCY' },
      roles: ['TENDERER', 'AGENCY'],
      demoWeight: 6,
      contentElements: ['招标人', '代理机构', '项目概况', '招标条件', '招标范围', '资格预审文件发售', '资格预审审查标准', '资格预审方式'],
      channels: ['GOVERNMENT_WEBSITE', 'TRADING_PLATFORM'],
    },
    {
      code: 'CANDIDATES',
      zh: '中标候选人',
      partyFields: { tenderer: 'TENDERER' },
      roles: ['CANDIDATE', 'TENDERER'],
      timeLimit: {
        amount: 3,
        unit: 'CALENDAR_DAYS',
        basis: '《中华人民共和国招标投标法实施条例》第五十四条：依法必须进行招标的项目，招标人应当自收到评标报告之日起3日内公示中标候选人，公示期不得少于3日',
      },
      demoWeight: 20,
      contentElements: ['中标候选人排序', '名称', '标的', '项目负责人', '异议受理渠道和方式'],
      channels: ['GOVERNMENT_WEBSITE', 'TRADING_PLATFORM'],
    },
    {
      code: 'RESULT',
      zh: '中标结果',
      partyFields: { winner: 'WINNER', tenderer: 'TENDERER' },
      roles: ['WINNER', 'TENDERER'],
      demoWeight: 22,
      contentElements: ['中标人名称', '投诉渠道', '投诉方式'],
      channels: ['GOVERNMENT_WEBSITE', 'TRADING_PLATFORM', 'CREDIT_CHINA_QINGHAI'],
    },
    {
      code: 'CONTRACT_PERFORMANCE',
      zh: '合同订立及履行',
      partyFields: { tenderer: 'TENDERER', contractor: 'CONTRACTOR' },
      roles: ['TENDERER', 'CONTRACTOR'],
      demoWeight: 12,
      contentElements: ['合同主要内容', '订立日期', '开工日期', '施工进度', '竣工日期', '工程验收质量评定等级'],
      channels: ['GOVERNMENT_WEBSITE', 'TRADING_PLATFORM'],
    },
  ],
  demo: {
    recordWeight: 24,
    requestWeight: 14,
    requestTopics: ['招标项目评标报告', '中标候选人业绩及资格审查情况', '施工合同履约及变更情况', '招标项目审批核准文件'],
    blackListReasons: [
      ['串通投标', '《中华人民共和国招标投标法》第五十三条'],
      ['以他人名义投标，弄虚作假骗取中标', '《中华人民共和国招标投标法》第五十四条'],
    ],
  },
} as const satisfies DomainManifest;
