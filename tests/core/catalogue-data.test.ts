import { HEADINGS, planText } from '../helpers/plan.js';
import { describe, it, expect } from 'vitest';
import { CATALOGUE_CATEGORIES, loadCatalogue, type CatalogueRow } from '../../src/reference-data/catalogue.js';
import {
  DOMAIN_CODES,
  expandResponsibilities,
  loadDepartments,
  loadRegions,
  loadResponsibilities,
  type DomainCode,
} from '../../src/reference-data/responsibility-expansion.js';

/** The plan writes digits full-width (２０个工作日); citations use ASCII digits. */
const asciiDigits = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
const planAscii = asciiDigits(planText);

const catalogue = loadCatalogue();
const departments = loadDepartments();
const regions = loadRegions();
const expanded = expandResponsibilities(loadResponsibilities(), departments);

/** DOMAIN.md's tables: category code and 中文 name, per domain, in the plan's order. */
const CATEGORIES: Record<DomainCode, [code: string, item: string][]> = {
  HOUSING: [
    ['SCHEME', '规划建设方案'],
    ['ANNUAL_PLAN', '年度建设计划'],
    ['PLAN_PROGRESS', '建设计划完成情况'],
    ['RURAL_RENOVATION', '农村危房改造'],
    ['ALLOCATION', '保障性住房分配'],
  ],
  LAND_TRANSFER: [
    ['SUPPLY_PLAN', '土地供应计划'],
    ['TRANSFER_NOTICE', '出让公告'],
    ['DEAL', '成交公示'],
  ],
  MINING_RIGHTS: [
    ['MINING_NOTICE', '采矿权出让公告'],
    ['EXPLORATION_NOTICE', '探矿权出让公告'],
    ['DEAL', '交易结果'],
    ['APPROVAL', '审批结果'],
  ],
  GOVERNMENT_PROCUREMENT: [
    ['NOTICE', '采购公告'],
    ['DOCUMENTS', '采购文件'],
    ['RESULT', '采购结果'],
    ['CONTRACT', '采购合同'],
    ['SUPERVISION', '监督处罚信息'],
  ],
  STATE_PROPERTY_RIGHTS: [
    ['APPROVAL', '批准信息'],
    ['NOTICE', '交易公告'],
    ['RESULT', '交易结果'],
  ],
  CONSTRUCTION_BIDDING: [
    ['APPROVAL', '招标核准信息'],
    ['MARKET_CREDIT', '市场主体信用信息'],
    ['TENDER_NOTICE', '招标公告'],
    ['PREQUALIFICATION_NOTICE', '资格预审公告'],
    ['CANDIDATES', '中标候选人'],
    ['RESULT', '中标结果'],
    ['CONTRACT_PERFORMANCE', '合同订立及履行'],
  ],
  DRUG_PROCUREMENT: [
    ['CATALOG', '采购目录'],
    ['NOTICE', '采购公告'],
    ['RESULT', '采购结果'],
  ],
  EMISSION_RIGHTS: [
    ['AUCTION_NOTICE', '竞买通告'],
    ['AUCTION_RESULT', '竞买结果'],
  ],
};

// "及" joins two elements in some places and is part of one element's name in others.
// Every element with 及 must be classified here, so a new one in the text fails loudly.
const JI_JOINS_TWO = new Set(['范围坐标及面积', '采购项目内容及预算金额']);
const JI_INSIDE_ONE = new Set(['对象认定及工作程序', '任务安排及完成情况', '项目招标范围招标方式及组织形式核准信息']);

function splitElements(list: string): string[] {
  return list
    .replace(/等$/, '')
    .split(/[、，]/)
    .flatMap((e) => {
      if (!e.includes('及')) return [e];
      if (JI_JOINS_TWO.has(e)) return e.split('及');
      if (JI_INSIDE_ONE.has(e)) return [e];
      throw new Error(`unclassified element with 及: ${e}`);
    });
}

interface PlanCategory {
  domain: DomainCode;
  /** The plan's name for the category (label, or the owner + label where one line holds two). */
  name: string;
  elements: string[];
}

