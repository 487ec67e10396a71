export interface Mineral {
  /** 开采矿种 / 勘查矿种 as the notice writes it. */
  name: string;
  /** The deposit's name ending: 金矿, 水泥用石灰岩矿 … */
  mine: string;
  scaleUnit: '万吨/年' | '万立方米/年';
  scale: readonly [number, number];
  /** 矿区范围 of a mining licence, km². */
  miningArea: readonly [number, number];
  /** 勘查区块 of an exploration licence, km²; null where the mineral is not explored for (sand, clay). */
  explorationArea: readonly [number, number] | null;
  /** 出让收益 (the deal price), yuan. */
  price: readonly [number, number];
  /** How an exploration project names what it looks for, where not 「矿种 + 矿」 (地热资源). */
  target?: string;
}

export const MINERALS: Record<string, Mineral> = {
  金: { name: '金', mine: '金矿', scaleUnit: '万吨/年', scale: [3, 30], miningArea: [0.2, 6], explorationArea: [8, 150], price: [5e6, 3e8] },
  铜: { name: '铜', mine: '铜矿', scaleUnit: '万吨/年', scale: [5, 100], miningArea: [0.3, 8], explorationArea: [10, 200], price: [5e6, 5e8] },
  铅锌: { name: '铅锌', mine: '铅锌矿', scaleUnit: '万吨/年', scale: [5, 60], miningArea: [0.3, 6], explorationArea: [10, 150], price: [5e6, 4e8] },
  镍钴: { name: '镍钴', mine: '铜镍钴矿', scaleUnit: '万吨/年', scale: [10, 100], miningArea: [0.5, 8], explorationArea: [10, 120], price: [2e7, 5e8] },
  锂: { name: '锂', mine: '卤水锂矿', scaleUnit: '万吨/年', scale: [0.5, 5], miningArea: [20, 300], explorationArea: [50, 400], price: [5e7, 5e8] },
  钾盐: { name: '钾盐', mine: '钾盐矿', scaleUnit: '万吨/年', scale: [10, 100], miningArea: [10, 200], explorationArea: [30, 400], price: [3e7, 5e8] },
  煤: { name: '煤', mine: '煤矿', scaleUnit: '万吨/年', scale: [30, 240], miningArea: [1, 20], explorationArea: [10, 100], price: [1e7, 5e8] },
  铁: { name: '铁', mine: '铁矿', scaleUnit: '万吨/年', scale: [10, 150], miningArea: [0.5, 8], explorationArea: [10, 120], price: [5e6, 3e8] },
  芒硝: { name: '芒硝', mine: '芒硝矿', scaleUnit: '万吨/年', scale: [10, 60], miningArea: [1, 30], explorationArea: [10, 150], price: [5e6, 1e8] },
  水泥用石灰岩: { name: '水泥用石灰岩', mine: '水泥用石灰岩矿', scaleUnit: '万吨/年', scale: [30, 200], miningArea: [0.1, 2], explorationArea: [2, 20], price: [2e6, 6e7] },
  石膏: { name: '石膏', mine: '石膏矿', scaleUnit: '万吨/年', scale: [5, 30], miningArea: [0.1, 1.5], explorationArea: [2, 20], price: [1e6, 2e7] },
  建筑用砂石: { name: '建筑用砂石', mine: '建筑用砂石矿', scaleUnit: '万立方米/年', scale: [5, 60], miningArea: [0.02, 0.5], explorationArea: null, price: [1e6, 3e7] },
  地热: { name: '地热', mine: '地热', scaleUnit: '万立方米/年', scale: [5, 50], miningArea: [0.5, 5], explorationArea: [2, 30], price: [1e6, 3e7], target: '地热资源' },
  矿泉水: { name: '矿泉水', mine: '饮用天然矿泉水', scaleUnit: '万立方米/年', scale: [1, 10], miningArea: [0.05, 1], explorationArea: [1, 10], price: [1e6, 1e7], target: '饮用天然矿泉水' },
  砖瓦用黏土: { name: '砖瓦用黏土', mine: '砖瓦用黏土矿', scaleUnit: '万立方米/年', scale: [2, 10], miningArea: [0.01, 0.2], explorationArea: null, price: [1e6, 5e6] },
};

