import { AreaUnit } from '../../../../kernel/values/area.js';
import { LandSupplyMethod, LandUse } from '../land-enums.js';
import type { CategoryGenerator, RecordFrame } from '../../../../generator/category-generator.js';
import { countiesOf, placeLabel, prefectures } from '../../../../generator/geo.js';
import { zonesOf } from './parcels.js';
import { ZONES } from './words.js';

/**
 * Splits `total` (in hundredths) into parts by weight, each at least one
 * hundredth, summing exactly to `total`.
 */
function split(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.max(1, Math.floor((total * w) / sum)));
  const rest = total - parts.reduce((a, b) => a + b, 0);
  const biggest = parts.indexOf(Math.max(...parts));
  parts[biggest]! += rest;
  return parts;
}

function hectares(hundredths: number) {
  return { value: (hundredths / 100).toFixed(4), unit: AreaUnit.HECTARE };
}

/** The plan's total in hectares: a province plans thousands, Xining about a thousand, a pastoral county a few dozen. */
function planTotal(f: RecordFrame): number {
  const r = f.rng;
  const region = f.region;
  const busy = ['630100', '630200', '632800'];
  if (region.level === 'PROVINCE') return r.logUniform(6_000, 14_000);
  if (region.level === 'PREFECTURE') {
    if (region.code === '630100') return r.logUniform(900, 2_000);
    return busy.includes(region.code) ? r.logUniform(450, 1_500) : r.logUniform(120, 600);
  }
  return busy.includes(region.prefectureCode ?? '') ? r.logUniform(30, 450) : r.logUniform(8, 120);
}

export const supplyPlan: CategoryGenerator = (f) => {
  const r = f.rng;
  // Plans are adopted for the coming year late in the year, otherwise for the current one.
  const planYear = Number(f.formedOn.slice(5, 7)) >= 11 && r.chance(0.7) ? f.year + 1 : f.year;
  const total = Math.round(planTotal(f) * 100);

  const uses: [LandUse, number][] = [
    [LandUse.INDUSTRIAL_MINING_STORAGE, r.int(18, 40)],
    [LandUse.RESIDENTIAL, r.int(15, 35)],
    [LandUse.COMMERCIAL_SERVICE, r.int(5, 12)],
    [LandUse.PUBLIC_ADMINISTRATION_AND_SERVICE, r.int(8, 20)],
    [LandUse.TRANSPORTATION, r.int(8, 25)],
  ];
  if (r.chance(0.5)) uses.push([LandUse.WATER_CONSERVANCY, r.int(1, 8)]);
  if (r.chance(0.3)) uses.push([LandUse.SPECIAL, r.int(1, 3)]);
  const structureParts = split(total, uses.map(([, w]) => w));

  const layoutPlaces: { regionCode: string; zone: string | null; weight: number }[] = [];
  if (f.region.level === 'PROVINCE') {
    const weights: Record<string, number> = { '630100': 30, '630200': 20, '632800': 18 };
    for (const p of prefectures()) layoutPlaces.push({ regionCode: p.code, zone: null, weight: (weights[p.code] ?? 6) * r.logUniform(0.7, 1.4) });
  } else if (f.region.level === 'PREFECTURE') {
    for (const c of countiesOf(f.region.code)) {
      layoutPlaces.push({ regionCode: c.code, zone: null, weight: r.logUniform(1, 4) });
      if (ZONES[c.code] && r.chance(0.3)) layoutPlaces.push({ regionCode: c.code, zone: r.pick(ZONES[c.code]!), weight: r.logUniform(0.5, 2) });
    }
  } else {
    const zones = r.sample(zonesOf(f.region.code), r.int(1, 3));
    for (const zone of zones) layoutPlaces.push({ regionCode: f.region.code, zone, weight: r.logUniform(1, 4) });
    if (r.chance(0.5)) layoutPlaces.push({ regionCode: f.region.code, zone: null, weight: r.logUniform(0.5, 2) });
  }
  const layoutParts = split(total, layoutPlaces.map((p) => p.weight));

  const methods: [LandSupplyMethod, number][] = [
    [LandSupplyMethod.ALLOCATION, r.int(30, 55)],
    [LandSupplyMethod.LISTING, r.int(25, 45)],
    [LandSupplyMethod.AGREEMENT, r.int(2, 8)],
  ];
  if (r.chance(0.6)) methods.push([LandSupplyMethod.AUCTION, r.int(2, 10)]);
  if (r.chance(0.2)) methods.push([LandSupplyMethod.TENDER, r.int(1, 3)]);
  if (r.chance(0.15)) methods.push([LandSupplyMethod.LEASE, r.int(1, 3)]);
  if (r.chance(0.1)) methods.push([LandSupplyMethod.CAPITAL_CONTRIBUTION, r.int(1, 2)]);
  const methodParts = split(total, methods.map(([, w]) => w));

  return {
    title: `${placeLabel(f.region)}${planYear}年度国有建设用地供应计划`,
    amount: null,
    projectCode: null,
    details: {
      planYear,
      totalSupply: hectares(total),
      supplyStructure: uses.map(([landUse], i) => ({ landUse, area: hectares(structureParts[i]!) })),
      supplyLayout: layoutPlaces.map((p, i) => ({ regionCode: p.regionCode, zone: p.zone, area: hectares(layoutParts[i]!) })),
      supplyMethod: methods.map(([method], i) => ({ method, area: hectares(methodParts[i]!) })),
    },
    parties: [],
  };
};