/** Every category's enumeration, read straight from the plan's text, per domain in order. */
function parsePlan(text: string): Map<DomainCode, PlanCategory[]> {
  const out = new Map<DomainCode, PlanCategory[]>();
  let domain: DomainCode | undefined;
  let supervision: PlanCategory | undefined;
  const flush = () => {
    if (domain && supervision) out.get(domain)!.push(supervision);
    supervision = undefined;
  };
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    // Heading 7 has a private-use character (U+E010) where the others have ".", so skip any non-Han run.
    const heading = /^[０-９0-9]+\P{Script=Han}*(\p{Script=Han}[^。]*领域)。(.*)$/u.exec(line);
    if (heading) {
      flush();
      domain = HEADINGS[heading[1]!];
      if (!domain) throw new Error(`unmapped domain heading ${heading[1]}`);
      out.set(domain, []);
      // 政府采购: the 监督处罚信息 category has no numbered line; the lead sentence lists it.
      const lead = /信息，(?:财政部门作出的)?(.+)等(监督处罚信息)。/.exec(heading[2]!);
      if (lead) supervision = { domain, name: lead[2]!, elements: splitElements(lead[1]!) };
      continue;
    }
    // The end of 一、公开重点: （二）公开主体 and what follows.
    if (/^（[一二三四五六七八九十]+）/.test(line) || /^[一二三四五六七八九十]+、/.test(line)) {
      flush();
      domain = undefined;
      continue;
    }
    if (!domain) continue;
    const category = /^(?:—+|（[０-９0-9]+）)([^：]+)：(.+)$/.exec(line);
    if (!category) continue;
    const label = category[1]!;
    const segments = category[2]!.replace(/[；。]$/, '').split('；');
    for (const segment of segments) {
      // 采矿权的出让主要包括… / 探矿权的出让主要包括…: one line, two categories.
      const owner = segments.length > 1 ? /^(.+?)的出让主要包括/.exec(segment)?.[1] : undefined;
      if (segments.length > 1 && !owner) throw new Error(`${label}: cannot tell whose list ${segment} is`);
      const list = segment.includes('包括') ? segment.slice(segment.indexOf('包括') + 2) : segment;
      out.get(domain)!.push({ domain, name: (owner ?? '') + label, elements: splitElements(list) });
    }
  }
  flush();
  return out;
}

const planCategories = parsePlan(planText);
const key = (r: { domain: string; category: string }) => `${r.domain}.${r.category}`;

/** The plan's categories zipped with DOMAIN.md's codes. */
const expected = DOMAIN_CODES.flatMap((domain) => {
  const parsed = planCategories.get(domain) ?? [];
  const codes = CATEGORIES[domain];
  if (parsed.length !== codes.length) {
    throw new Error(`${domain}: the plan has ${parsed.length} categories, DOMAIN.md ${codes.length}`);
  }
  return codes.map(([category, item], i) => ({ domain, category, item, plan: parsed[i]! }));
});

/** The plan's 32 categories, by key; a manifest may add categories beyond them (each complete: tests/departments/manifests.test.ts). */
const planKeys = new Set(expected.map(key));
const ofPlan = catalogue.filter((r) => planKeys.has(key(r)));
const beyondPlan = catalogue.filter((r) => !planKeys.has(key(r)));

describe('catalogue: one item per category', () => {
  it("has an item for each of the plan's 32 categories, in the plan's order, and one item per category", () => {
    expect(expected).toHaveLength(32);
    expect(ofPlan).toHaveLength(32);
    expect(ofPlan.map(key)).toEqual(expected.map(key));
    expect(new Set(catalogue.map(key)).size).toBe(catalogue.length);
  });

  it("keeps each domain's items together, domains in the plan's order, any item beyond the plan in its domain", () => {
    const runs = catalogue.map((r) => r.domain).filter((d, i, all) => i === 0 || all[i - 1] !== d);
    expect(runs).toEqual([...DOMAIN_CODES]);
    for (const row of beyondPlan) expect(DOMAIN_CODES, key(row)).toContain(row.domain);
  });

  it("lists the loader's category codes as DOMAIN.md does (the plan's, in its order), and as the catalogue does", () => {
    for (const domain of DOMAIN_CODES) {
      const planCodes = CATEGORIES[domain].map(([c]) => c);
      expect(CATALOGUE_CATEGORIES[domain].filter((c) => planCodes.includes(c)), domain).toEqual(planCodes);
      expect([...CATALOGUE_CATEGORIES[domain]], domain).toEqual(catalogue.filter((r) => r.domain === domain).map((r) => r.category));
    }
  });

  it("names each item with DOMAIN.md's 中文 column, which the plan's own name begins with", () => {
    const bare = (s: string) => s.replaceAll('等', '').replace(/信息$/, '');
    for (const e of expected) {
      const row = catalogue.find((r) => key(r) === key(e))!;
      expect(row.item, key(e)).toBe(e.item);
      expect(bare(e.plan.name).startsWith(bare(row.item)), `${key(e)}: ${e.plan.name} / ${row.item}`).toBe(true);
    }
  });
});

