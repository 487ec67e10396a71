import { HousingProjectType } from '../housing-enums.js';
import type { RecordFrame } from '../../../../generator/category-generator.js';
import type { Rng } from '../../../../generator/rng.js';
import { location } from './places.js';
import { AREAS, ESTATE_WORDS } from './words.js';

export const TYPE_ZH: Record<HousingProjectType, string> = {
  PUBLIC_RENTAL: '公共租赁住房',
  LOW_RENT: '廉租住房',
  ECONOMICAL: '经济适用住房',
  PRICE_CAPPED: '限价商品住房',
  SHARED_OWNERSHIP: '共有产权住房',
  SHANTYTOWN_RENOVATION: '棚户区改造',
  OLD_COMMUNITY_RENOVATION: '城镇老旧小区改造',
  AFFORDABLE_RENTAL: '保障性租赁住房',
};

/** Average floor area per dwelling (平方米) by type: rentals are small, resettlement flats larger. */
export const UNIT_AREA: Record<HousingProjectType, readonly [number, number]> = {
  PUBLIC_RENTAL: [38, 60],
  LOW_RENT: [35, 50],
  ECONOMICAL: [60, 90],
  PRICE_CAPPED: [80, 110],
  SHARED_OWNERSHIP: [75, 100],
  SHANTYTOWN_RENOVATION: [75, 110],
  OLD_COMMUNITY_RENOVATION: [55, 85],
  AFFORDABLE_RENTAL: [30, 70],
};

/**
 * What a year's programme builds: 棚改 peaked up to 2020, 老旧小区改造 began in
 * 2019, 保障性租赁住房 in 2021; 廉租 and 经适 linger only in older records.
 */
function typeWeights(year: number, includeOld: boolean): (readonly [HousingProjectType, number])[] {
  const w: (readonly [HousingProjectType, number])[] = [
    [HousingProjectType.SHANTYTOWN_RENOVATION, year <= 2020 ? 40 : year <= 2022 ? 22 : 15],
    [HousingProjectType.PUBLIC_RENTAL, year <= 2020 ? 25 : 10],
    [HousingProjectType.SHARED_OWNERSHIP, 3],
    [HousingProjectType.PRICE_CAPPED, 2],
  ];
  if (includeOld && year >= 2019) w.push([HousingProjectType.OLD_COMMUNITY_RENOVATION, year === 2019 ? 10 : 30]);
  if (year >= 2021) w.push([HousingProjectType.AFFORDABLE_RENTAL, 24]);
  if (year <= 2020) w.push([HousingProjectType.ECONOMICAL, 2]);
  if (year <= 2019) w.push([HousingProjectType.LOW_RENT, 2]);
  return w;
}

export function pickType(f: RecordFrame, year: number, includeOld = true): HousingProjectType {
  return f.rng.weighted(typeWeights(year, includeOld));
}

export interface Project {
  name: string;
  projectType: HousingProjectType;
  location: string;
  units: number;
  /** 平方米 per dwelling, for floor areas and investments. */
  unitArea: number;
  floorArea: number;
  estates: number;
  investment: number;
}

function projectName(f: RecordFrame, label: string, type: HousingProjectType, year: number, estates: number): string {
  const area = f.rng.pick(AREAS);
  switch (type) {
    case HousingProjectType.SHANTYTOWN_RENOVATION:
      return f.rng.chance(0.5)
        ? `${label}${year}年${area}棚户区改造项目`
        : `${label}${area}棚户区改造安置住房项目`;
    case HousingProjectType.OLD_COMMUNITY_RENOVATION:
      return `${label}${year}年城镇老旧小区改造项目（${f.rng.pick(ESTATE_WORDS)}小区${estates > 1 ? `等${estates}个小区` : ''}）`;
    case HousingProjectType.PUBLIC_RENTAL:
      return f.rng.chance(0.5) ? `${label}${year}年公共租赁住房建设项目` : `${label}${area}公共租赁住房项目`;
    default:
      return `${label}${area}${TYPE_ZH[type]}项目`;
  }
}

/** Whether a label names a city or a city district (西宁市城北区, 格尔木市) rather than a pastoral county. */
export function urban(label: string): boolean {
  return /(市|区)$/.test(label) || label.startsWith('西宁') || label.startsWith('海东');
}

/**
 * Dwellings per project: tens to hundreds in a pastoral county, hundreds to a
 * couple of thousand in Xining and the cities; old-community projects count households.
 */
function projectUnits(rng: Rng, type: HousingProjectType, label: string): number {
  const big = urban(label) || label.endsWith('州');
  if (type === HousingProjectType.OLD_COMMUNITY_RENOVATION) return Math.round(rng.logUniform(big ? 200 : 60, big ? 3000 : 800));
  return Math.round(rng.logUniform(big ? 120 : 48, big ? 2400 : 600));
}

/** Yuan per 平方米: new building on the plateau, or renovation of existing floor area. */
function costPerSquareMetre(rng: Rng, type: HousingProjectType): number {
  return type === HousingProjectType.OLD_COMMUNITY_RENOVATION ? rng.int(300, 900) : rng.int(2800, 4600);
}

export function makeProject(f: RecordFrame, label: string, type: HousingProjectType, year: number, units?: number, estateCount?: number): Project {
  const n = units ?? projectUnits(f.rng, type, label);
  const [lo, hi] = UNIT_AREA[type];
  const unitArea = lo + f.rng.next() * (hi - lo);
  const estates =
    type === HousingProjectType.OLD_COMMUNITY_RENOVATION ? (estateCount ?? Math.max(1, Math.round(n / f.rng.int(80, 300)))) : 0;
  // Common parts (stairs, corridors) add about 15% to the dwellings' own areas.
  const floorArea = n * unitArea * (type === HousingProjectType.OLD_COMMUNITY_RENOVATION ? 1 : 1.15);
  const investment = Math.round((floorArea * costPerSquareMetre(f.rng, type)) / 10_000) * 10_000;
  return {
    name: projectName(f, label, type, year, estates),
    projectType: type,
    location: location(f, label),
    units: n,
    unitArea,
    floorArea,
    estates,
    investment,
  };
}
