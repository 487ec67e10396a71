import { registerEnumType } from 'type-graphql';

/**
 * The three kinds of 企业国有资产交易 (企业国有资产交易监督管理办法, 国资委 财政部令第32号):
 * 产权转让, 企业增资, 资产转让.
 */
export enum PropertyObjectKind {
  EQUITY = 'EQUITY',
  CAPITAL_INCREASE = 'CAPITAL_INCREASE',
  ASSET = 'ASSET',
}

registerEnumType(PropertyObjectKind, {
  name: 'PropertyObjectKind',
  description: '国有产权交易标的类型',
  valuesConfig: {
    EQUITY: { description: '企业产权（股权）转让' },
    CAPITAL_INCREASE: { description: '企业增资' },
    ASSET: { description: '企业资产转让' },
  },
});

/** 竞价方式 an exchange may use (企业国有产权交易操作规则): 拍卖, 招投标, 网络竞价 in its forms. */
export enum PropertyBiddingMethod {
  AUCTION = 'AUCTION',
  TENDER = 'TENDER',
  ONLINE_MULTIPLE_ROUNDS = 'ONLINE_MULTIPLE_ROUNDS',
  ONLINE_SINGLE_ROUND = 'ONLINE_SINGLE_ROUND',
  ONLINE_WEIGHTED = 'ONLINE_WEIGHTED',
}

registerEnumType(PropertyBiddingMethod, {
  name: 'PropertyBiddingMethod',
  description: '国有产权交易竞价方式',
  valuesConfig: {
    AUCTION: { description: '拍卖' },
    TENDER: { description: '招投标' },
    ONLINE_MULTIPLE_ROUNDS: { description: '网络竞价（多次报价）' },
    ONLINE_SINGLE_ROUND: { description: '网络竞价（一次报价）' },
    ONLINE_WEIGHTED: { description: '网络竞价（权重报价）' },
  },
});

/**
 * 转让方式 a deal closed by: in the exchange, by agreement with the single
 * qualified bidder or by one of the bidding methods; or, where 32号令 第三十一条
 * allows it, by 非公开协议转让.
 */
export enum PropertyTransferMethod {
  AGREEMENT = 'AGREEMENT',
  AUCTION = 'AUCTION',
  TENDER = 'TENDER',
  ONLINE_BIDDING = 'ONLINE_BIDDING',
  NON_PUBLIC_AGREEMENT = 'NON_PUBLIC_AGREEMENT',
}

registerEnumType(PropertyTransferMethod, {
  name: 'PropertyTransferMethod',
  description: '国有产权转让方式',
  valuesConfig: {
    AGREEMENT: { description: '协议转让（公开征集只产生一个符合条件的意向受让方）' },
    AUCTION: { description: '拍卖' },
    TENDER: { description: '招投标' },
    ONLINE_BIDDING: { description: '网络竞价' },
    NON_PUBLIC_AGREEMENT: { description: '非公开协议转让' },
  },
});