describe('catalogue: content elements', () => {
  it.each(expected.map((e) => [key(e), e] as const))('%s lists exactly the plan enumeration', (_, e) => {
    const row = catalogue.find((r) => key(r) === key(e))!;
    expect(row.contentElements).toEqual(e.plan.elements);
  });

  it('parses the enumerations the brief quotes', () => {
    const elements = (k: string) => expected.find((e) => key(e) === k)!.plan.elements;
    expect(elements('GOVERNMENT_PROCUREMENT.RESULT')).toEqual(['项目名称', '中标金额', '中标供应商', '评审专家']);
    expect(elements('GOVERNMENT_PROCUREMENT.NOTICE').slice(-2)).toEqual(['采购项目内容', '预算金额']);
    expect(elements('GOVERNMENT_PROCUREMENT.SUPERVISION')).toEqual([
      '投诉和监督检查等处理决定',
      '对集中采购机构的考核结果',
      '违法失信行为记录',
    ]);
    expect(elements('MINING_RIGHTS.MINING_NOTICE')).toContain('面积');
    expect(elements('MINING_RIGHTS.EXPLORATION_NOTICE')).toHaveLength(11);
    expect(elements('CONSTRUCTION_BIDDING.RESULT')).toEqual(['中标人名称', '投诉渠道', '投诉方式']);
    expect(elements('DRUG_PROCUREMENT.CATALOG')).toEqual(['药品（疫苗）名称', '类型', '规格']);
  });

  it('has no empty, duplicate, 包括-led or 等-trailed element', () => {
    for (const row of catalogue) {
      expect(row.contentElements.length, key(row)).toBeGreaterThan(0);
      expect(new Set(row.contentElements).size, key(row)).toBe(row.contentElements.length);
      for (const e of row.contentElements) {
        expect(e, key(row)).toMatch(/^(?!包括)\S+(?<!等)$/);
      }
    }
  });
});

describe('catalogue: time limits', () => {
  const EXCEPTIONS: Record<string, [number, 'WORKING_DAYS' | 'CALENDAR_DAYS']> = {
    'GOVERNMENT_PROCUREMENT.RESULT': [2, 'WORKING_DAYS'],
    'GOVERNMENT_PROCUREMENT.CONTRACT': [2, 'WORKING_DAYS'],
    'CONSTRUCTION_BIDDING.CANDIDATES': [3, 'CALENDAR_DAYS'],
    'LAND_TRANSFER.DEAL': [10, 'WORKING_DAYS'],
    'MINING_RIGHTS.APPROVAL': [7, 'WORKING_DAYS'],
    'CONSTRUCTION_BIDDING.APPROVAL': [7, 'WORKING_DAYS'],
    'GOVERNMENT_PROCUREMENT.SUPERVISION': [7, 'WORKING_DAYS'],
  };

  it("is 20 working days for the plan's categories, except the licensing, penalty and law-set limits", () => {
    const actual = Object.fromEntries(ofPlan.map((r) => [key(r), [r.timeLimit.amount, r.timeLimit.unit]]));
    const want = Object.fromEntries(
      expected.map((e) => [key(e), EXCEPTIONS[key(e)] ?? [20, 'WORKING_DAYS']]),
    );
    expect(actual).toEqual(want);
    expect(Object.keys(EXCEPTIONS).every((k) => k in actual)).toBe(true);
  });

  it('cites a basis naming an article or document number, with the amount it sets', () => {
    for (const { timeLimit, ...r } of catalogue) {
      expect(timeLimit.basis.trim(), key(r)).not.toBe('');
      expect(timeLimit.basis, key(r)).toMatch(/[条号]/);
      const phrase = timeLimit.unit === 'WORKING_DAYS' ? `${timeLimit.amount}个工作日` : `${timeLimit.amount}日`;
      expect(timeLimit.basis, key(r)).toContain(phrase);
    }
  });

  it('quotes the plan word for word where it cites the plan', () => {
    for (const { timeLimit, ...r } of catalogue) {
      const quoted = /二（四）：([^；]+)/.exec(timeLimit.basis)?.[1];
      if (timeLimit.amount === 20 || timeLimit.amount === 7) expect(quoted, key(r)).toBeDefined();
      if (quoted) expect(planAscii, key(r)).toContain(quoted);
    }
  });

  it('cites the statute that sets each law-set limit', () => {
    const basis = (k: string) => catalogue.find((r) => key(r) === k)!.timeLimit.basis;
    expect(basis('GOVERNMENT_PROCUREMENT.RESULT')).toMatch(/政府采购法实施条例》第四十三条/);
    expect(basis('GOVERNMENT_PROCUREMENT.CONTRACT')).toMatch(/政府采购法实施条例》第五十条/);
    expect(basis('CONSTRUCTION_BIDDING.CANDIDATES')).toMatch(/招标投标法实施条例》第五十四条/);
    expect(basis('LAND_TRANSFER.DEAL')).toMatch(/国土资源部令第39号）第二十二条/);
  });
});

