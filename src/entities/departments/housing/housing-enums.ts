import { registerEnumType } from 'type-graphql';

/**
 * 城镇保障性安居工程 project types. 廉租住房 merged into 公共租赁住房 in 2014
 * but older records still use it; 城镇老旧小区改造 (2019) and 保障性租赁住房
 * (2021) were added to the programme later.
 */
export enum HousingProjectType {
  PUBLIC_RENTAL = 'PUBLIC_RENTAL',
  LOW_RENT = 'LOW_RENT',
  ECONOMICAL = 'ECONOMICAL',
  PRICE_CAPPED = 'PRICE_CAPPED',
  SHARED_OWNERSHIP = 'SHARED_OWNERSHIP',
  SHANTYTOWN_RENOVATION = 'SHANTYTOWN_RENOVATION',
  OLD_COMMUNITY_RENOVATION = 'OLD_COMMUNITY_RENOVATION',
  AFFORDABLE_RENTAL = 'AFFORDABLE_RENTAL',
}

registerEnumType(HousingProjectType, {
  name: 'HousingProjectType',
  description: '保障性安居工程类型',
  valuesConfig: {
    PUBLIC_RENTAL: { description: '公共租赁住房' },
    LOW_RENT: { description: '廉租住房' },
    ECONOMICAL: { description: '经济适用住房' },
    PRICE_CAPPED: { description: '限价商品住房' },
    SHARED_OWNERSHIP: { description: '共有产权住房' },
    SHANTYTOWN_RENOVATION: { description: '棚户区改造（含安置住房）' },
    OLD_COMMUNITY_RENOVATION: { description: '城镇老旧小区改造' },
    AFFORDABLE_RENTAL: { description: '保障性租赁住房' },
  },
});

/** The measures in which annual targets (计划任务量) are set. */
export enum HousingTaskMeasure {
  NEW_START = 'NEW_START',
  BASIC_COMPLETION = 'BASIC_COMPLETION',
  COMPLETION = 'COMPLETION',
  ALLOCATION = 'ALLOCATION',
  RENTAL_SUBSIDY = 'RENTAL_SUBSIDY',
}

registerEnumType(HousingTaskMeasure, {
  name: 'HousingTaskMeasure',
  description: '任务指标',
  valuesConfig: {
    NEW_START: { description: '新开工（改造）' },
    BASIC_COMPLETION: { description: '基本建成' },
    COMPLETION: { description: '竣工' },
    ALLOCATION: { description: '分配入住' },
    RENTAL_SUBSIDY: { description: '发放租赁补贴' },
  },
});

export enum HousingCountUnit {
  DWELLING = 'DWELLING',
  HOUSEHOLD = 'HOUSEHOLD',
  ESTATE = 'ESTATE',
}

registerEnumType(HousingCountUnit, {
  name: 'HousingCountUnit',
  description: '计量单位',
  valuesConfig: {
    DWELLING: { description: '套' },
    HOUSEHOLD: { description: '户' },
    ESTATE: { description: '个（小区）' },
  },
});

/** 农村危房改造 target households: the four priority groups (4类重点对象) and others. */
export enum RuralHouseholdCategory {
  REGISTERED_POOR = 'REGISTERED_POOR',
  SUBSISTENCE_ALLOWANCE = 'SUBSISTENCE_ALLOWANCE',
  DISPERSED_EXTREME_POVERTY = 'DISPERSED_EXTREME_POVERTY',
  POOR_DISABLED = 'POOR_DISABLED',
  ORDINARY = 'ORDINARY',
}

registerEnumType(RuralHouseholdCategory, {
  name: 'RuralHouseholdCategory',
  description: '补助对象类别',
  valuesConfig: {
    REGISTERED_POOR: { description: '建档立卡贫困户' },
    SUBSISTENCE_ALLOWANCE: { description: '低保户' },
    DISPERSED_EXTREME_POVERTY: { description: '农村分散供养特困人员' },
    POOR_DISABLED: { description: '贫困残疾人家庭' },
    ORDINARY: { description: '一般农户' },
  },
});

export enum RuralRenovationMethod {
  REBUILD = 'REBUILD',
  REPAIR = 'REPAIR',
}

registerEnumType(RuralRenovationMethod, {
  name: 'RuralRenovationMethod',
  description: '改造方式',
  valuesConfig: {
    REBUILD: { description: '拆除重建' },
    REPAIR: { description: '修缮加固' },
  },
});
