import type { EntityClass } from '@mikro-orm/core';
import type { CategoryDefinition } from '../../hub/category-registry.js';
import { bidCandidates, BidCandidates } from './bid-candidates.entity.js';
import { bidResult, BidResult } from './bid-result.entity.js';
import { bidderCreditInfo, BidderCreditInfo } from './bidder-credit-info.entity.js';
import {
  biddingApproval,
  BiddingApproval,
  DesignBudgetApproval,
  ProjectApproval,
  ScopeMethodOrganization,
} from './bidding-approval.entity.js';
import { TenderDocumentIssue, TenderSubmission } from './bidding-values.js';
import { contractPerformance, ContractPerformance } from './contract-performance.entity.js';
import { prequalificationNotice, PrequalificationNotice } from './prequalification-notice.entity.js';
import { tenderNotice, TenderNotice } from './tender-notice.entity.js';

/** 工程建设项目招标投标 (CONSTRUCTION_BIDDING): its categories' typed details, then the embeddables they use. */
export const biddingEntities: EntityClass<object>[] = [
  BiddingApproval,
  BidderCreditInfo,
  TenderNotice,
  PrequalificationNotice,
  BidCandidates,
  BidResult,
  ContractPerformance,
  ProjectApproval,
  DesignBudgetApproval,
  ScopeMethodOrganization,
  TenderDocumentIssue,
  TenderSubmission,
];

export const biddingCategories: CategoryDefinition[] = [
  biddingApproval,
  bidderCreditInfo,
  tenderNotice,
  prequalificationNotice,
  bidCandidates,
  bidResult,
  contractPerformance,
];
