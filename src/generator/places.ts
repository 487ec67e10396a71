import type { RecordFrame } from './category-generator.js';

/**
 * How generated records name Qinghai's places: prefecture labels, price tiers
 * and road names. Several departments' generators share them (a land parcel
 * and a state property sit on the same roads, priced alike), so they live in
 * the engine, not in one department.
 */

/** How titles name a prefecture: 西宁市, 海东市, 海西州 …. */
const PREFECTURE_LABELS: Record<string, string> = {
  '630100': '西宁市',
  '630200': '海东市',
  '632200': '海北州',
  '632300': '黄南州',
  '632500': '海南州',
  '632600': '果洛州',
  '632700': '玉树州',
  '632800': '海西州',
};

/** The region as a Qinghai notice names it: 青海省, 西宁市, 西宁市城北区, 大通回族土族自治县, 海西州. */
export function regionLabel(f: RecordFrame): string {
  const { region } = f;
  if (region.level === 'PROVINCE') return '青海省';
  if (region.level === 'PREFECTURE') return PREFECTURE_LABELS[region.code] ?? region.name;
  if (region.name === '大柴旦行政委员会') return '海西州大柴旦行委';
  // City districts are named with their city: 西宁市城北区, 海东市乐都区.
  if (region.name.endsWith('区') && region.prefectureCode) return `${PREFECTURE_LABELS[region.prefectureCode] ?? ''}${region.name}`;
  return region.name;
}

/** The prefecture a record's region lies in, as titles name it (青海省 for the province itself). */
export function prefectureLabel(f: RecordFrame): string {
  return f.region.prefectureCode ? (PREFECTURE_LABELS[f.region.prefectureCode] ?? f.region.name) : '青海省';
}

/** Xining's four urban districts price like a provincial capital; the other towns far lower, pastoral counties lowest. */
export function priceTier(code: string): number {
  if (['630102', '630103', '630104', '630105'].includes(code)) return 1;
  if (['630106', '630202', '630203', '632801', '632802'].includes(code)) return 0.4;
  if (code.startsWith('6301') || code.startsWith('6302') || ['632521', '632523', '632301', '632701', '632221'].includes(code)) return 0.22;
  return 0.13;
}

const XINING_ROADS = ['海湖大道', '宁张路', '八一路', '柴达木路', '祁连路', '南川东路', '五四大街', '西关大街', '通海路', '昆仑路', '文成路', '同安路', '海晏路', '湟水路'];
const GOLMUD_ROADS = ['昆仑路', '柴达木路', '江源路', '盐湖路', '八一路', '金峰路', '河西街'];
const TOWN_ROADS = ['建设路', '团结路', '民族路', '迎宾路', '人民路', '新华路', '文化路', '黄河路', '长江路', '滨河路', '环城路', '光明路', '经二路', '纬三路', '公园路', '东大街', '西大街', '北环路', '南环路'];

export function roadsOf(code: string): readonly string[] {
  if (code.startsWith('6301')) return XINING_ROADS;
  if (code === '632801') return GOLMUD_ROADS;
  return TOWN_ROADS;
}
