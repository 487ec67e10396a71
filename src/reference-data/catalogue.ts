import type { CategoryManifest, DomainManifest, PlanTimeLimit } from '../entities/core/domain-manifest.js';
import { DOMAIN_MANIFESTS, type CategoryCode, type DomainCode } from '../entities/departments/manifests.js';
import type { CatalogueTimeLimit, ChannelCode, DisclosureModeCode } from './catalogue-codes.js';
import { loadDepartments } from './responsibility-expansion.js';

// The proactive-disclosure catalogue (主动公开目录清单) of 青政办〔2018〕25号 at province level:
// one item per category of each domain, in the plan's order. Each department's manifest holds its
// items (src/entities/departments/<domain>/manifest.ts); this file gathers them and adds what the
// plan sets for every item alike.

/** Category codes per domain, in the plan's order, as the manifests list them. */
export const CATALOGUE_CATEGORIES: Readonly<Record<DomainCode, readonly CategoryCode[]>> = Object.fromEntries(
  DOMAIN_MANIFESTS.map((m): [DomainCode, readonly CategoryCode[]] => [m.domain, m.categories.map((c) => c.code)]),
) as Record<DomainCode, readonly CategoryCode[]>;
type CatalogueCategory = CategoryCode;

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

const PLAN = '《青海省推进公共资源配置领域政府信息公开的实施方案》（青政办〔2018〕25号）二（四）';

/** 二（四）'s general rule, cited with the national regulation it restates: what an item takes unless its manifest says otherwise. */
const GENERAL_TIME_LIMIT: CatalogueTimeLimit = {
  amount: 20,
  unit: 'WORKING_DAYS',
  basis: `${PLAN}：确定为主动公开的信息，应当自信息形成或变更之日起20个工作日内予以公开；《中华人民共和国政府信息公开条例》（国务院令第492号）第十八条`,
};

/** The plan's other rules, which a manifest names rather than quotes (three departments share this one). */
const PLAN_TIME_LIMITS: Record<PlanTimeLimit, CatalogueTimeLimit> = {
  ADMINISTRATIVE_DECISION: {
    amount: 7,
    unit: 'WORKING_DAYS',
    basis: `${PLAN}：行政许可、行政处罚事项应当自作出行政决定之日起7个工作日内公开；《青海省实施〈中华人民共和国政府信息公开条例〉办法》`,
  },
};

/** The province's catalogue (630000), proactive, in force from the day the plan was issued. */
const PROVINCE = '630000';
const PLAN_ISSUED_ON = '2018-03-14';

/** 监督渠道: the plan's one formula, naming the responsible unit by its full name. */
const supervisionChannel = (unitName: string) =>
  `向${unitName}反映；向青海省人民政府办公厅（省政务公开领导小组办公室）反映；12345政务服务便民热线`;

function timeLimitOf(category: CategoryManifest): CatalogueTimeLimit {
  const limit = category.timeLimit;
  const rule = limit === undefined ? GENERAL_TIME_LIMIT : typeof limit === 'string' ? PLAN_TIME_LIMITS[limit] : limit;
  return { amount: rule.amount, unit: rule.unit, basis: rule.basis };
}

function rowOf(manifest: DomainManifest, category: CategoryManifest, unitNames: ReadonlyMap<string, string>): CatalogueRow {
  const where = `${manifest.domain}.${category.code}`;
  const timeLimit = timeLimitOf(category);
  // The manifest's types check its words; what they cannot check is checked here, once per load.
  if (!Number.isInteger(timeLimit.amount) || timeLimit.amount <= 0) {
    throw new Error(`invalid time limit amount of ${where}: ${timeLimit.amount}`);
  }
  const responsibleDepartment = category.responsibleDepartment ?? manifest.responsibleDepartment;
  const unitName = unitNames.get(responsibleDepartment);
  if (!unitName) throw new Error(`unknown responsible department of ${where}: ${responsibleDepartment}`);
  return {
    domain: manifest.domain as DomainCode,
    category: category.code as CatalogueCategory,
    item: category.zh,
    contentElements: [...category.contentElements],
    timeLimit,
    disclosureMode: 'PROACTIVE',
    channels: [...category.channels],
    responsibleDepartment,
    supervisionChannel: supervisionChannel(unitName),
    regionCode: PROVINCE,
    validFrom: PLAN_ISSUED_ON,
  };
}

/** Every domain's items, in the plan's order: each manifest's categories in turn. */
export function loadCatalogue(): CatalogueRow[] {
  const unitNames = new Map(loadDepartments().map((d) => [d.code, d.name]));
  return DOMAIN_MANIFESTS.flatMap((manifest: DomainManifest) => manifest.categories.map((c) => rowOf(manifest, c, unitNames)));
}
