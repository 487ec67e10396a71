import { registerEnumType } from 'type-graphql';

/** 项目审批、核准或备案: which of the three investment-management procedures the project went through. */
export enum ProjectApprovalKind {
  EXAMINATION = 'EXAMINATION',
  CONFIRMATION = 'CONFIRMATION',
  FILING = 'FILING',
}

registerEnumType(ProjectApprovalKind, {
  name: 'ProjectApprovalKind',
  description: '项目审批核准备案类别',
  valuesConfig: {
    EXAMINATION: { description: '审批（政府投资项目）' },
    CONFIRMATION: { description: '核准（企业投资项目，核准目录内）' },
    FILING: { description: '备案（企业投资项目，核准目录外）' },
  },
});

/** 招标方式, 招标投标法 第十条. */
export enum TenderingMethod {
  OPEN = 'OPEN',
  INVITED = 'INVITED',
}

registerEnumType(TenderingMethod, {
  name: 'TenderingMethod',
  description: '招标方式',
  valuesConfig: {
    OPEN: { description: '公开招标' },
    INVITED: { description: '邀请招标' },
  },
});

/** 招标组织形式, 招标投标法 第十二条. */
export enum TenderingOrganisation {
  SELF = 'SELF',
  ENTRUSTED = 'ENTRUSTED',
}

registerEnumType(TenderingOrganisation, {
  name: 'TenderingOrganisation',
  description: '招标组织形式',
  valuesConfig: {
    SELF: { description: '自行招标' },
    ENTRUSTED: { description: '委托招标（委托招标代理机构）' },
  },
});

/** 资格预审方式, as the standard prequalification documents (标准施工招标资格预审文件) define them. */
export enum PrequalificationMethod {
  PASS_FAIL = 'PASS_FAIL',
  LIMITED_NUMBER = 'LIMITED_NUMBER',
}

registerEnumType(PrequalificationMethod, {
  name: 'PrequalificationMethod',
  description: '资格预审方式',
  valuesConfig: {
    PASS_FAIL: { description: '合格制' },
    LIMITED_NUMBER: { description: '有限数量制' },
  },
});

export enum BidSubmissionMethod {
  ONLINE = 'ONLINE',
  ON_SITE = 'ON_SITE',
  ONLINE_AND_ON_SITE = 'ONLINE_AND_ON_SITE',
}

registerEnumType(BidSubmissionMethod, {
  name: 'BidSubmissionMethod',
  description: '递交方式',
  valuesConfig: {
    ONLINE: { description: '网上递交（电子文件，经公共资源交易平台）' },
    ON_SITE: { description: '现场递交（纸质文件）' },
    ONLINE_AND_ON_SITE: { description: '网上递交电子文件并现场递交纸质文件' },
  },
});

/**
 * 工程验收质量评定等级. GB 50300-2013 (建筑工程施工质量验收统一标准) keeps only
 * 合格 and 不合格; the older 优良 grade no longer exists.
 */
export enum ConstructionAcceptanceGrade {
  PASSED = 'PASSED',
  FAILED = 'FAILED',
}

registerEnumType(ConstructionAcceptanceGrade, {
  name: 'ConstructionAcceptanceGrade',
  description: '工程验收质量评定等级',
  valuesConfig: {
    PASSED: { description: '合格' },
    FAILED: { description: '不合格' },
  },
});
