import regionsJson from './regions.json' with { type: 'json' };
import departmentsJson from './departments.json' with { type: 'json' };
import responsibilitiesJson from './responsibilities.json' with { type: 'json' };
import { DOMAIN_CODES, type DomainCode } from '../entities/departments/manifests.js';

const REGION_LEVELS = ['PROVINCE', 'PREFECTURE', 'COUNTY'] as const;
type RegionLevel = (typeof REGION_LEVELS)[number];

const DEPARTMENT_KINDS = [
  'PROVINCIAL_DEPARTMENT',
  'PREFECTURE_GOVERNMENT',
  'PROVINCIAL_GOVERNMENT_OFFICE',
] as const;
type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

// The domains are the department manifests' (in the plan's order); re-exported here, where the
// reference files that name them are read.
export { DOMAIN_CODES, type DomainCode } from '../entities/departments/manifests.js';

const RESPONSIBILITY_ROLES = ['LEAD', 'RESPONSIBLE'] as const;
export type ResponsibilityRole = (typeof RESPONSIBILITY_ROLES)[number];

// 各市州政府 and 省政府各委、办、厅、局, kept as groups because that is how the plan names them.
const RESPONSIBILITY_GROUPS = ['PREFECTURE_GOVERNMENTS', 'PROVINCIAL_DEPARTMENTS'] as const;
type ResponsibilityGroup = (typeof RESPONSIBILITY_GROUPS)[number];

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

export interface DepartmentRow {
  code: string;
  name: string;
  shortName: string;
  kind: DepartmentKind;
  regionCode: string;
}

export type ResponsibilityUnit = { department: string } | { group: ResponsibilityGroup };

export interface ResponsibilityRow {
  domain: DomainCode;
  role: ResponsibilityRole;
  unit: ResponsibilityUnit;
}

export interface ExpandedResponsibility {
  domain: DomainCode;
  departmentCode: string;
  role: ResponsibilityRole;
}

const GROUP_MEMBER_KIND: Record<ResponsibilityGroup, DepartmentKind> = {
  PREFECTURE_GOVERNMENTS: 'PREFECTURE_GOVERNMENT',
  PROVINCIAL_DEPARTMENTS: 'PROVINCIAL_DEPARTMENT',
};

/**
 * One row per (domain, department), in the order the rows first name them.
 * A department named as LEAD stays LEAD when a group also makes it RESPONSIBLE
 * (e.g. 省国土资源厅 leads land transfer and is one of 省政府各委、办、厅、局).
 */
export function expandResponsibilities(
  rows: readonly ResponsibilityRow[],
  departments: readonly DepartmentRow[],
): ExpandedResponsibility[] {
  const known = new Set(departments.map((d) => d.code));
  const byKey = new Map<string, ExpandedResponsibility>();
  for (const row of rows) {
    let codes: string[];
    if ('department' in row.unit) {
      if (!known.has(row.unit.department)) {
        throw new Error(`${row.domain}: unknown department ${row.unit.department}`);
      }
      codes = [row.unit.department];
    } else {
      const kind = GROUP_MEMBER_KIND[row.unit.group];
      codes = departments.filter((d) => d.kind === kind).map((d) => d.code);
    }
    for (const departmentCode of codes) {
      const key = `${row.domain}\u0000${departmentCode}`;
      const existing = byKey.get(key);
      if (!existing) {
        byKey.set(key, { domain: row.domain, departmentCode, role: row.role });
      } else if (row.role === 'LEAD') {
        existing.role = 'LEAD';
      }
    }
  }
  return [...byKey.values()];
}

// The JSON module types widen enums to string, so the loaders check values before narrowing.
function oneOf<T extends string>(allowed: readonly T[], value: string, what: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`invalid ${what}: ${value}`);
  return value as T;
}

export function loadRegions(): RegionRow[] {
  return regionsJson.map((r) => ({
    code: r.code,
    name: r.name,
    level: oneOf(REGION_LEVELS, r.level, `region level of ${r.code}`),
    parentCode: r.parentCode,
  }));
}

export function loadDepartments(): DepartmentRow[] {
  return departmentsJson.map((d) => ({
    code: d.code,
    name: d.name,
    shortName: d.shortName,
    kind: oneOf(DEPARTMENT_KINDS, d.kind, `department kind of ${d.code}`),
    regionCode: d.regionCode,
  }));
}

export function loadResponsibilities(): ResponsibilityRow[] {
  return responsibilitiesJson.map((r) => {
    const unit: ResponsibilityUnit =
      r.unit.department !== undefined
        ? { department: r.unit.department }
        : { group: oneOf(RESPONSIBILITY_GROUPS, r.unit.group ?? '', `group in ${r.domain}`) };
    return {
      domain: oneOf(DOMAIN_CODES, r.domain, 'domain'),
      role: oneOf(RESPONSIBILITY_ROLES, r.role, `role in ${r.domain}`),
      unit,
    };
  });
}
