import { registerEnumType } from 'type-graphql';

/** The closed list of roles in which a record names a market subject (当事主体). */
export enum PartyRole {
  PURCHASER = 'PURCHASER',
  AGENCY = 'AGENCY',
  WINNER = 'WINNER',
  CANDIDATE = 'CANDIDATE',
  SUPPLIER = 'SUPPLIER',
  GRANTEE = 'GRANTEE',
  TRANSFEROR = 'TRANSFEROR',
  TRANSFEREE = 'TRANSFEREE',
  RIGHT_HOLDER = 'RIGHT_HOLDER',
  TENDERER = 'TENDERER',
  BIDDER = 'BIDDER',
  CONTRACTOR = 'CONTRACTOR',
  DEVELOPER = 'DEVELOPER',
  TRADING_ENTERPRISE = 'TRADING_ENTERPRISE',
  SANCTIONED = 'SANCTIONED',
}

registerEnumType(PartyRole, {
  name: 'PartyRole',
  description: '当事主体角色 (the role in which a record names a subject)',
  valuesConfig: {
    PURCHASER: { description: '采购人' },
    AGENCY: { description: '采购代理机构 / 招标代理机构' },
    WINNER: { description: '中标人、竞得人、中标供应商、中标单位' },
    CANDIDATE: { description: '中标候选人' },
    SUPPLIER: { description: '供应商（合同相对方）' },
    GRANTEE: { description: '受让单位（土地）' },
    TRANSFEROR: { description: '转让方（国有产权）' },
    TRANSFEREE: { description: '受让方（国有产权）' },
    RIGHT_HOLDER: { description: '矿业权人' },
    TENDERER: { description: '招标人' },
    BIDDER: { description: '投标企业' },
    CONTRACTOR: { description: '承包人（施工单位）' },
    DEVELOPER: { description: '建设单位' },
    TRADING_ENTERPRISE: { description: '交易企业（排污权）' },
    SANCTIONED: { description: '被处理、处罚主体' },
  },
});

/** Where a record stands; derived from its dates and retraction, kept in step on every write. */
export enum DisclosureStatus {
  PENDING = 'PENDING',
  PUBLISHED = 'PUBLISHED',
  RETRACTED = 'RETRACTED',
}

registerEnumType(DisclosureStatus, {
  name: 'DisclosureStatus',
  description: '公开状态',
  valuesConfig: {
    PENDING: { description: '已形成，尚未公开' },
    PUBLISHED: { description: '已公开' },
    RETRACTED: { description: '已撤回（记录保留，附撤回理由）' },
  },
});

/** Lawful grounds for not disclosing a record's content (不予公开). */
export enum Exemption {
  NONE = 'NONE',
  STATE_SECRET = 'STATE_SECRET',
  COMMERCIAL_SECRET = 'COMMERCIAL_SECRET',
  PERSONAL_PRIVACY = 'PERSONAL_PRIVACY',
  OTHER = 'OTHER',
}

registerEnumType(Exemption, {
  name: 'Exemption',
  description: '免予公开事由',
  valuesConfig: {
    NONE: { description: '无（应当公开）' },
    STATE_SECRET: { description: '国家秘密' },
    COMMERCIAL_SECRET: { description: '商业秘密' },
    PERSONAL_PRIVACY: { description: '个人隐私' },
    OTHER: { description: '其他依法不予公开的情形' },
  },
});

/** The channels the plan names (公开渠道), government website first. */
export enum Channel {
  GOVERNMENT_WEBSITE = 'GOVERNMENT_WEBSITE',
  PRESS_CONFERENCE = 'PRESS_CONFERENCE',
  WEIBO = 'WEIBO',
  WECHAT = 'WECHAT',
  CLIENT_APP = 'CLIENT_APP',
  RADIO = 'RADIO',
  TV = 'TV',
  NEWSPAPER = 'NEWSPAPER',
  BULLETIN_BOARD = 'BULLETIN_BOARD',
  SERVICE_HALL = 'SERVICE_HALL',
  TRADING_PLATFORM = 'TRADING_PLATFORM',
  CREDIT_CHINA_QINGHAI = 'CREDIT_CHINA_QINGHAI',
  MOBILE = 'MOBILE',
  SELF_SERVICE_TERMINAL = 'SELF_SERVICE_TERMINAL',
  HOTLINE = 'HOTLINE',
}

registerEnumType(Channel, {
  name: 'Channel',
  description: '公开渠道',
  valuesConfig: {
    GOVERNMENT_WEBSITE: { description: '政府网站（第一平台）' },
    PRESS_CONFERENCE: { description: '新闻发布会' },
    WEIBO: { description: '政务微博' },
    WECHAT: { description: '政务微信' },
    CLIENT_APP: { description: '政务客户端' },
    RADIO: { description: '广播' },
    TV: { description: '电视' },
    NEWSPAPER: { description: '报纸' },
    BULLETIN_BOARD: { description: '公示栏' },
    SERVICE_HALL: { description: '办事大厅、便民服务窗口' },
    TRADING_PLATFORM: { description: '公共资源交易平台' },
    CREDIT_CHINA_QINGHAI: { description: '信用中国（青海）' },
    MOBILE: { description: '移动端' },
    SELF_SERVICE_TERMINAL: { description: '自助终端' },
    HOTLINE: { description: '热线电话' },
  },
});
