import type { Domain } from '../../entities/core/domain.js';
import type { Channel } from '../../entities/hub/enums.js';

/**
 * The shape of a compliance figure set (监督检查): one type shared by the
 * GraphQL `complianceReport`, the ranking and the yearly report page, so the
 * three can never disagree. A month is the monthly self-check (每月自查), a
 * quarter the quarterly review (每季度检查), a year the yearly report (年度报告).
 */
export interface ComplianceScope {
  /** 部门: records the department published (publisher). */
  departmentCode?: string;
  /** 地区: records of that region and every region below it. */
  regionCode?: string;
  /** 领域 */
  domain?: Domain;
}

export interface CompliancePeriod {
  year: number;
  /** 1–4; with no month. */
  quarter?: number;
  /** 1–12; with no quarter. */
  month?: number;
}

/** The period resolved to China-time calendar dates, both ends included. */
export interface ResolvedPeriod extends CompliancePeriod {
  from: string;
  to: string;
}

/**
 * Records formed (or changed) in the period, judged as of `asOf`.
 * Exempt records (免予公开) are counted in `exempt` and in none of the timing
 * figures; retracted records are counted in `retracted` and also by their timing.
 */
export interface ComplianceCounts {
  formed: number;
  publishedOnTime: number;
  publishedLate: number;
  /** Not yet published, deadline not yet passed as of `asOf`. */
  pendingWithinLimit: number;
  /** Not yet published, deadline passed as of `asOf`. */
  pendingOverdue: number;
  retracted: number;
  /** Records with at least one revision (变更) in the period. */
  revised: number;
  exempt: number;
  /** publishedOnTime ÷ (publishedOnTime + publishedLate + pendingOverdue); null when nothing was due. */
  onTimeRate: number | null;
}

export interface CategoryCompliance extends ComplianceCounts {
  domain: Domain;
  category: string;
  /** 公开事项, from the catalogue. */
  name: string;
}

export interface ChannelUse {
  channel: Channel;
  /** Records of the period published on that channel. */
  records: number;
}

/** 查漏补缺: a catalogue category the scope owes but has no record of in the period. */
export interface CatalogueGap {
  domain: Domain;
  category: string;
  name: string;
}

/** 依申请公开: requests received in the period. */
export interface RequestCompliance {
  received: number;
  answeredOnTime: number;
  answeredLate: number;
  pendingWithinLimit: number;
  pendingOverdue: number;
  /** Deadlines extended once by 20 working days (with a recorded reason). */
  extended: number;
  /** answeredOnTime ÷ (answeredOnTime + answeredLate + pendingOverdue); null when nothing was due. */
  onTimeRate: number | null;
}

export interface ComplianceReport {
  scope: ComplianceScope;
  period: ResolvedPeriod;
  /** The day the pending/overdue split was judged on (China time). */
  asOf: string;
  totals: ComplianceCounts;
  byCategory: CategoryCompliance[];
  channels: ChannelUse[];
  gaps: CatalogueGap[];
  requests: RequestCompliance;
}
