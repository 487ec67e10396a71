import { AreaUnit } from '../../../kernel/values/area.js';
import { PartyRole } from '../../hub/enums.js';
import {
  ExplorationDegree,
  MiningApplicationType,
  MiningPaymentMethod,
  MiningRightKind,
  MiningTransferMethod,
} from './mining-enums.js';
import { addDays } from '../../../kernel/time/calendar-dates.js';
import type { RegionRow } from '../../../reference-data/responsibility-expansion.js';
import {
  addWorkdays,
  areaValue,
  boundary,
  chinaTime,
  localCounty,
  near,
  placeLabel,
  regionRow,
  shortRegionName,
  workdayOnOrAfter,
  yuan,
} from '../../../generator/geo.js';
import { INDUSTRIES } from '../../../generator/names.js';
import type { GeneratedSubject } from '../../../generator/subjects.js';
import type { CategoryGenerator, RecordFrame } from '../../../generator/category-generator.js';

interface Mineral {
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

const MINERALS: Record<string, Mineral> = {
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
const MINERALS_BY_PLACE: Record<string, readonly (readonly [string, number])[]> = {
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
const MINING_PREFECTURE_WEIGHTS: Record<string, number> = { '632800': 40, '632200': 10, '632700': 10, '632600': 10, '632500': 10, '632300': 5, '630100': 8, '630200': 7 };

/** Place names in the local tongue: Mongolian in the Qaidam, Tibetan on the plateau, Chinese in the Huangshui valley. */
const MONGOLIAN = { first: ['哈', '乌', '巴', '察', '那', '阿', '托', '布', '拉', '尕', '赛', '克', '哈日', '乌兰', '巴音', '察汗'], second: ['日', '兰', '音', '汗', '陵', '尔', '素', '什', '木', '格', '吉', '图'], end: ['郭勒', '沟', '北山', '南山', '滩', '达坂', '乌苏', '陶勒盖', '托洛海', '诺尔'] };
const TIBETAN = { first: ['扎', '多', '尕', '拉', '纳', '才', '索', '查', '曲', '格', '加', '江'], second: ['日', '龙', '玛', '卡', '贡', '那', '错', '群', '巴', '毛', '麦', '哇'], end: ['沟', '山', '贡玛', '曲', '日', '陇巴', '拉', '滩', '达'] };
const SURNAMES = ['马', '李', '王', '韩', '赵', '祁', '冶', '鲁', '张', '朱', '白', '石'];
const CHINESE = { first: ['红', '黑', '白', '青', '石', '大', '小', '北', '南', '东', '西', '黄'], second: ['崖', '石', '沙', '泉', '水', '岭', '峡', '坡', '台', '湾', '滩', '垭'], end: ['沟', '山', '滩', '峡', '梁', '岭'] };

function toponym(f: RecordFrame, county: RegionRow): string {
  const r = f.rng;
  const prefecture = county.parentCode ?? '';
  if (prefecture === '630100' || prefecture === '630200' || r.chance(0.2)) {
    return r.chance(0.5) ? `${r.pick(SURNAMES)}家${r.pick(['沟', '湾', '山', '庄', '峡'])}` : `${r.pick(CHINESE.first)}${r.pick(CHINESE.second)}${r.pick(CHINESE.end)}`;
  }
  const words = prefecture === '632800' ? MONGOLIAN : TIBETAN;
  return `${r.pick(words.first)}${r.pick(words.second)}${r.pick(words.end)}`;
}

interface Site {
  county: RegionRow;
  countyName: string;
  mineral: Mineral;
  toponym: string;
  location: string;
  centre: [number, number];
}

/** A deposit: a county of the record's region, a mineral that county has, a place and its bearing from the county town. */
function site(f: RecordFrame, forExploration: boolean): Site {
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

/** Which of the miners' trades (names.ts) fit a mineral: a potash works does not take a gold licence. */
const TRADES: Record<string, readonly string[]> = {
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

function tradeOf(name: string): string | undefined {
  return [...INDUSTRIES.miner].sort((a, b) => b.length - a.length).find((t) => name.includes(t));
}

/**
 * A right holder whose trade fits the mineral, drawn by the pool's popularity;
 * exploration rights also go to the geological survey firms.
 */
function minerFor(f: RecordFrame, mineral: Mineral, exploration: boolean): GeneratedSubject {
  const fits = [...(TRADES[mineral.name] ?? ['矿业']), ...(exploration ? ['地质矿产勘查'] : [])];
  let first: GeneratedSubject | undefined;
  for (let i = 0; i < 40; i++) {
    const s = f.subjects.draw(f.rng, 'miner');
    first ??= s;
    if (fits.includes(tradeOf(s.name) ?? '')) return s;
  }
  return first!;
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

const TRANSFER_ZH: Record<MiningTransferMethod, string> = {
  [MiningTransferMethod.TENDER]: '招标',
  [MiningTransferMethod.AUCTION]: '拍卖',
  [MiningTransferMethod.LISTING]: '挂牌',
  [MiningTransferMethod.AGREEMENT]: '协议',
  [MiningTransferMethod.FIRST_TO_APPLY]: '申请在先',
};

const DEGREE_ZH: Record<ExplorationDegree, string> = {
  [ExplorationDegree.RECONNAISSANCE]: '预查',
  [ExplorationDegree.PROSPECTING]: '普查',
  [ExplorationDegree.GENERAL_EXPLORATION]: '详查',
  [ExplorationDegree.DETAILED_EXPLORATION]: '勘探',
};

function miningName(s: Site): string {
  return `青海省${s.countyName}${s.toponym}${s.mineral.mine}`;
}

function explorationName(s: Site, degree: ExplorationDegree): string {
  const metal = ['铜', '铅锌', '金', '镍钴'].includes(s.mineral.name);
  const target = s.mineral.target ?? `${s.mineral.name === '镍钴' ? '铜镍钴' : s.mineral.name}${metal ? '多金属矿' : '矿'}`.replace('金多金属矿', '金矿');
  return `青海省${s.countyName}${s.toponym}${target}${DEGREE_ZH[degree]}`;
}

function km2(f: RecordFrame, range: readonly [number, number]): number {
  return Math.round(f.rng.logUniform(range[0], range[1]) * 10_000) / 10_000;
}

/** 青海省 mining-right trade numbers: QHKY2024-C-015 (采矿权), QHKY2024-T-015 (探矿权). */
function tradeNo(f: RecordFrame, kind: MiningRightKind): string {
  return `QHKY${f.year}-${kind === MiningRightKind.MINING ? 'C' : 'T'}-${String(f.rng.int(1, 120)).padStart(3, '0')}`;
}

const miningNotice: CategoryGenerator = (f) => {
  const r = f.rng;
  const s = site(f, false);
  const method = r.weighted([
    [MiningTransferMethod.LISTING, 55],
    [MiningTransferMethod.AUCTION, 25],
    [MiningTransferMethod.AGREEMENT, 12],
    [MiningTransferMethod.TENDER, 8],
  ] as const);
  const area = km2(f, s.mineral.miningArea);
  const scale = r.logUniform(s.mineral.scale[0], s.mineral.scale[1]);
  const projectName = `${miningName(s)}采矿权`;
  return {
    title: `${projectName}${TRANSFER_ZH[method]}出让公告`,
    amount: null,
    projectCode: tradeNo(f, MiningRightKind.MINING),
    details: {
      projectName,
      mineral: s.mineral.name,
      location: s.location,
      boundaryCoordinates: boundary(r, s.centre, area * 1_000_000),
      area: { value: areaValue(area, 4), unit: AreaUnit.SQUARE_KILOMETRE },
      productionScale: { amount: scale < 10 ? scale.toFixed(1) : String(Math.round(scale / 5) * 5), unit: s.mineral.scaleUnit },
      transferMethod: method,
    },
    parties: [],
  };
};

/** 时间规定 of a competitive sale: the notice 20 days ahead, listing ten working days; none for 申请在先 or 协议. */
function timeRules(f: RecordFrame, method: MiningTransferMethod) {
  const r = f.rng;
  const note = r.chance(0.6) ? `竞得人须在取得勘查许可证之日起${r.pick(['6个月', '6个月', '3个月'])}内开展野外勘查工作` : null;
  const registrationFrom = workdayOnOrAfter(addDays(f.formedOn, r.int(1, 3)));
  if (method === MiningTransferMethod.FIRST_TO_APPLY || method === MiningTransferMethod.AGREEMENT) {
    return {
      registrationFrom: chinaTime(registrationFrom, 9),
      registrationUntil: chinaTime(addWorkdays(registrationFrom, r.int(15, 25)), 17),
      depositDeadline: null,
      biddingFrom: null,
      biddingUntil: null,
      note,
    };
  }
  const opening = workdayOnOrAfter(addDays(f.formedOn, r.int(20, 30)));
  const closing = method === MiningTransferMethod.LISTING ? addWorkdays(opening, r.int(10, 12)) : method === MiningTransferMethod.TENDER ? addWorkdays(opening, r.int(1, 5)) : opening;
  const until = addWorkdays(method === MiningTransferMethod.LISTING ? closing : opening, -r.int(2, 3));
  return {
    registrationFrom: chinaTime(registrationFrom, 9),
    registrationUntil: chinaTime(until, 16),
    depositDeadline: chinaTime(until, r.pick([16, 17])),
    biddingFrom: chinaTime(opening, r.pick([9, 10])),
    biddingUntil: method === MiningTransferMethod.AUCTION ? null : chinaTime(closing, r.pick([10, 15, 16])),
    note,
  };
}

const explorationNotice: CategoryGenerator = (f) => {
  const r = f.rng;
  const s = site(f, true);
  const degree = r.weighted([
    [ExplorationDegree.RECONNAISSANCE, 10],
    [ExplorationDegree.PROSPECTING, 50],
    [ExplorationDegree.GENERAL_EXPLORATION, 30],
    [ExplorationDegree.DETAILED_EXPLORATION, 10],
  ] as const);
  const method = r.weighted([
    [MiningTransferMethod.LISTING, 60],
    [MiningTransferMethod.AUCTION, 20],
    [MiningTransferMethod.TENDER, 6],
    [MiningTransferMethod.FIRST_TO_APPLY, 8],
    [MiningTransferMethod.AGREEMENT, 6],
  ] as const);
  const area = km2(f, s.mineral.explorationArea!);
  const projectName = explorationName(s, degree);
  // Exploration licences ran three years until 2020, five since (自然资规〔2019〕7号 took effect in 2020).
  const termYears = f.year >= 2020 ? 5 : 3;
  const deposit = yuan(r.logUniform(500_000, 20_000_000), 100_000);
  const competitive = method !== MiningTransferMethod.FIRST_TO_APPLY && method !== MiningTransferMethod.AGREEMENT;
  return {
    title: `${projectName}探矿权${TRANSFER_ZH[method]}出让公告`,
    amount: null,
    projectCode: tradeNo(f, MiningRightKind.EXPLORATION),
    details: {
      projectName,
      location: s.location,
      mineral: s.mineral.name,
      boundaryCoordinates: boundary(r, s.centre, area * 1_000_000),
      area: { value: areaValue(area, 4), unit: AreaUnit.SQUARE_KILOMETRE },
      explorationDegree: degree,
      termYears,
      transferMethod: method,
      qualifications:
        '申请人须为在中华人民共和国境内注册、具有独立法人资格的企业，具备与勘查工作相适应的资金能力和技术力量，' +
        '近三年内无违法违规勘查开采行为，未被列入严重失信主体名单；不接受自然人及联合体申请。' +
        (f.year < 2017 || r.chance(0.2) ? '承担勘查工作的单位须具有相应的地质勘查资质。' : ''),
      timeRules: timeRules(f, method),
      biddingRequirements: competitive
        ? `竞买人须在报名截止前足额交纳竞买保证金人民币${Number(deposit) / 10_000}万元；出让收益以竞得价格确定，竞得人须在成交之日起${r.pick([10, 15, 30])}日内签订出让合同，并按合同约定缴纳出让收益。${r.chance(0.5) ? '本次出让设有底价，达不到底价不成交。' : ''}`
        : `申请人须提交勘查实施方案，经审查符合条件的，按${TRANSFER_ZH[method]}方式出让，出让收益按国家规定的标准缴纳。`,
    },
    parties: [],
  };
};

const deal: CategoryGenerator = (f) => {
  const r = f.rng;
  const kind = r.chance(0.6) ? MiningRightKind.MINING : MiningRightKind.EXPLORATION;
  const s = site(f, kind === MiningRightKind.EXPLORATION);
  const projectName =
    kind === MiningRightKind.MINING
      ? `${miningName(s)}采矿权`
      : explorationName(s, r.pick([ExplorationDegree.PROSPECTING, ExplorationDegree.PROSPECTING, ExplorationDegree.GENERAL_EXPLORATION]));
  const area = km2(f, kind === MiningRightKind.MINING ? s.mineral.miningArea : s.mineral.explorationArea!);
  const method = r.weighted([
    ['挂牌', 65],
    ['拍卖', 28],
    ['招标', 7],
  ] as const);
  const priceYuan = r.logUniform(s.mineral.price[0], s.mineral.price[1]) * (kind === MiningRightKind.EXPLORATION ? 0.4 : 1);
  const price = yuan(Math.max(1_000_000, priceYuan), 10_000);
  // 矿业权出让收益征收管理暂行办法（财综〔2017〕35号）: instalments only above a threshold, the first at least 20%.
  const instalments = Number(price) >= 10_000_000 && r.chance(0.6);
  const first = r.pick([20, 30, 40, 50]);
  const winner = minerFor(f, s.mineral, kind === MiningRightKind.EXPLORATION);
  const centre = f.region.prefectureCode ? shortRegionName(regionRow(f.region.prefectureCode).name) : '青海省';
  const dealPlace = r.weighted([
    ['青海省公共资源交易中心', 45],
    [f.year >= 2019 ? '青海省自然资源厅矿业权网上交易系统' : '青海省国土资源厅矿业权网上交易系统', 35],
    [`${centre === '青海省' ? '青海省' : centre}公共资源交易中心`, 20],
  ] as const);
  return {
    title: `${kind === MiningRightKind.MINING ? projectName : `${projectName}探矿权`}${method}出让结果公示`,
    amount: price,
    projectCode: tradeNo(f, kind),
    details: {
      rightSummary: {
        rightKind: kind,
        projectName: kind === MiningRightKind.MINING ? projectName : `${projectName}探矿权`,
        mineral: s.mineral.name,
        location: s.location,
        area: { value: areaValue(area, 4), unit: AreaUnit.SQUARE_KILOMETRE },
      },
      dealTime: chinaTime(f.formedOn, method === '拍卖' ? r.pick([9, 10, 14]) : r.pick([10, 15, 16]), r.pick([0, 0, 30])),
      dealPlace,
      price,
      paymentMethod: instalments ? MiningPaymentMethod.INSTALMENTS : MiningPaymentMethod.LUMP_SUM,
      paymentTerms: instalments
        ? `签订出让合同时首期缴纳成交价款的${first}%（${(Number(price) * first) / 100 / 10_000}万元），剩余部分${
            kind === MiningRightKind.MINING ? `在采矿权有效期内分${r.int(3, 10)}年按年度缴纳` : '在探矿权转为采矿权后，在采矿权有效期内按年度缴纳'
          }。`
        : null,
    },
    parties: [{ role: PartyRole.WINNER, subject: winner }],
  };
};

const APPLICATION_ZH: Record<MiningApplicationType, string> = {
  [MiningApplicationType.NEW]: '新立',
  [MiningApplicationType.EXTENSION]: '延续',
  [MiningApplicationType.CHANGE]: '变更',
  [MiningApplicationType.TRANSFER]: '转让',
  [MiningApplicationType.RETENTION]: '保留',
  [MiningApplicationType.CANCELLATION]: '注销',
};

/** The same day n years on, less a day: a licence runs to the eve of its anniversary. */
function yearsAfter(date: string, n: number): string {
  const y = Number(date.slice(0, 4)) + n;
  const md = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return addDays(`${y}-${md}`, -1);
}

/**
 * 许可证号: 采矿许可证 C + the issuing region + year and month + a serial
 * (23 characters); 勘查许可证 T63 + year and month + a serial (18 characters).
 */
function licenseNo(f: RecordFrame, kind: MiningRightKind, county: RegionRow, type: MiningApplicationType): string {
  const r = f.rng;
  // A new right gets its number now; the others keep the number first issued, years before.
  const issuedYear = type === MiningApplicationType.NEW ? f.year : f.year - r.int(2, 15);
  const month = String(type === MiningApplicationType.NEW ? Number(f.formedOn.slice(5, 7)) : r.int(1, 12)).padStart(2, '0');
  if (kind === MiningRightKind.MINING) {
    const issuer = r.chance(0.6) ? '630000' : county.code;
    return `C${issuer}${issuedYear}${month}${r.int(1, 2)}${r.pick(['10', '11', '12', '20'])}${r.digits(7)}`;
  }
  return `T63${r.int(1, 5)}${issuedYear}${month}${r.int(0, 1)}${r.digits(7)}`;
}

const approval: CategoryGenerator = (f) => {
  const r = f.rng;
  const kind = r.chance(0.65) ? MiningRightKind.MINING : MiningRightKind.EXPLORATION;
  const s = site(f, kind === MiningRightKind.EXPLORATION);
  const type =
    kind === MiningRightKind.MINING
      ? r.weighted([
          [MiningApplicationType.NEW, 15],
          [MiningApplicationType.EXTENSION, 35],
          [MiningApplicationType.CHANGE, 20],
          [MiningApplicationType.TRANSFER, 12],
          [MiningApplicationType.CANCELLATION, 18],
        ] as const)
      : r.weighted([
          [MiningApplicationType.NEW, 20],
          [MiningApplicationType.EXTENSION, 30],
          [MiningApplicationType.CHANGE, 10],
          [MiningApplicationType.TRANSFER, 8],
          [MiningApplicationType.RETENTION, 15],
          [MiningApplicationType.CANCELLATION, 17],
        ] as const);
  let validUntil: string;
  if (type === MiningApplicationType.CANCELLATION) validUntil = f.formedOn;
  else if (type === MiningApplicationType.RETENTION) validUntil = yearsAfter(f.formedOn, 2);
  else if (kind === MiningRightKind.EXPLORATION) validUntil = yearsAfter(f.formedOn, f.year >= 2020 ? 5 : type === MiningApplicationType.EXTENSION ? 2 : 3);
  else if (type === MiningApplicationType.NEW) validUntil = yearsAfter(f.formedOn, r.pick([5, 10, 10, 15, 20, 30]));
  else if (type === MiningApplicationType.EXTENSION) validUntil = yearsAfter(f.formedOn, r.int(3, 10));
  else validUntil = yearsAfter(f.formedOn, r.int(2, 15));
  const holder = minerFor(f, s.mineral, kind === MiningRightKind.EXPLORATION);
  const name = kind === MiningRightKind.MINING ? miningName(s) : explorationName(s, r.pick(Object.values(ExplorationDegree)));
  const rightZh = kind === MiningRightKind.MINING ? '采矿权' : '探矿权';
  const title = r.chance(0.5)
    ? `关于${holder.name}${name}${rightZh}${APPLICATION_ZH[type]}登记的公告`
    : `${name}${rightZh}${APPLICATION_ZH[type]}审批结果公示`;
  return {
    title,
    amount: null,
    projectCode: null,
    details: {
      rightKind: kind,
      licenseNo: licenseNo(f, kind, s.county, type),
      validUntil,
      applicationType: type,
    },
    parties: [{ role: PartyRole.RIGHT_HOLDER, subject: holder }],
  };
};

export const miningGenerators: Record<string, CategoryGenerator> = {
  MINING_NOTICE: miningNotice,
  EXPLORATION_NOTICE: explorationNotice,
  DEAL: deal,
  APPROVAL: approval,
};
