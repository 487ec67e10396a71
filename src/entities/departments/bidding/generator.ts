import type { CategoryGenerator } from '../../../generator/category-generator.js';
import { approval } from './generator/approval.js';
import { candidates } from './generator/candidates.js';
import { contractPerformance } from './generator/contract-performance.js';
import { marketCredit } from './generator/market-credit.js';
import { prequalificationNotice } from './generator/prequalification-notice.js';
import { result } from './generator/result.js';
import { tenderNotice } from './generator/tender-notice.js';

/*
 * 工程建设项目招标投标: a project (from its tenderer: a school builds a
 * teaching block, a 交通运输局 a rural road, a developer a housing estate),
 * one of its tenders (施工 and its lots, 监理, 勘察设计, EPC总承包) and the
 * builders who bid for it. Dates follow 招标投标法 and its 实施条例.
 */

// In generator/: one file per category, and what they share: the tenderer and its project (tenderer.ts,
// projects-*.ts), the tender (tender.ts), the bids (bids.ts), places, dates and money, and the fixed tables
// (places.ts, dates.ts, sectors.ts, words.ts).

export const biddingGenerators: Record<string, CategoryGenerator> = {
  APPROVAL: approval,
  MARKET_CREDIT: marketCredit,
  TENDER_NOTICE: tenderNotice,
  PREQUALIFICATION_NOTICE: prequalificationNotice,
  CANDIDATES: candidates,
  RESULT: result,
  CONTRACT_PERFORMANCE: contractPerformance,
};
