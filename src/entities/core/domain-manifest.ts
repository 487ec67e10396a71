import type { CatalogueTimeLimit, ChannelCode } from '../../reference-data/catalogue-codes.js';
import type { PartyRole } from '../hub/enums.js';

// The shape of a department's manifest (src/entities/departments/<domain>/manifest.ts): the one place
// that lists a domain and its categories. The Domain enum, the category registry, the catalogue, the
// demo generator's tables and the yearly report's labels are all read from the manifests.
//
// Types only, and nothing that imports a manifest: a manifest imports this file, and the manifests
// list is imported by Domain, which every entity uses, so anything here that led back to an entity
// would be an import cycle.

/** A role's code as written in a manifest ('WINNER'): the PartyRole enum's values, which the registry narrows to. */
type PartyRoleCode = `${PartyRole}`;

/**
 * The plan's rule for 行政许可、行政处罚 (青政办〔2018〕25号 二（四）: within 7 working days of the
 * decision). A category names it, or states a statute's own limit in full, or says nothing and takes
 * the plan's general rule (20 working days from formation or change).
 */
export type PlanTimeLimit = 'ADMINISTRATIVE_DECISION';

/** One category of the plan (e.g. 矿业权出让 · 审批结果) and its catalogue item (目录事项). */
export interface CategoryManifest {
  /** The category code, unique within the domain ("APPROVAL"). */
  code: string;
  /** 中文 name, as the plan writes it; also the catalogue item's name (公开事项). */
  zh: string;
  /** Typed subject fields of the GraphQL type (winner, transferor …), resolved from the record's parties by role. */
  partyFields: Readonly<Record<string, PartyRoleCode>>;
  /** Every role a party of such a record may have. */
  roles: readonly PartyRoleCode[];
  /** 公开内容要素, exactly as the plan enumerates them. */
  contentElements: readonly string[];
  /** 公开渠道, the government website first. */
  channels: readonly ChannelCode[];
  /** 公开时限, where it is not the plan's general 20 working days. */
  timeLimit?: PlanTimeLimit | CatalogueTimeLimit;
  /** The responsible unit (departments.json code), where it is not the domain's. */
  responsibleDepartment?: string;
  /**
   * The category's share of the domain's generated records (demo data), where the categories are not
   * equally common. A category without one weighs 100 ÷ (the domain's number of categories), as if all were equal
   * (generator/records.ts).
   */
  demoWeight?: number;
}

/** A department's domain (领域) of the plan: its words, its categories in the plan's order, and its demo data. */
export interface DomainManifest {
  /** The Domain enum value ("MINING_RIGHTS"). */
  domain: string;
  /** The plan's own words for the domain, as the enum's description and a report's label. */
  zh: string;
  /** The domain's lead unit that the catalogue makes responsible (departments.json code). */
  responsibleDepartment: string;
  categories: readonly CategoryManifest[];
  /** What `gongkai seed` generates for the domain. */
  demo: {
    /** Share of generated records, against the other domains. */
    recordWeight: number;
    /** Share of generated requests for disclosure (依申请公开), against the other domains and requests naming none. */
    requestWeight: number;
    /** What people ask this domain for: the things a disclosure leaves out or they could not find. */
    requestTopics: readonly string[];
    /** Why a market subject of this domain is black-listed, and the clause that says so. */
    blackListReasons: readonly (readonly [reason: string, legalBasis: string])[];
  };
}
