import type { Rng } from '../../../../generator/rng.js';
import type { Sector } from './sectors.js';
import { CN } from './words.js';

export interface Project {
  name: string;
  sector: Sector;
  government: boolean;
  /** 总投资（元）. */
  investment: number;
  /** 建设内容及规模. */
  content: string;
  /** 建设地点. */
  location: string;
  /** 国民经济行业 code in the 投资项目代码. */
  industry: string;
  regionCode: string;
  fund: string;
  /** 标段 description when the works are split. */
  lotPart: (lot: number) => string;
}

/** The sectors whose works are buildings (projects-buildings.ts); the others' are in projects-infrastructure.ts. */
export type BuildingSector = Extract<Sector, 'education' | 'health' | 'housing' | 'public' | 'realEstate'>;

/** What makeProject (tenderer.ts) settles before the sector's own choices: the place, the year, the fund and investment draws. */
export interface ProjectSite {
  rng: Rng;
  area: string;
  prefecture: string;
  regionCode: string;
  /** The year as names write it: 2024年. */
  Y: string;
  gov: (fund: readonly string[]) => string;
  invest: (min: number, max: number) => number;
  base: { sector: Sector; government: boolean; location: string; regionCode: string; lotPart: (lot: number) => string };
}

export function floorArea(rng: Rng, inv: number, minCost: number, maxCost: number): number {
  return Math.max(300, Math.round(inv / rng.int(minCost, maxCost) / 10) * 10);
}

/** Storeys that fit the floor area: no twelve-storey block of 2,000 m². */
export function storeys(rng: Rng, floor: number, max: number): number {
  return Math.max(1, Math.min(max, Math.round(floor / rng.int(800, 2500))));
}

export function buildingLots(rng: Rng) {
  return (lot: number) => {
    const first = (lot - 1) * rng.int(3, 5) + 1;
    return `${first}#—${first + rng.int(1, 4)}#楼及相应室外工程`;
  };
}

export function stakeLots(rng: Rng, kmPerLot: number) {
  return (lot: number) => {
    const start = Math.round((lot - 1) * kmPerLot);
    const end = Math.max(start + 1, Math.round(lot * kmPerLot));
    return `起讫桩号K${start}+${String(rng.int(0, 9) * 100).padStart(3, '0')}—K${end}+${String(rng.int(0, 9) * 100).padStart(3, '0')}`;
  };
}

export function areaLots(lot: number): string {
  return `第${CN[lot - 1]}片区`;
}
