import { LandUse } from '../land-enums.js';
import type { RegionRow } from '../../../../reference-data/responsibility-expansion.js';
import type { RecordFrame } from '../../../../generator/category-generator.js';
import { placeLabel, shortRegionName } from '../../../../generator/geo.js';
import { NEIGHBOURS, WORKS_NEIGHBOURS, ZONES } from './words.js';
import { priceTier, roadsOf } from '../../../../generator/places.js';

export { priceTier };

interface UseProfile {
  /** Statutory maximum term (城镇国有土地使用权出让和转让暂行条例 第十二条). */
  term: number;
  area: readonly [number, number];
  /** Yuan per square metre at tier 1. */
  unitPrice: readonly [number, number];
  /** How far the price falls with the tier: industrial land barely, housing steeply. */
  tierExponent: number;
}

export const USES: Partial<Record<LandUse, UseProfile>> = {
  [LandUse.RESIDENTIAL]: { term: 70, area: [8_000, 150_000], unitPrice: [2_600, 8_500], tierExponent: 1 },
  [LandUse.COMMERCIAL_SERVICE]: { term: 40, area: [2_000, 60_000], unitPrice: [1_800, 6_500], tierExponent: 1 },
  [LandUse.INDUSTRIAL_MINING_STORAGE]: { term: 50, area: [12_000, 300_000], unitPrice: [150, 420], tierExponent: 0.4 },
  [LandUse.PUBLIC_ADMINISTRATION_AND_SERVICE]: { term: 50, area: [5_000, 60_000], unitPrice: [500, 1_800], tierExponent: 0.8 },
  [LandUse.TRANSPORTATION]: { term: 50, area: [3_000, 80_000], unitPrice: [300, 1_200], tierExponent: 0.7 },
};

const OFFERED_USES: readonly (readonly [LandUse, number])[] = [
  [LandUse.RESIDENTIAL, 40],
  [LandUse.COMMERCIAL_SERVICE, 22],
  [LandUse.INDUSTRIAL_MINING_STORAGE, 30],
  [LandUse.PUBLIC_ADMINISTRATION_AND_SERVICE, 4],
  [LandUse.TRANSPORTATION, 4],
];

export function zonesOf(code: string): readonly string[] {
  return ZONES[code] ?? ['城区', '县城新区', '工业集中区'];
}

const isWorksZone = (zone: string) => /工业|产业|开发区|发电|经济园/.test(zone);

/** The parks take industry, the towns and new districts everything else. */
function zoneFor(code: string, use: LandUse): readonly string[] {
  const industrial = use === LandUse.INDUSTRIAL_MINING_STORAGE;
  const zones = zonesOf(code).filter((z) => isWorksZone(z) === industrial);
  return zones.length ? zones : industrial ? ['工业集中区'] : ['城区'];
}

export function useFor(f: RecordFrame): LandUse {
  return f.rng.weighted(OFFERED_USES);
}

/** Area, in square metres to the hundredth, for a parcel of this use. */
export function parcelArea(f: RecordFrame, use: LandUse): number {
  const p = USES[use]!;
  return Math.round(f.rng.logUniform(p.area[0], p.area[1]) * 100) / 100;
}

/** A market price for the parcel, in yuan rounded to ten thousand, between a million and two billion. */
export function parcelPrice(f: RecordFrame, use: LandUse, areaM2: number, countyCode: string): number {
  const p = USES[use]!;
  const unit = f.rng.logUniform(p.unitPrice[0], p.unitPrice[1]) * priceTier(countyCode) ** p.tierExponent;
  const price = Math.round((areaM2 * unit) / 10_000) * 10_000;
  return Math.min(2_000_000_000, Math.max(1_000_000, price));
}

/** 地块编号 as the county numbers them: 城北区2024-07号, 格尔木市2023-15号. */
export function parcelNo(county: RegionRow, year: number, seq: number): string {
  return `${shortRegionName(county.name)}${year}-${String(seq).padStart(2, '0')}号`;
}

/** A parcel number as a title names it: the city before a district's number (西宁市城北区2024-07号). */
export function parcelInTitle(county: RegionRow, no: string): string {
  const label = placeLabel(county);
  const short = shortRegionName(county.name);
  return `${label.endsWith(short) ? label.slice(0, label.length - short.length) : label}${no}`;
}

/** Where land is sold: mostly around Xining, Haidong and the Qaidam towns. */
export const LAND_PREFECTURE_WEIGHTS: Record<string, number> = { '630100': 34, '630200': 20, '632800': 16, '632500': 8, '632200': 6, '632300': 6, '632700': 5, '632600': 5 };

export function parcelLocation(f: RecordFrame, county: RegionRow, use: LandUse): string {
  const industrial = use === LandUse.INDUSTRIAL_MINING_STORAGE;
  const [east, south, west, north] = f.rng.sample(industrial ? WORKS_NEIGHBOURS : NEIGHBOURS, 4);
  const roads = roadsOf(county.code);
  const road = f.rng.pick(roads);
  const zone = industrial || f.rng.chance(0.5) ? f.rng.pick(zoneFor(county.code, use)) : null;
  const where = zone
    ? `${zone}${road}${f.rng.pick(['以东', '以西', '以南', '以北'])}`
    : `${road}与${f.rng.pick(roads.filter((r) => r !== road))}交叉口${f.rng.pick(['东南侧', '西北侧', '东北侧', '西南侧'])}`;
  return `${placeLabel(county)}${where}，东至${east}，南至${south}，西至${west}，北至${north}`;
}

/** 青海省公共资源交易 numbers for land deals: QHTD2024-632801-015. */
export function tradeNo(f: RecordFrame, county: RegionRow, year = f.year): string {
  return `QHTD${year}-${county.code}-${String(f.rng.int(1, 180)).padStart(3, '0')}`;
}
