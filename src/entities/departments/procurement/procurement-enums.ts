import { registerEnumType } from 'type-graphql';

/** 采购方式, as 政府采购法 第二十六条 and later rules define them. */
export enum ProcurementMethod {
  OPEN_TENDER = 'OPEN_TENDER',
  INVITED_TENDER = 'INVITED_TENDER',
  COMPETITIVE_NEGOTIATION = 'COMPETITIVE_NEGOTIATION',
  COMPETITIVE_CONSULTATION = 'COMPETITIVE_CONSULTATION',
  SINGLE_SOURCE = 'SINGLE_SOURCE',
  REQUEST_FOR_QUOTATION = 'REQUEST_FOR_QUOTATION',
  FRAMEWORK_AGREEMENT = 'FRAMEWORK_AGREEMENT',
}

registerEnumType(ProcurementMethod, {
  name: 'ProcurementMethod',
  description: '采购方式',
  valuesConfig: {
    OPEN_TENDER: { description: '公开招标' },
    INVITED_TENDER: { description: '邀请招标' },
    COMPETITIVE_NEGOTIATION: { description: '竞争性谈判' },
    COMPETITIVE_CONSULTATION: { description: '竞争性磋商' },
    SINGLE_SOURCE: { description: '单一来源采购' },
    REQUEST_FOR_QUOTATION: { description: '询价' },
    FRAMEWORK_AGREEMENT: { description: '框架协议采购' },
  },
});

export enum EvaluationMethod {
  COMPREHENSIVE_SCORING = 'COMPREHENSIVE_SCORING',
  LOWEST_EVALUATED_PRICE = 'LOWEST_EVALUATED_PRICE',
}

registerEnumType(EvaluationMethod, {
  name: 'EvaluationMethod',
  description: '评标办法',
  valuesConfig: {
    COMPREHENSIVE_SCORING: { description: '综合评分法' },
    LOWEST_EVALUATED_PRICE: { description: '最低评标价法' },
  },
});

export enum SupervisionKind {
  COMPLAINT_DECISION = 'COMPLAINT_DECISION',
  INSPECTION_DECISION = 'INSPECTION_DECISION',
  AGENCY_ASSESSMENT = 'AGENCY_ASSESSMENT',
  VIOLATION_RECORD = 'VIOLATION_RECORD',
}

registerEnumType(SupervisionKind, {
  name: 'SupervisionKind',
  description: '监督处罚信息类别',
  valuesConfig: {
    COMPLAINT_DECISION: { description: '投诉处理决定' },
    INSPECTION_DECISION: { description: '监督检查处理决定' },
    AGENCY_ASSESSMENT: { description: '集中采购机构考核结果' },
    VIOLATION_RECORD: { description: '违法失信行为记录' },
  },
});

export enum ExpertRole {
  LEADER = 'LEADER',
  MEMBER = 'MEMBER',
  PURCHASER_REPRESENTATIVE = 'PURCHASER_REPRESENTATIVE',
}

registerEnumType(ExpertRole, {
  name: 'ExpertRole',
  description: '评审委员会中的身份',
  valuesConfig: {
    LEADER: { description: '评审组长' },
    MEMBER: { description: '评审专家' },
    PURCHASER_REPRESENTATIVE: { description: '采购人代表' },
  },
});
