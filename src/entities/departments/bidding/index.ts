import type { EntityClass } from '@mikro-orm/core';
import { defineCategories } from '../../hub/published.js';
import { BidCandidates } from './bid-candidates.entity.js';
import { BidResult } from './bid-result.entity.js';
import { BidderCreditInfo } from './bidder-credit-info.entity.js';
import {
  BiddingApproval,
  DesignBudgetApproval,
  ProjectApproval,
  ScopeMethodOrganization,
} from './bidding-approval.entity.js';
import { TenderDocumentIssue, TenderSubmission } from './bidding-values.js';
import { ContractPerformance } from './contract-performance.entity.js';
import { PrequalificationNotice } from './prequalification-notice.entity.js';
import { TenderNotice } from './tender-notice.entity.js';
import { biddingManifest } from './manifest.js';

/** 工程建设项目招标投标 (CONSTRUCTION_BIDDING): each category of the manifest with the class of its typed details. */
export const biddingCategories = defineCategories(biddingManifest, {
  APPROVAL: BiddingApproval,
  MARKET_CREDIT: BidderCreditInfo,
  TENDER_NOTICE: TenderNotice,
  PREQUALIFICATION_NOTICE: PrequalificationNotice,
  CANDIDATES: BidCandidates,
  RESULT: BidResult,
  CONTRACT_PERFORMANCE: ContractPerformance,
});

/** The tables and types of the module: its categories' typed details, then the embeddables they use. */
export const biddingEntities: EntityClass<object>[] = [
  ...biddingCategories.map((c) => c.details),
  ProjectApproval,
  DesignBudgetApproval,
  ScopeMethodOrganization,
  TenderDocumentIssue,
  TenderSubmission,
];
