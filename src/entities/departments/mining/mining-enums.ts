import { registerEnumType } from 'type-graphql';

/**
 * 出让方式 of mining and exploration rights: 招标, 拍卖, 挂牌 as the rule,
 * 协议 where the law allows it, and 申请在先 for exploration rights of the
 * minerals not put out to competition.
 */
export enum MiningTransferMethod {
  TENDER = 'TENDER',
  AUCTION = 'AUCTION',
  LISTING = 'LISTING',
  AGREEMENT = 'AGREEMENT',
  FIRST_TO_APPLY = 'FIRST_TO_APPLY',
}

registerEnumType(MiningTransferMethod, {
  name: 'MiningTransferMethod',
  description: '矿业权出让方式',
  valuesConfig: {
    TENDER: { description: '招标' },
    AUCTION: { description: '拍卖' },
    LISTING: { description: '挂牌' },
    AGREEMENT: { description: '协议' },
    FIRST_TO_APPLY: { description: '申请在先' },
  },
});

/** 勘查工作程度, the exploration stages of GB/T 17766 and GB/T 13908 (English as GB/T 17766-1999 gives them). */
export enum ExplorationDegree {
  RECONNAISSANCE = 'RECONNAISSANCE',
  PROSPECTING = 'PROSPECTING',
  GENERAL_EXPLORATION = 'GENERAL_EXPLORATION',
  DETAILED_EXPLORATION = 'DETAILED_EXPLORATION',
}

registerEnumType(ExplorationDegree, {
  name: 'ExplorationDegree',
  description: '勘查工作程度',
  valuesConfig: {
    RECONNAISSANCE: { description: '预查' },
    PROSPECTING: { description: '普查' },
    GENERAL_EXPLORATION: { description: '详查' },
    DETAILED_EXPLORATION: { description: '勘探' },
  },
});

/** 申请类型 of a mining or exploration licence application (登记类型). */
export enum MiningApplicationType {
  NEW = 'NEW',
  EXTENSION = 'EXTENSION',
  CHANGE = 'CHANGE',
  TRANSFER = 'TRANSFER',
  RETENTION = 'RETENTION',
  CANCELLATION = 'CANCELLATION',
}

registerEnumType(MiningApplicationType, {
  name: 'MiningApplicationType',
  description: '矿业权申请类型',
  valuesConfig: {
    NEW: { description: '新立' },
    EXTENSION: { description: '延续' },
    CHANGE: { description: '变更' },
    TRANSFER: { description: '转让' },
    RETENTION: { description: '保留（探矿权）' },
    CANCELLATION: { description: '注销' },
  },
});

export enum MiningRightKind {
  MINING = 'MINING',
  EXPLORATION = 'EXPLORATION',
}

registerEnumType(MiningRightKind, {
  name: 'MiningRightKind',
  description: '矿业权类别',
  valuesConfig: {
    MINING: { description: '采矿权' },
    EXPLORATION: { description: '探矿权' },
  },
});

/** 缴纳方式 of the price (矿业权出让收益): at once, or in instalments where the rules allow. */
export enum MiningPaymentMethod {
  LUMP_SUM = 'LUMP_SUM',
  INSTALMENTS = 'INSTALMENTS',
}

registerEnumType(MiningPaymentMethod, {
  name: 'MiningPaymentMethod',
  description: '成交价款缴纳方式',
  valuesConfig: {
    LUMP_SUM: { description: '一次性缴纳' },
    INSTALMENTS: { description: '分期缴纳' },
  },
});
