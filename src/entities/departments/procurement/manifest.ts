import type { DomainManifest } from '../../core/domain-manifest.js';

/**
 * 政府采购 (省财政厅): from the notice to the contract, and supervision.
 * The domain as data: the plan's words, each category's catalogue item (目录事项) and party roles,
 * and what the demo generator makes of it. Pure data: the category classes are wired to it in
 * index.ts, the generators in generator.ts.
 */
export const procurementManifest = {
  domain: 'GOVERNMENT_PROCUREMENT',
  zh: '政府采购',
  responsibleDepartment: 'QH-FINANCE',
  categories: [
    {
      code: 'NOTICE',
      zh: '采购公告',
      partyFields: { purchaser: 'PURCHASER', agency: 'AGENCY' },
      roles: ['PURCHASER', 'AGENCY'],
      demoWeight: 30,
      contentElements: ['采购人', '采购代理机构', '采购方式', '供应商资格要求', '采购项目内容', '预算金额'],
      channels: ['GOVERNMENT_WEBSITE', 'TRADING_PLATFORM'],
    },
    {
      code: 'DOCUMENTS',
      zh: '采购文件',
      partyFields: {},
      roles: ['PURCHASER', 'AGENCY'],
      demoWeight: 10,
      contentElements: ['供应商须知', '技术参数要求', '合同内容', '合同格式', '评标办法'],
      channels: ['GOVERNMENT_WEBSITE', 'TRADING_PLATFORM'],
    },
    {
      code: 'RESULT',
      zh: '采购结果',
      partyFields: { winningSupplier: 'WINNER' },
      roles: ['WINNER', 'PURCHASER', 'AGENCY'],
      timeLimit: {
        amount: 2,
        unit: 'WORKING_DAYS',
        basis: '《中华人民共和国政府采购法实施条例》第四十三条：采购人或者采购代理机构应当自中标、成交供应商确定之日起2个工作日内，发出中标、成交通知书，并在省级以上人民政府财政部门指定的媒体上公告中标、成交结果',
      },
      demoWeight: 30,
      contentElements: ['项目名称', '中标金额', '中标供应商', '评审专家'],
      channels: ['GOVERNMENT_WEBSITE', 'TRADING_PLATFORM', 'CREDIT_CHINA_QINGHAI'],
    },
    {
      code: 'CONTRACT',
      zh: '采购合同',
      partyFields: { purchaser: 'PURCHASER', supplier: 'SUPPLIER' },
      roles: ['PURCHASER', 'SUPPLIER'],
      timeLimit: {
        amount: 2,
        unit: 'WORKING_DAYS',
        basis: '《中华人民共和国政府采购法实施条例》第五十条：采购人应当自政府采购合同签订之日起2个工作日内，将政府采购合同在省级以上人民政府财政部门指定的媒体上公告',
      },
      demoWeight: 25,
      contentElements: ['合同编号', '项目编号', '合同金额', '订立日期'],
      channels: ['GOVERNMENT_WEBSITE', 'TRADING_PLATFORM'],
    },
    {
      code: 'SUPERVISION',
      zh: '监督处罚信息',
      partyFields: { sanctioned: 'SANCTIONED' },
      roles: ['SANCTIONED'],
      timeLimit: 'ADMINISTRATIVE_DECISION',
      demoWeight: 5,
      contentElements: ['投诉和监督检查等处理决定', '对集中采购机构的考核结果', '违法失信行为记录'],
      channels: ['GOVERNMENT_WEBSITE', 'CREDIT_CHINA_QINGHAI'],
    },
  ],
  demo: {
    recordWeight: 30,
    requestWeight: 16,
    requestTopics: ['政府采购项目评审专家名单及评审意见', '政府采购合同文本', '采购项目预算及执行情况', '供应商投诉处理决定'],
    blackListReasons: [
      ['提供虚假材料谋取中标、成交', '《中华人民共和国政府采购法》第七十七条'],
    ],
  },
} as const satisfies DomainManifest;
