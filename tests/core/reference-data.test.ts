import { HEADINGS, planText } from '../helpers/plan.js';
import { describe, it, expect } from 'vitest';
import {
  DOMAIN_CODES,
  expandResponsibilities,
  loadDepartments,
  loadRegions,
  loadResponsibilities,
  type DepartmentRow,
  type DomainCode,
  type ExpandedResponsibility,
  type ResponsibilityRole,
  type ResponsibilityRow,
  type ResponsibilityUnit,
} from '../../src/reference-data/responsibility-expansion.js';


const regions = loadRegions();
const departments = loadDepartments();
const responsibilities = loadResponsibilities();

const ALL_PROVINCIAL = '省政府各委、办、厅、局';
const ALL_PREFECTURES = '各市州政府';

function unitsFromName(name: string, byShortName: Map<string, DepartmentRow>): ResponsibilityUnit[] {
  if (name === ALL_PREFECTURES) return [{ group: 'PREFECTURE_GOVERNMENTS' }];
  if (name === ALL_PROVINCIAL) return [{ group: 'PROVINCIAL_DEPARTMENTS' }];
  // 省经济和信息化委（省国资委）: one entry naming two departments.
  const paren = /^(.+)（(.+)）$/.exec(name);
  const names = paren ? [paren[1]!, paren[2]!] : [name];
  return names.map((n) => {
    const department = byShortName.get(n);
    if (!department) throw new Error(`plan names ${n}, which no department has as shortName`);
    return { department: department.code };
  });
}

/** The plan's lead/responsible lines per domain, read straight from its text. */
function parsePlan(text: string): ResponsibilityRow[] {
  const byShortName = new Map(departments.map((d) => [d.shortName, d]));
  const rows: ResponsibilityRow[] = [];
  const seen = new Map<DomainCode, ResponsibilityRole[]>();
  let domain: DomainCode | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    // Heading 7 has a private-use character (U+E010) where the others have ".", so skip any non-Han run.
    const heading = /^[０-９0-9]+\P{Script=Han}*(\p{Script=Han}[^。]*领域)。/u.exec(line);
    if (heading) {
      domain = HEADINGS[heading[1]!];
      if (!domain) throw new Error(`unmapped domain heading ${heading[1]}`);
      continue;
    }
    const unitsLine = /^(牵头单位|责任单位)：(.+)$/.exec(line);
    if (!unitsLine) continue;
    if (!domain) throw new Error(`${line} appears before any domain heading`);
    const role: ResponsibilityRole = unitsLine[1] === '牵头单位' ? 'LEAD' : 'RESPONSIBLE';
    seen.set(domain, [...(seen.get(domain) ?? []), role]);
    const names = unitsLine[2]!
      .replaceAll(ALL_PROVINCIAL, '\u0000')
      .split(/[、，,]/)
      .map((n) => n.trim().replace('\u0000', ALL_PROVINCIAL))
      .filter((n) => n.length > 0);
    for (const name of names) {
      for (const unit of unitsFromName(name, byShortName)) rows.push({ domain, role, unit });
    }
  }
  for (const code of DOMAIN_CODES) {
    if (JSON.stringify(seen.get(code)) !== JSON.stringify(['LEAD', 'RESPONSIBLE'])) {
      throw new Error(`${code}: expected one 牵头单位 line then one 责任单位 line, got ${seen.get(code)}`);
    }
  }
  return rows;
}

function expectedExpansion(rows: ResponsibilityRow[]): ExpandedResponsibility[] {
  const members = (unit: ResponsibilityUnit): string[] => {
    if ('department' in unit) return [unit.department];
    const kind = unit.group === 'PREFECTURE_GOVERNMENTS' ? 'PREFECTURE_GOVERNMENT' : 'PROVINCIAL_DEPARTMENT';
    return departments.filter((d) => d.kind === kind).map((d) => d.code);
  };
  const out: ExpandedResponsibility[] = [];
  for (const domain of DOMAIN_CODES) {
    const ofDomain = rows.filter((r) => r.domain === domain);
    const leads = new Set(ofDomain.filter((r) => r.role === 'LEAD').flatMap((r) => members(r.unit)));
    const responsible = new Set(ofDomain.filter((r) => r.role === 'RESPONSIBLE').flatMap((r) => members(r.unit)));
    for (const code of leads) out.push({ domain, departmentCode: code, role: 'LEAD' });
    for (const code of responsible) {
      if (!leads.has(code)) out.push({ domain, departmentCode: code, role: 'RESPONSIBLE' });
    }
  }
  return out;
}

const byKey = (a: ExpandedResponsibility, b: ExpandedResponsibility) =>
  `${a.domain}/${a.departmentCode}`.localeCompare(`${b.domain}/${b.departmentCode}`);

const planRows = parsePlan(planText);
const expanded = expandResponsibilities(responsibilities, departments);
const expandedFor = (domain: DomainCode, role?: ResponsibilityRole) =>
  expanded
    .filter((r) => r.domain === domain && (role === undefined || r.role === role))
    .map((r) => r.departmentCode);

