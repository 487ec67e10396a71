import type { RegionRow } from '../reference-data/responsibility-expansion.js';
import type { Rng } from './rng.js';

/** Where activity is: Xining and Haidong hold most of Qinghai's people and projects. */
const PREFECTURE_WEIGHTS: Record<string, number> = {
  '630100': 34, // 西宁市
  '630200': 20, // 海东市
  '632800': 14, // 海西州
  '632500': 8, // 海南州
  '632200': 6, // 海北州
  '632300': 6, // 黄南州
  '632700': 6, // 玉树州
  '632600': 6, // 果洛州
};

export interface PickedRegion {
  code: string;
  name: string;
  level: RegionRow['level'];
  /** The prefecture it lies in; null for the province itself. */
  prefectureCode: string | null;
}

export class RegionPicker {
  private readonly entries: (readonly [PickedRegion, number])[] = [];
  private readonly byCode = new Map<string, PickedRegion>();

  constructor(regions: readonly RegionRow[], provinceShare = 0.08) {
    const province = regions.find((r) => r.level === 'PROVINCE')!;
    this.add({ code: province.code, name: province.name, level: 'PROVINCE', prefectureCode: null }, provinceShare * 100);
    for (const prefecture of regions.filter((r) => r.level === 'PREFECTURE')) {
      const weight = (PREFECTURE_WEIGHTS[prefecture.code] ?? 5) * (1 - provinceShare);
      const counties = regions.filter((r) => r.parentCode === prefecture.code);
      this.add({ code: prefecture.code, name: prefecture.name, level: 'PREFECTURE', prefectureCode: prefecture.code }, weight * 0.3);
      for (const county of counties) {
        this.add(
          { code: county.code, name: county.name, level: 'COUNTY', prefectureCode: prefecture.code },
          (weight * 0.7) / counties.length,
        );
      }
    }
  }

  pick(rng: Rng): PickedRegion {
    return rng.weighted(this.entries);
  }

  get(code: string): PickedRegion {
    const region = this.byCode.get(code);
    if (!region) throw new Error(`unknown region ${code}`);
    return region;
  }

  private add(region: PickedRegion, weight: number): void {
    this.entries.push([region, weight]);
    this.byCode.set(region.code, region);
  }
}