/** What each prefecture mines: brine lithium and potash in the Qaidam, metals in the ranges, building stone near the towns. */
export const MINERALS_BY_PLACE: Record<string, readonly (readonly [string, number])[]> = {
  // Haixi county by county: the salt lakes of 察尔汗, 一里坪, 大浪滩; 锡铁山 and the 东昆仑 metals; 木里 coal in 天峻.
  '632801': [['钾盐', 14], ['锂', 12], ['金', 8], ['铅锌', 6], ['铁', 8], ['镍钴', 6], ['铜', 6], ['建筑用砂石', 8]],
  '632857': [['锂', 12], ['钾盐', 8], ['芒硝', 6], ['金', 8], ['铅锌', 8], ['煤', 4], ['建筑用砂石', 6]],
  '632803': [['钾盐', 12], ['锂', 8], ['芒硝', 4], ['铁', 4], ['建筑用砂石', 6]],
  '632823': [['煤', 12], ['铅锌', 4], ['金', 4], ['铁', 4], ['水泥用石灰岩', 4], ['建筑用砂石', 6]],
  '632822': [['金', 12], ['铁', 6], ['铜', 6], ['铅锌', 6], ['镍钴', 3], ['建筑用砂石', 6]],
  '632821': [['煤', 6], ['芒硝', 4], ['金', 4], ['铅锌', 4], ['水泥用石灰岩', 6], ['建筑用砂石', 8]],
  '632802': [['水泥用石灰岩', 8], ['金', 6], ['铁', 6], ['铅锌', 4], ['芒硝', 4], ['建筑用砂石', 8]],
  '632200': [['煤', 10], ['铅锌', 6], ['铜', 6], ['金', 6], ['铁', 4], ['水泥用石灰岩', 6], ['建筑用砂石', 10]],
  '632700': [['铅锌', 10], ['铜', 8], ['金', 8], ['建筑用砂石', 8]],
  '632600': [['金', 10], ['铜', 8], ['镍钴', 3], ['铅锌', 3], ['建筑用砂石', 8]],
  '632500': [['金', 8], ['铜', 6], ['铅锌', 6], ['水泥用石灰岩', 4], ['石膏', 2], ['建筑用砂石', 10]],
  // Xining's urban districts: sand and brick clay on their edges, geothermal water and mineral springs beneath.
  '630102': [['建筑用砂石', 3], ['砖瓦用黏土', 1], ['地热', 3], ['矿泉水', 1]],
  '630103': [['建筑用砂石', 3], ['砖瓦用黏土', 1], ['地热', 3], ['矿泉水', 1]],
  '630104': [['建筑用砂石', 3], ['砖瓦用黏土', 1], ['地热', 3], ['矿泉水', 1]],
  '630105': [['建筑用砂石', 3], ['砖瓦用黏土', 1], ['地热', 3], ['矿泉水', 1]],
  '632300': [['金', 8], ['铜', 4], ['水泥用石灰岩', 4], ['建筑用砂石', 10], ['砖瓦用黏土', 4]],
  '630100': [['水泥用石灰岩', 8], ['建筑用砂石', 12], ['砖瓦用黏土', 8], ['石膏', 6], ['煤', 4]],
  '630200': [['水泥用石灰岩', 6], ['建筑用砂石', 12], ['砖瓦用黏土', 8], ['石膏', 6], ['金', 2], ['铁', 2]],
};

/** Where the province's own notices point: most of the mining is in Haixi. */
export const MINING_PREFECTURE_WEIGHTS: Record<string, number> = { '632800': 40, '632200': 10, '632700': 10, '632600': 10, '632500': 10, '632300': 5, '630100': 8, '630200': 7 };

/** Which of the miners' trades (names.ts) fit a mineral: a potash works does not take a gold licence. */
export const TRADES: Record<string, readonly string[]> = {
  锂: ['锂业', '盐化', '矿业'],
  钾盐: ['钾肥', '盐化', '矿业'],
  芒硝: ['盐化', '矿业'],
  金: ['黄金矿业', '矿业', '有色金属'],
  铜: ['有色金属', '矿业'],
  铅锌: ['有色金属', '矿业'],
  镍钴: ['有色金属', '矿业'],
  铁: ['矿业', '有色金属'],
  煤: ['煤业', '矿业'],
};