describe('regions', () => {
  const prefectures = regions.filter((r) => r.level === 'PREFECTURE');
  const counties = regions.filter((r) => r.level === 'COUNTY');

  it('has the province and its 8 prefecture-level units', () => {
    expect(regions.filter((r) => r.level === 'PROVINCE')).toEqual([
      { code: '630000', name: '青海省', level: 'PROVINCE', parentCode: null },
    ]);
    expect(prefectures.map((p) => [p.code, p.name, p.parentCode])).toEqual([
      ['630100', '西宁市', '630000'],
      ['630200', '海东市', '630000'],
      ['632200', '海北藏族自治州', '630000'],
      ['632300', '黄南藏族自治州', '630000'],
      ['632500', '海南藏族自治州', '630000'],
      ['632600', '果洛藏族自治州', '630000'],
      ['632700', '玉树藏族自治州', '630000'],
      ['632800', '海西蒙古族藏族自治州', '630000'],
    ]);
  });

  it('uses unique 6-digit Qinghai codes, sorted', () => {
    const codes = regions.map((r) => r.code);
    for (const code of codes) expect(code).toMatch(/^63\d{4}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort());
  });

  it('gives every prefecture at least one county and every county a prefecture parent', () => {
    const prefectureCodes = new Set(prefectures.map((p) => p.code));
    for (const county of counties) expect(prefectureCodes).toContain(county.parentCode);
    for (const prefecture of prefectures) {
      expect(counties.some((c) => c.parentCode === prefecture.code), prefecture.name).toBe(true);
    }
  });
});

describe('departments', () => {
  it('has one government per prefecture', () => {
    const governments = departments.filter((d) => d.kind === 'PREFECTURE_GOVERNMENT');
    expect(governments).toHaveLength(8);
    const prefectures = regions.filter((r) => r.level === 'PREFECTURE');
    expect(governments.map((g) => g.regionCode).sort()).toEqual(prefectures.map((p) => p.code));
    for (const g of governments) expect(g.code).toBe(`GOV-${g.regionCode}`);
  });

  it('has unique codes and short names, and province-level units sit in 630000', () => {
    expect(new Set(departments.map((d) => d.code)).size).toBe(departments.length);
    expect(new Set(departments.map((d) => d.shortName)).size).toBe(departments.length);
    for (const d of departments.filter((x) => x.kind !== 'PREFECTURE_GOVERNMENT')) {
      expect(d.regionCode, d.code).toBe('630000');
      expect(d.code).toMatch(/^QH-[A-Z-]+$/);
    }
  });

  it('includes the general office outside the departments group, and the audit office', () => {
    expect(departments.find((d) => d.code === 'QH-GOV-OFFICE')?.kind).toBe('PROVINCIAL_GOVERNMENT_OFFICE');
    expect(departments.find((d) => d.code === 'QH-AUDIT')?.kind).toBe('PROVINCIAL_DEPARTMENT');
  });
});

describe('responsibilities', () => {
  it('lists units exactly as the plan does, groups unexpanded, in its order', () => {
    expect(responsibilities).toEqual(planRows);
  });

  it('expands to what the plan text implies', () => {
    expect([...expanded].sort(byKey)).toEqual(expectedExpansion(planRows).sort(byKey));
  });

  it('has one row per domain and department', () => {
    const keys = expanded.map((r) => `${r.domain}/${r.departmentCode}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('makes every prefecture government and provincial department responsible for land transfer', () => {
    const members = departments
      .filter((d) => d.kind === 'PREFECTURE_GOVERNMENT' || d.kind === 'PROVINCIAL_DEPARTMENT')
      .map((d) => d.code);
    const involved = expandedFor('LAND_TRANSFER');
    for (const code of members) expect(involved).toContain(code);
    expect(involved).not.toContain('QH-GOV-OFFICE');
    expect(expandedFor('LAND_TRANSFER', 'LEAD')).toEqual(['QH-LAND']);
  });

  it('gives construction bidding exactly two lead units', () => {
    expect(expandedFor('CONSTRUCTION_BIDDING', 'LEAD').sort()).toEqual(['QH-NDRC', 'QH-PRTS']);
    expect(expandedFor('CONSTRUCTION_BIDDING', 'RESPONSIBLE')).toEqual(
      expect.arrayContaining(['QH-ECONINFO', 'QH-SASAC']),
    );
  });

  it('keeps LEAD over a later or earlier group RESPONSIBLE, whatever the row order', () => {
    const rows: ResponsibilityRow[] = [
      { domain: 'HOUSING', role: 'RESPONSIBLE', unit: { group: 'PROVINCIAL_DEPARTMENTS' } },
      { domain: 'HOUSING', role: 'LEAD', unit: { department: 'QH-HOUSING' } },
    ];
    const forward = expandResponsibilities(rows, departments);
    const backward = expandResponsibilities([...rows].reverse(), departments);
    for (const result of [forward, backward]) {
      expect(result.filter((r) => r.role === 'LEAD').map((r) => r.departmentCode)).toEqual(['QH-HOUSING']);
      expect(result.find((r) => r.departmentCode === 'QH-FINANCE')?.role).toBe('RESPONSIBLE');
    }
  });

  it('rejects a department code it does not know', () => {
    expect(() =>
      expandResponsibilities([{ domain: 'HOUSING', role: 'LEAD', unit: { department: 'QH-NOPE' } }], departments),
    ).toThrow(/QH-NOPE/);
  });
});
