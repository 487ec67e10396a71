import type { DomainManifest } from '../../core/domain-manifest.js';

/**
 * 住房保障 (省住房城乡建设厅): plans, progress, rural renovation and allocation.
 * The domain as data: the plan's words, each category's catalogue item (目录事项) and party roles,
 * and what the demo generator makes of it. Pure data: the category classes are wired to it in
 * index.ts, the generators in generator.ts.
 */
export const housingManifest = {
  domain: 'HOUSING',
  zh: '住房保障',
  responsibleDepartment: 'QH-HOUSING',
  categories: [
    {
      code: 'SCHEME',
      zh: '规划建设方案',
      partyFields: {},
      roles: ['DEVELOPER'],
      contentElements: ['项目建设地点', '用地性质', '占地面积', '建设内容', '规划指标'],
      channels: ['GOVERNMENT_WEBSITE'],
    },
    {
      code: 'ANNUAL_PLAN',
      zh: '年度建设计划',
      partyFields: {},
      roles: ['DEVELOPER'],
      contentElements: ['建设计划任务量', '计划项目信息', '计划户型'],
      channels: ['GOVERNMENT_WEBSITE'],
    },
    {
      code: 'PLAN_PROGRESS',
      zh: '建设计划完成情况',
      partyFields: {},
      roles: ['DEVELOPER'],
      contentElements: ['计划任务完成进度', '已开工项目基本信息', '已竣工项目基本信息', '配套设施建设情况'],
      channels: ['GOVERNMENT_WEBSITE'],
    },
    {
      code: 'RURAL_RENOVATION',
      zh: '农村危房改造',
      partyFields: {},
      roles: [],
      contentElements: ['农村危房改造政策', '补助范围', '对象认定及工作程序', '资金补助标准', '任务安排及完成情况'],
      channels: ['GOVERNMENT_WEBSITE', 'BULLETIN_BOARD', 'SERVICE_HALL'],
    },
    {
      code: 'ALLOCATION',
      zh: '保障性住房分配',
      partyFields: {},
      roles: [],
      contentElements: ['分配政策', '分配对象', '分配房源', '分配程序', '分配过程', '分配结果'],
      channels: ['GOVERNMENT_WEBSITE', 'BULLETIN_BOARD', 'SERVICE_HALL'],
    },
  ],
  demo: {
    recordWeight: 8,
    requestWeight: 14,
    requestTopics: ['公共租赁住房分配对象名单及审核情况', '棚户区改造项目资金使用情况', '保障性住房轮候排序规则', '农村危房改造补助对象名单'],
    blackListReasons: [
      ['以欺骗手段骗取保障性住房', '《公共租赁住房管理办法》第三十六条'],
    ],
  },
} as const satisfies DomainManifest;
