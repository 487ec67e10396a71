import { PartyRole } from '../../hub/published.js';
import {
  EvaluationMethod,
  ExpertRole,
  ProcurementMethod,
  SupervisionKind,
} from './procurement-enums.js';
import { personName } from '../../../generator/names.js';
import type { CategoryGenerator, RecordFrame } from '../../../generator/category-generator.js';

const ITEMS = ['医疗设备', '办公家具', '信息化建设', '教学设备', '物业管理服务', '公务用车', '食材配送服务', '安保服务', '印刷服务', '网络安全设备', '空调设备', '图书资料', '实验室设备', '绿化养护服务'];

const METHODS: readonly (readonly [ProcurementMethod, number])[] = [
  [ProcurementMethod.OPEN_TENDER, 45],
  [ProcurementMethod.COMPETITIVE_CONSULTATION, 20],
  [ProcurementMethod.COMPETITIVE_NEGOTIATION, 12],
  [ProcurementMethod.REQUEST_FOR_QUOTATION, 10],
  [ProcurementMethod.SINGLE_SOURCE, 5],
  [ProcurementMethod.INVITED_TENDER, 4],
  [ProcurementMethod.FRAMEWORK_AGREEMENT, 4],
];

/** 青海省政府采购 project numbers look like QHZC2024-G1-00123-XNHB. */
function projectNo(f: RecordFrame): string {
  return `QHZC${f.year}-${f.rng.pick(['G', 'F', 'C'])}${f.rng.int(1, 3)}-${String(f.rng.int(1, 99999)).padStart(5, '0')}`;
}

/** Budgets from 10 thousand to 100 million yuan, most in the hundreds of thousands. */
function budget(f: RecordFrame): string {
  return f.rng.money(10_000, 100_000_000, 100);
}

function purchaserAndProject(f: RecordFrame) {
  const purchaser = f.subjects.draw(f.rng, 'purchaser');
  const item = f.rng.pick(ITEMS);
  return { purchaser, item, projectName: `${purchaser.name}${item}采购项目` };
}

const notice: CategoryGenerator = (f) => {
  const { purchaser, projectName } = purchaserAndProject(f);
  const agency = f.subjects.draw(f.rng, 'agency');
  const method = f.rng.weighted(METHODS);
  const amount = budget(f);
  return {
    title: `${projectName}${method === ProcurementMethod.OPEN_TENDER ? '公开招标' : '采购'}公告`,
    amount,
    projectCode: projectNo(f),
    details: {
      method,
      supplierQualifications: '具有独立承担民事责任的能力；具有良好的商业信誉和健全的财务会计制度；参加政府采购活动前三年内在经营活动中没有重大违法记录；未被列入失信被执行人、重大税收违法案件当事人名单、政府采购严重违法失信行为记录名单。',
      content: `${projectName}，详见采购需求。`,
      budget: amount,
    },
    parties: [
      { role: PartyRole.PURCHASER, subject: purchaser },
      { role: PartyRole.AGENCY, subject: agency },
    ],
  };
};

const documents: CategoryGenerator = (f) => {
  const { purchaser, projectName } = purchaserAndProject(f);
  const agency = f.subjects.draw(f.rng, 'agency');
  const code = projectNo(f);
  return {
    title: `${projectName}采购文件`,
    projectCode: code,
    details: {
      supplierInstructions: '供应商应认真阅读采购文件的全部内容，按要求编制响应文件，对采购文件有疑问的应在规定时间内书面提出。',
      technicalRequirements: '所投产品须满足国家相关标准，主要技术参数详见采购需求一览表，标注“★”的为实质性要求。',
      contractTerms: '合同标的、数量、质量、价款、履行期限、地点和方式、违约责任及解决争议的方法。',
      contractTemplate: '政府采购合同（格式文本），详见采购文件第五章。',
      evaluationMethod: f.rng.chance(0.8) ? EvaluationMethod.COMPREHENSIVE_SCORING : EvaluationMethod.LOWEST_EVALUATED_PRICE,
      documentUrl: f.rng.chance(0.7) ? `https://www.ccgp-qinghai.gov.cn/documents/${code}.pdf` : null,
    },
    parties: [
      { role: PartyRole.PURCHASER, subject: purchaser },
      { role: PartyRole.AGENCY, subject: agency },
    ],
  };
};

