import catalogueJson from './catalogue.json' with { type: 'json' };
import { DOMAIN_CODES, type DomainCode } from './responsibility-expansion.js';

// The proactive-disclosure catalogue (主动公开目录清单) of 青政办〔2018〕25号 at province level:
// one item per category of each domain, in the plan's order.

/** Category codes per domain, in the plan's order. */
export const CATALOGUE_CATEGORIES = {
  HOUSING: ['SCHEME', 'ANNUAL_PLAN', 'PLAN_PROGRESS', 'RURAL_RENOVATION', 'ALLOCATION'],
  LAND_TRANSFER: ['SUPPLY_PLAN', 'TRANSFER_NOTICE', 'DEAL'],
  MINING_RIGHTS: ['MINING_NOTICE', 'EXPLORATION_NOTICE', 'DEAL', 'APPROVAL'],
  GOVERNMENT_PROCUREMENT: ['NOTICE', 'DOCUMENTS', 'RESULT', 'CONTRACT', 'SUPERVISION'],
  STATE_PROPERTY_RIGHTS: ['APPROVAL', 'NOTICE', 'RESULT'],
  CONSTRUCTION_BIDDING: [
    'APPROVAL',
    'MARKET_CREDIT',
    'TENDER_NOTICE',
    'PREQUALIFICATION_NOTICE',
    'CANDIDATES',
    'RESULT',
    'CONTRACT_PERFORMANCE',
  ],
  DRUG_PROCUREMENT: ['CATALOG', 'NOTICE', 'RESULT'],
  EMISSION_RIGHTS: ['AUCTION_NOTICE', 'AUCTION_RESULT'],
} as const satisfies Record<DomainCode, readonly string[]>;
export type CatalogueCategory = (typeof CATALOGUE_CATEGORIES)[DomainCode][number];

export const TIME_LIMIT_UNITS = ['WORKING_DAYS', 'CALENDAR_DAYS'] as const;
export type TimeLimitUnitCode = (typeof TIME_LIMIT_UNITS)[number];

export const DISCLOSURE_MODES = ['PROACTIVE', 'ON_REQUEST'] as const;
export type DisclosureModeCode = (typeof DISCLOSURE_MODES)[number];

export const CHANNEL_CODES = [
  'GOVERNMENT_WEBSITE',
  'PRESS_CONFERENCE',
  'WEIBO',
  'WECHAT',
  'CLIENT_APP',
  'RADIO',
  'TV',
  'NEWSPAPER',
  'BULLETIN_BOARD',
  'SERVICE_HALL',
  'TRADING_PLATFORM',
  'CREDIT_CHINA_QINGHAI',
  'MOBILE',
  'SELF_SERVICE_TERMINAL',
  'HOTLINE',
] as const;
export type ChannelCode = (typeof CHANNEL_CODES)[number];

export interface CatalogueTimeLimit {
  amount: number;
  unit: TimeLimitUnitCode;
  /** 依据: a short citation quoting the clause that sets the limit. */
  basis: string;
}

export interface CatalogueRow {
  domain: DomainCode;
  category: CatalogueCategory;
  /** 公开事项 */
  item: string;
  /** 公开内容要素, exactly as the plan enumerates them. */
  contentElements: string[];
  timeLimit: CatalogueTimeLimit;
  disclosureMode: DisclosureModeCode;
  channels: ChannelCode[];
  /** Department code (departments.json): the domain's lead unit. */
  responsibleDepartment: string;
  /** 监督渠道 */
  supervisionChannel: string;
  regionCode: string;
  /** YYYY-MM-DD */
  validFrom: string;
}

// The JSON module types widen enums to string, so the loader checks values before narrowing.
function oneOf<T extends string>(allowed: readonly T[], value: string, what: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`invalid ${what}: ${value}`);
  return value as T;
}

export function loadCatalogue(): CatalogueRow[] {
  return catalogueJson.map((r) => {
    const domain = oneOf(DOMAIN_CODES, r.domain, 'catalogue domain');
    const where = `${domain}.${r.category}`;
    const category = oneOf<CatalogueCategory>(CATALOGUE_CATEGORIES[domain], r.category, `category of ${domain}`);
    if (!Number.isInteger(r.timeLimit.amount) || r.timeLimit.amount <= 0) {
      throw new Error(`invalid time limit amount of ${where}: ${r.timeLimit.amount}`);
    }
    return {
      domain,
      category,
      item: r.item,
      contentElements: [...r.contentElements],
      timeLimit: {
        amount: r.timeLimit.amount,
        unit: oneOf(TIME_LIMIT_UNITS, r.timeLimit.unit, `time limit unit of ${where}`),
        basis: r.timeLimit.basis,
      },
      disclosureMode: oneOf(DISCLOSURE_MODES, r.disclosureMode, `disclosure mode of ${where}`),
      channels: r.channels.map((c) => oneOf(CHANNEL_CODES, c, `channel of ${where}`)),
      responsibleDepartment: r.responsibleDepartment,
      supervisionChannel: r.supervisionChannel,
      regionCode: r.regionCode,
      validFrom: r.validFrom,
    };
  });
}
