// The closed vocabularies of a catalogue item (目录事项), apart from the catalogue itself: department
// manifests name their channels and time-limit units in them, and catalogue.ts, which gathers the
// manifests, checks every row against them. A leaf, so a manifest can use the types without importing
// the catalogue that imports it.

export const TIME_LIMIT_UNITS = ['WORKING_DAYS', 'CALENDAR_DAYS'] as const;
type TimeLimitUnitCode = (typeof TIME_LIMIT_UNITS)[number];

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
