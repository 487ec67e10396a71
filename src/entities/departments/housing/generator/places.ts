import type { RecordFrame } from '../../../../generator/category-generator.js';
import { ROADS } from './words.js';

export { regionLabel } from '../../../../generator/places.js';

export function location(f: RecordFrame, label: string): string {
  const [a, b] = f.rng.sample(ROADS, 2);
  return f.rng.chance(0.5)
    ? `${label}${a}与${b}交汇处${f.rng.pick(['东北侧', '东南侧', '西北侧', '西南侧'])}`
    : `${label}${a}以${f.rng.pick(['北', '南'])}、${b}以${f.rng.pick(['东', '西'])}`;
}

/** For a provincial record, a prefecture to place a project in; otherwise the record's own region. */
export function projectLabel(f: RecordFrame, label: string): string {
  return f.region.level === 'PROVINCE' ? f.rng.weighted(PREFECTURE_WEIGHTS) : label;
}

const PREFECTURE_WEIGHTS: readonly (readonly [string, number])[] = [
  ['西宁市', 34],
  ['海东市', 20],
  ['海西州', 14],
  ['海南州', 8],
  ['海北州', 6],
  ['黄南州', 6],
  ['玉树州', 6],
  ['果洛州', 6],
];
