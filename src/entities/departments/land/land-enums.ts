import { registerEnumType } from 'type-graphql';

/**
 * 土地用途: the first-level classes of GB/T 21010-2017 土地利用现状分类 that
 * construction land (国有建设用地) can fall in, in the standard's code order;
 * 水域及水利设施用地 only as 水工建筑用地, 其他土地 only as 空闲地.
 */
export enum LandUse {
  COMMERCIAL_SERVICE = 'COMMERCIAL_SERVICE',
  INDUSTRIAL_MINING_STORAGE = 'INDUSTRIAL_MINING_STORAGE',
  RESIDENTIAL = 'RESIDENTIAL',
  PUBLIC_ADMINISTRATION_AND_SERVICE = 'PUBLIC_ADMINISTRATION_AND_SERVICE',
  SPECIAL = 'SPECIAL',
  TRANSPORTATION = 'TRANSPORTATION',
  WATER_CONSERVANCY = 'WATER_CONSERVANCY',
  OTHER = 'OTHER',
}

registerEnumType(LandUse, {
  name: 'LandUse',
  description: '土地用途（GB/T 21010 一级类）',
  valuesConfig: {
    COMMERCIAL_SERVICE: { description: '05 商服用地' },
    INDUSTRIAL_MINING_STORAGE: { description: '06 工矿仓储用地' },
    RESIDENTIAL: { description: '07 住宅用地' },
    PUBLIC_ADMINISTRATION_AND_SERVICE: { description: '08 公共管理与公共服务用地' },
    SPECIAL: { description: '09 特殊用地' },
    TRANSPORTATION: { description: '10 交通运输用地' },
    WATER_CONSERVANCY: { description: '11 水域及水利设施用地（水工建筑用地）' },
    OTHER: { description: '12 其他土地（空闲地）' },
  },
});

/**
 * 供应方式 of state-owned construction land: 划拨, or paid use by 出让
 * (招标, 拍卖, 挂牌, 协议), 租赁 or 作价出资（入股）, as 土地管理法实施条例 lists them.
 */
export enum LandSupplyMethod {
  ALLOCATION = 'ALLOCATION',
  TENDER = 'TENDER',
  AUCTION = 'AUCTION',
  LISTING = 'LISTING',
  AGREEMENT = 'AGREEMENT',
  LEASE = 'LEASE',
  CAPITAL_CONTRIBUTION = 'CAPITAL_CONTRIBUTION',
}

registerEnumType(LandSupplyMethod, {
  name: 'LandSupplyMethod',
  description: '土地供应方式',
  valuesConfig: {
    ALLOCATION: { description: '划拨' },
    TENDER: { description: '招标出让' },
    AUCTION: { description: '拍卖出让' },
    LISTING: { description: '挂牌出让' },
    AGREEMENT: { description: '协议出让' },
    LEASE: { description: '租赁' },
    CAPITAL_CONTRIBUTION: { description: '作价出资（入股）' },
  },
});

/**
 * 出让方式 a transfer notice (出让公告) announces: 招标, 拍卖, 挂牌
 * (招标拍卖挂牌出让国有建设用地使用权规定 第十条). 协议出让 has no notice and
 * no bidding schedule: it is published as a plan and a result instead.
 */
export enum LandTransferMethod {
  TENDER = 'TENDER',
  AUCTION = 'AUCTION',
  LISTING = 'LISTING',
}

registerEnumType(LandTransferMethod, {
  name: 'LandTransferMethod',
  description: '土地出让方式（公告出让）',
  valuesConfig: {
    TENDER: { description: '招标' },
    AUCTION: { description: '拍卖' },
    LISTING: { description: '挂牌' },
  },
});