const result: CategoryGenerator = (f) => {
  const { purchaser, projectName } = purchaserAndProject(f);
  const winner = f.subjects.draw(f.rng, 'supplier');
  const award = budget(f);
  const experts = f.rng.int(3, 7);
  return {
    title: `${projectName}中标（成交）结果公告`,
    amount: award,
    projectCode: projectNo(f),
    details: {
      projectName,
      awardAmount: award,
      reviewExperts: Array.from({ length: experts }, (_, i) => ({
        name: personName(f.rng),
        role: i === 0 ? ExpertRole.LEADER : i === experts - 1 && f.rng.chance(0.5) ? ExpertRole.PURCHASER_REPRESENTATIVE : ExpertRole.MEMBER,
      })),
    },
    parties: [
      { role: PartyRole.WINNER, subject: winner },
      { role: PartyRole.PURCHASER, subject: purchaser },
    ],
  };
};

const contract: CategoryGenerator = (f) => {
  const { purchaser, projectName } = purchaserAndProject(f);
  const supplier = f.subjects.draw(f.rng, 'supplier');
  const amount = budget(f);
  const code = projectNo(f);
  return {
    title: `${projectName}政府采购合同公告`,
    amount,
    projectCode: code,
    details: {
      contractNo: `${code}-HT${f.rng.int(1, 9)}`,
      projectNo: code,
      signedOn: f.formedOn,
    },
    parties: [
      { role: PartyRole.PURCHASER, subject: purchaser },
      { role: PartyRole.SUPPLIER, subject: supplier },
    ],
  };
};

/** Penalty and complaint decisions name the sanctioned supplier or agency; the credit step may black-list it. */
const supervision: CategoryGenerator = (f) => {
  const kind = f.rng.weighted([
    [SupervisionKind.COMPLAINT_DECISION, 35],
    [SupervisionKind.INSPECTION_DECISION, 25],
    [SupervisionKind.VIOLATION_RECORD, 30],
    [SupervisionKind.AGENCY_ASSESSMENT, 10],
  ] as const);
  const sanctioned = f.subjects.draw(f.rng, kind === SupervisionKind.AGENCY_ASSESSMENT ? 'agency' : 'supplier');
  const decision: Record<SupervisionKind, string> = {
    COMPLAINT_DECISION: `经审查，投诉事项缺乏事实依据，驳回投诉。`,
    INSPECTION_DECISION: `经监督检查，${sanctioned.name}在政府采购活动中存在违规行为，责令限期改正。`,
    VIOLATION_RECORD: `${sanctioned.name}提供虚假材料谋取中标，列入政府采购严重违法失信行为记录名单。`,
    AGENCY_ASSESSMENT: `${f.year}年度集中采购机构考核结果：${f.rng.pick(['优秀', '良好', '合格'])}。`,
  };
  return {
    title: `${f.publisher.shortName}关于${sanctioned.name}的政府采购${kind === SupervisionKind.AGENCY_ASSESSMENT ? '考核结果' : '处理决定'}`,
    details: {
      kind,
      decisionNo: `青财采监〔${f.year}〕${f.rng.int(1, 120)}号`,
      decidedOn: f.formedOn,
      decision: decision[kind],
      penalty:
        kind === SupervisionKind.VIOLATION_RECORD
          ? `处以采购金额千分之五的罚款，列入不良行为记录名单，${f.rng.int(1, 3)}年内禁止参加政府采购活动。`
          : null,
    },
    parties: [{ role: PartyRole.SANCTIONED, subject: sanctioned }],
  };
};

export const procurementGenerators: Record<string, CategoryGenerator> = {
  NOTICE: notice,
  DOCUMENTS: documents,
  RESULT: result,
  CONTRACT: contract,
  SUPERVISION: supervision,
};
