import { loadRegions } from '../../../../reference-data/responsibility-expansion.js';
import type { Rng } from '../../../../generator/rng.js';
import { AREA_CODES } from './words.js';

export const REGIONS = new Map(loadRegions().map((r) => [r.code, r]));
export const PROVINCE = '630000';

export function prefectureOf(code: string): string | null {
  return code === PROVINCE ? null : `${code.slice(0, 4)}00`;
}

function shortPrefecture(name: string): string {
  return name.replace(/(蒙古族藏族|藏族)自治州$/, '州');
}

/** The name a project carries: 西宁市城东区, 大通县, 格尔木市, 海西州, 青海省. */
export function areaOf(code: string): string {
  const r = REGIONS.get(code);
  if (!r || r.level === 'PROVINCE') return '青海省';
  if (r.level === 'PREFECTURE') return shortPrefecture(r.name);
  if (r.name.endsWith('区')) return shortPrefecture(REGIONS.get(r.parentCode!)!.name) + r.name;
  if (r.name.endsWith('行政委员会')) return r.name.replace('行政委员会', '行委');
  return r.name.replace(/(回族土族|土族|回族|撒拉族|蒙古族|藏族)自治县$/, '县');
}

/** Full administrative path for addresses and 建设地点: 青海省海西蒙古族藏族自治州格尔木市. */
export function fullArea(code: string): string {
  const r = REGIONS.get(code);
  if (!r || r.level === 'PROVINCE') return '青海省';
  if (r.level === 'PREFECTURE') return `青海省${r.name}`;
  return `青海省${REGIONS.get(r.parentCode!)!.name}${r.name}`;
}

export function levelOf(code: string): 'PROVINCE' | 'PREFECTURE' | 'COUNTY' {
  return REGIONS.get(code)?.level ?? 'PROVINCE';
}

export function phone(rng: Rng, code: string): string {
  const areaCode = code === '632801' ? '0979' : (AREA_CODES[prefectureOf(code) ?? PROVINCE] ?? '0971');
  return `${areaCode}-${rng.pick(['5', '6', '8'])}${rng.digits(6)}`;
}

/** The trading centre where a project is traded: the prefecture's, or the province's. */
export function tradingCentre(code: string): string {
  const prefecture = prefectureOf(code);
  return prefecture ? `${shortPrefecture(REGIONS.get(prefecture)!.name)}公共资源交易中心` : '青海省公共资源交易中心';
}
