import type { DepartmentRow, ExpandedResponsibility } from '../reference-data/responsibility-expansion.js';
import type { PickedRegion } from './regions.js';
import type { Rng } from './rng.js';

/**
 * Who may publish a record of a domain about a region, by the responsibility
 * table and jurisdiction: a provincial department covers the whole province,
 * a prefecture government only its prefecture and the counties under it.
 */
export class PublisherPicker {
  private readonly byDomain = new Map<string, { lead: DepartmentRow[]; provincial: DepartmentRow[]; prefectures: Map<string, DepartmentRow> }>();

  constructor(responsibilities: readonly ExpandedResponsibility[], departments: readonly DepartmentRow[]) {
    const byCode = new Map(departments.map((d) => [d.code, d]));
    for (const r of responsibilities) {
      let entry = this.byDomain.get(r.domain);
      if (!entry) {
        entry = { lead: [], provincial: [], prefectures: new Map() };
        this.byDomain.set(r.domain, entry);
      }
      const department = byCode.get(r.departmentCode)!;
      if (department.kind === 'PREFECTURE_GOVERNMENT') entry.prefectures.set(department.regionCode, department);
      else if (r.role === 'LEAD') entry.lead.push(department);
      else entry.provincial.push(department);
    }
  }

  pick(rng: Rng, domain: string, region: PickedRegion): DepartmentRow {
    const entry = this.byDomain.get(domain);
    if (!entry) throw new Error(`no responsibilities for ${domain}`);
    const local = region.prefectureCode ? entry.prefectures.get(region.prefectureCode) : undefined;
    // Most local records come from the local government where it is responsible;
    // the lead unit publishes most of the rest.
    if (local && rng.chance(0.75)) return local;
    if (entry.provincial.length === 0 || rng.chance(0.7)) return rng.pick(entry.lead);
    return rng.pick(entry.provincial);
  }

  /** Whether the table allows `code` to publish in `domain` about `region` (used by tests and checks). */
  allows(domain: string, region: PickedRegion, code: string): boolean {
    const entry = this.byDomain.get(domain);
    if (!entry) return false;
    if (entry.lead.some((d) => d.code === code) || entry.provincial.some((d) => d.code === code)) return true;
    return region.prefectureCode !== null && entry.prefectures.get(region.prefectureCode)?.code === code;
  }
}