describe('catalogue: who, where, how', () => {
  const LEADS: Record<DomainCode, string> = {
    HOUSING: 'QH-HOUSING',
    LAND_TRANSFER: 'QH-LAND',
    MINING_RIGHTS: 'QH-LAND',
    GOVERNMENT_PROCUREMENT: 'QH-FINANCE',
    STATE_PROPERTY_RIGHTS: 'QH-SASAC',
    CONSTRUCTION_BIDDING: 'QH-PRTS',
    DRUG_PROCUREMENT: 'QH-HEALTH',
    EMISSION_RIGHTS: 'QH-ENV',
  };

  it("makes each domain's lead unit responsible; construction approvals go to the approving 省发展改革委", () => {
    for (const row of catalogue) {
      const want = key(row) === 'CONSTRUCTION_BIDDING.APPROVAL' ? 'QH-NDRC' : LEADS[row.domain];
      expect(row.responsibleDepartment, key(row)).toBe(want);
    }
  });

  it('names a known department that is a LEAD unit of the domain', () => {
    const known = new Set(departments.map((d) => d.code));
    for (const row of catalogue) {
      expect(known.has(row.responsibleDepartment), key(row)).toBe(true);
      const role = expanded.find(
        (x) => x.domain === row.domain && x.departmentCode === row.responsibleDepartment,
      )?.role;
      expect(role, key(row)).toBe('LEAD');
    }
  });

  it('gives one supervision formula, naming the responsible unit', () => {
    for (const row of catalogue) {
      const name = departments.find((d) => d.code === row.responsibleDepartment)!.name;
      expect(row.supervisionChannel, key(row)).toBe(
        `向${name}反映；向青海省人民政府办公厅（省政务公开领导小组办公室）反映；12345政务服务便民热线`,
      );
    }
  });

  it('puts the government website first and repeats no channel', () => {
    for (const row of catalogue) {
      expect(row.channels[0], key(row)).toBe('GOVERNMENT_WEBSITE');
      expect(new Set(row.channels).size, key(row)).toBe(row.channels.length);
    }
  });

  it('routes deals through the trading platform and 信用中国（青海）, credit and penalties through the latter', () => {
    const has = (k: string, channel: CatalogueRow['channels'][number]) =>
      catalogue.find((r) => key(r) === k)!.channels.includes(channel);
    for (const row of catalogue.filter((r) => /(RESULT|DEAL)$/.test(r.category))) {
      expect(row.channels, key(row)).toEqual(expect.arrayContaining(['TRADING_PLATFORM', 'CREDIT_CHINA_QINGHAI']));
    }
    for (const row of catalogue.filter((r) => /NOTICE$/.test(r.category))) {
      expect(row.channels, key(row)).toContain('TRADING_PLATFORM');
    }
    expect(has('CONSTRUCTION_BIDDING.MARKET_CREDIT', 'CREDIT_CHINA_QINGHAI')).toBe(true);
    expect(has('GOVERNMENT_PROCUREMENT.SUPERVISION', 'CREDIT_CHINA_QINGHAI')).toBe(true);
    for (const k of ['HOUSING.ALLOCATION', 'HOUSING.RURAL_RENOVATION']) {
      expect(has(k, 'BULLETIN_BOARD') && has(k, 'SERVICE_HALL'), k).toBe(true);
    }
  });

  it('is proactive, province-level, valid from the date the plan was issued', () => {
    const issued = /成文日期\s*:\s*(\d{4}-\d{2}-\d{2})/.exec(planText)?.[1];
    expect(issued).toBe('2018-03-14');
    expect(regions.find((r) => r.code === '630000')?.level).toBe('PROVINCE');
    for (const row of catalogue) {
      expect([row.disclosureMode, row.regionCode, row.validFrom], key(row)).toEqual(['PROACTIVE', '630000', issued]);
    }
  });
});
