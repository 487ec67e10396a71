import { ExplorationDegree } from '../mining-enums.js';
import type { RegionRow } from '../../../../reference-data/responsibility-expansion.js';
import type { RecordFrame } from '../../../../generator/category-generator.js';
import { localCounty, near, placeLabel, regionRow, shortRegionName } from '../../../../generator/geo.js';
import { type Mineral, MINERALS, MINERALS_BY_PLACE, MINING_PREFECTURE_WEIGHTS } from './minerals.js';
import { CHINESE, MONGOLIAN, SURNAMES, TIBETAN } from './words.js';

function toponym(f: RecordFrame, county: RegionRow): string {
  const r = f.rng;
  const prefecture = county.parentCode ?? '';
  if (prefecture === '630100' || prefecture === '630200' || r.chance(0.2)) {
    return r.chance(0.5) ? `${r.pick(SURNAMES)}家${r.pick(['沟', '湾', '山', '庄', '峡'])}` : `${r.pick(CHINESE.first)}${r.pick(CHINESE.second)}${r.pick(CHINESE.end)}`;
  }
  const words = prefecture === '632800' ? MONGOLIAN : TIBETAN;
  return `${r.pick(words.first)}${r.pick(words.second)}${r.pick(words.end)}`;
}

export interface Site {
  county: RegionRow;
  countyName: string;
  mineral: Mineral;
  toponym: string;
  location: string;
  centre: [number, number];
}

/** A deposit: a county of the record's region, a mineral that county has, a place and its bearing from the county town. */
export function site(f: RecordFrame, forExploration: boolean): Site {
  const r = f.rng;
  const county = localCounty(r, f.region, MINING_PREFECTURE_WEIGHTS);
  const explorable = ([name]: readonly [string, number]) => !forExploration || MINERALS[name]!.explorationArea !== null;
  const own = (MINERALS_BY_PLACE[county.code] ?? []).filter(explorable);
  const usable = own.length ? own : MINERALS_BY_PLACE[county.parentCode ?? '']!.filter(explorable);
  const mineral = MINERALS[r.weighted(usable)]!;
  const countyName = placeLabel(county);
  // Sand, clay and cement stone are dug near the towns; the eastern valleys are small; the plateau's deposits lie far out.
  const nearTown = ['建筑用砂石', '砖瓦用黏土', '水泥用石灰岩', '石膏', '地热', '矿泉水'].includes(mineral.name);
  const east = ['630100', '630200', '632300'].includes(county.parentCode ?? '');
  const urban = ['630102', '630103', '630104', '630105'].includes(county.code);
  const km = urban ? r.int(2, 8) : nearTown ? r.int(3, 35) : east ? r.int(10, 50) : r.int(15, 180);
  const bearing = r.pick(['东', '南', '西', '北', '东南', '东北', '西南', '西北']);
  const name = toponym(f, county);
  return {
    county,
    countyName,
    mineral,
    toponym: name,
    location: `位于${townOf(countyName)}${bearing}约${km}千米处，行政区划隶属${placeOf(county)}管辖`,
    centre: near(r, county.code, Math.min(km, 120)),
  };
}

/** What distances are measured from: 格尔木市区, 大通县城, 大柴旦行委驻地. */
function townOf(countyName: string): string {
  if (countyName.endsWith('县')) return `${countyName}城`;
  if (countyName.endsWith('市')) return `${countyName}区`;
  if (countyName.endsWith('行委')) return `${countyName}驻地`;
  return countyName;
}

function placeOf(county: RegionRow): string {
  const prefecture = county.parentCode ? regionRow(county.parentCode) : null;
  return prefecture && prefecture.level === 'PREFECTURE' ? `${shortRegionName(prefecture.name)}${shortRegionName(county.name)}` : shortRegionName(county.name);
}

const DEGREE_ZH: Record<ExplorationDegree, string> = {
  [ExplorationDegree.RECONNAISSANCE]: '预查',
  [ExplorationDegree.PROSPECTING]: '普查',
  [ExplorationDegree.GENERAL_EXPLORATION]: '详查',
  [ExplorationDegree.DETAILED_EXPLORATION]: '勘探',
};

export function miningName(s: Site): string {
  return `青海省${s.countyName}${s.toponym}${s.mineral.mine}`;
}

export function explorationName(s: Site, degree: ExplorationDegree): string {
  const metal = ['铜', '铅锌', '金', '镍钴'].includes(s.mineral.name);
  const target = s.mineral.target ?? `${s.mineral.name === '镍钴' ? '铜镍钴' : s.mineral.name}${metal ? '多金属矿' : '矿'}`.replace('金多金属矿', '金矿');
  return `青海省${s.countyName}${s.toponym}${target}${DEGREE_ZH[degree]}`;
}

export function km2(f: RecordFrame, range: readonly [number, number]): number {
  return Math.round(f.rng.logUniform(range[0], range[1]) * 10_000) / 10_000;
}
