import { AreaUnit } from '../../../kernel/values/area.js';
import { PartyRole } from '../../hub/enums.js';
import { LandSupplyMethod, LandTransferMethod, LandUse } from './land-enums.js';
import { addDays } from '../../../kernel/time/calendar-dates.js';
import type { RegionRow } from '../../../reference-data/responsibility-expansion.js';
import type { Pool } from '../../../generator/subjects.js';
import type { CategoryGenerator, RecordFrame } from '../../../generator/category-generator.js';
import { addWorkdays, areaValue, boundary, chinaTime, countiesOf, localCounty, near, placeLabel, prefectures, shortRegionName, workdayOnOrAfter, yuan } from '../../../generator/geo.js';

// ---------------------------------------------------------------------------
// Land
// ---------------------------------------------------------------------------

/** The land authority by year: 国土资源 until the 2018–2019 institutional reform, 自然资源 after. */
function landOffice(f: RecordFrame, region: { code: string; name: string; level: string }): string {
  const reformed = f.year >= 2019;
  if (region.level === 'PROVINCE') return reformed ? '青海省自然资源厅' : '青海省国土资源厅';
  const xining = reformed ? '西宁市自然资源和规划局' : '西宁市国土资源局';
  if (region.code === '630100') return xining;
  // Xining's urban districts are served by branches of the city bureau.
  if (['630102', '630103', '630104', '630105'].includes(region.code)) return `${xining}${region.name.slice(0, 2)}分局`;
  return `${placeLabel(region)}${reformed ? '自然资源局' : '国土资源局'}`;
}

/** Xining's four urban districts price like a provincial capital; the other towns far lower, pastoral counties lowest. */
export function priceTier(code: string): number {
  if (['630102', '630103', '630104', '630105'].includes(code)) return 1;
  if (['630106', '630202', '630203', '632801', '632802'].includes(code)) return 0.4;
  if (code.startsWith('6301') || code.startsWith('6302') || ['632521', '632523', '632301', '632701', '632221'].includes(code)) return 0.22;
  return 0.13;
}

interface UseProfile {
  /** Statutory maximum term (城镇国有土地使用权出让和转让暂行条例 第十二条). */
  term: number;
  area: readonly [number, number];
  /** Yuan per square metre at tier 1. */
  unitPrice: readonly [number, number];
  /** How far the price falls with the tier: industrial land barely, housing steeply. */
  tierExponent: number;
}

const USES: Partial<Record<LandUse, UseProfile>> = {
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

const TRANSFER_METHODS: readonly (readonly [LandTransferMethod, number])[] = [
  [LandTransferMethod.LISTING, 78],
  [LandTransferMethod.AUCTION, 18],
  [LandTransferMethod.TENDER, 4],
];

const METHOD_ZH: Record<LandTransferMethod, string> = {
  [LandTransferMethod.LISTING]: '挂牌',
  [LandTransferMethod.AUCTION]: '拍卖',
  [LandTransferMethod.TENDER]: '招标',
};

const XINING_ROADS = ['海湖大道', '宁张路', '八一路', '柴达木路', '祁连路', '南川东路', '五四大街', '西关大街', '通海路', '昆仑路', '文成路', '同安路', '海晏路', '湟水路'];
const GOLMUD_ROADS = ['昆仑路', '柴达木路', '江源路', '盐湖路', '八一路', '金峰路', '河西街'];
const TOWN_ROADS = ['建设路', '团结路', '民族路', '迎宾路', '人民路', '新华路', '文化路', '黄河路', '长江路', '滨河路', '环城路', '光明路', '经二路', '纬三路', '公园路', '东大街', '西大街', '北环路', '南环路'];
const NEIGHBOURS = ['规划道路', '现状道路', '空地', '现状建筑', '居民小区', '绿化带', '河道', '规划绿地', '商业用地', '学校用地'];
const WORKS_NEIGHBOURS = ['规划道路', '现状道路', '空地', '企业用地', '防护绿地', '铁路专用线', '河道', '未利用地'];

export function roadsOf(code: string): readonly string[] {
  if (code.startsWith('6301')) return XINING_ROADS;
  if (code === '632801') return GOLMUD_ROADS;
  return TOWN_ROADS;
}

const ZONES: Record<string, readonly string[]> = {
  '630102': ['韵家口片区', '东川工业园区'],
  '630103': ['南川工业园区', '南川片区'],
  '630104': ['海湖新区', '西川片区'],
  '630105': ['生物科技产业园区', '朝阳片区', '马坊片区'],
  '630106': ['多巴新城', '甘河工业园区', '鲁沙尔镇'],
  '630121': ['北川工业园区', '桥头镇'],
  '630123': ['城关镇', '湟源工业园区'],
  '630202': ['乐都工业园区', '碾伯镇'],
  '630203': ['平安高铁新区', '曹家堡临空综合经济园'],
  '630223': ['互助绿色产业园', '威远镇'],
  '632801': ['昆仑经济技术开发区', '察尔汗工业园', '河东片区', '河西片区'],
  '632802': ['德令哈工业园', '河东片区'],
  '632857': ['大柴旦工业园', '柴旦镇'],
  '632521': ['恰卜恰镇', '海南州生态太阳能发电园区'],
  '632803': ['花土沟镇', '茫崖工业园'],
};

function zonesOf(code: string): readonly string[] {
  return ZONES[code] ?? ['城区', '县城新区', '工业集中区'];
}

const isWorksZone = (zone: string) => /工业|产业|开发区|发电|经济园/.test(zone);

/** The parks take industry, the towns and new districts everything else. */
function zoneFor(code: string, use: LandUse): readonly string[] {
  const industrial = use === LandUse.INDUSTRIAL_MINING_STORAGE;
  const zones = zonesOf(code).filter((z) => isWorksZone(z) === industrial);
  return zones.length ? zones : industrial ? ['工业集中区'] : ['城区'];
}

function useFor(f: RecordFrame): LandUse {
  return f.rng.weighted(OFFERED_USES);
}

/** Area, in square metres to the hundredth, for a parcel of this use. */
function parcelArea(f: RecordFrame, use: LandUse): number {
  const p = USES[use]!;
  return Math.round(f.rng.logUniform(p.area[0], p.area[1]) * 100) / 100;
}

/** A market price for the parcel, in yuan rounded to ten thousand, between a million and two billion. */
function parcelPrice(f: RecordFrame, use: LandUse, areaM2: number, countyCode: string): number {
  const p = USES[use]!;
  const unit = f.rng.logUniform(p.unitPrice[0], p.unitPrice[1]) * priceTier(countyCode) ** p.tierExponent;
  const price = Math.round((areaM2 * unit) / 10_000) * 10_000;
  return Math.min(2_000_000_000, Math.max(1_000_000, price));
}

/** 地块编号 as the county numbers them: 城北区2024-07号, 格尔木市2023-15号. */
function parcelNo(county: RegionRow, year: number, seq: number): string {
  return `${shortRegionName(county.name)}${year}-${String(seq).padStart(2, '0')}号`;
}

/** A parcel number as a title names it: the city before a district's number (西宁市城北区2024-07号). */
function parcelInTitle(county: RegionRow, no: string): string {
  const label = placeLabel(county);
  const short = shortRegionName(county.name);
  return `${label.endsWith(short) ? label.slice(0, label.length - short.length) : label}${no}`;
}

/** Where land is sold: mostly around Xining, Haidong and the Qaidam towns. */
const LAND_PREFECTURE_WEIGHTS: Record<string, number> = { '630100': 34, '630200': 20, '632800': 16, '632500': 8, '632200': 6, '632300': 6, '632700': 5, '632600': 5 };

function parcelLocation(f: RecordFrame, county: RegionRow, use: LandUse): string {
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

/** Planning conditions by use: dense housing, denser commerce, low green industry (工业项目建设用地控制指标: 绿地率不超过15%). */
function planningIndicators(f: RecordFrame, use: LandUse, areaM2: number, countyCode: string) {
  const r = f.rng;
  let plotRatio: number;
  let density: number;
  let green: number;
  let height: number | null;
  switch (use) {
    case LandUse.RESIDENTIAL:
      plotRatio = r.int(10, 30) / 10;
      density = r.int(20, 32);
      green = r.pick([30, 35, 35, 40]);
      height = r.pick([24, 36, 54, 60, 80, 100]);
      break;
    case LandUse.COMMERCIAL_SERVICE:
      plotRatio = r.int(12, 40) / 10;
      density = r.int(35, 55);
      green = r.pick([15, 20, 25, 30]);
      height = r.pick([24, 36, 50, 80, 100, null]);
      break;
    case LandUse.INDUSTRIAL_MINING_STORAGE:
      plotRatio = r.int(8, 15) / 10;
      density = r.int(30, 60);
      green = r.int(5, 15);
      height = r.pick([15, 18, 24, 24, 30, null]);
      break;
    default:
      plotRatio = r.int(6, 20) / 10;
      density = r.int(25, 40);
      green = r.pick([30, 35, 35]);
      height = r.pick([18, 24, 36, null]);
  }
  // Small towns build low: no towers outside Xining, Haidong and the Qaidam cities.
  if (height !== null && priceTier(countyCode) < 0.3) height = Math.min(height, r.pick([24, 36, 45, 54]));
  // The height limit leaves room for the floor area: floors of about 3 metres over the density's footprint.
  const needed = Math.ceil(plotRatio / (density / 100)) * 3;
  if (height !== null && height < needed) height = Math.ceil(needed / 6) * 6;
  return {
    plotRatio,
    buildingDensityPercent: density,
    greenRatioPercent: green,
    heightLimitMetres: height,
    totalFloorArea: r.chance(0.7) ? { value: areaValue(areaM2 * plotRatio, 2), unit: AreaUnit.SQUARE_METRE } : null,
  };
}

function qualifications(use: LandUse): string {
  const base =
    '中华人民共和国境内外的法人、自然人和其他组织（法律、法规另有规定的除外）均可申请参加竞买，申请人可以单独申请，也可以联合申请。' +
    '被列入失信被执行人名单、欠缴土地出让价款或存在闲置土地等违法违规行为尚未处置完毕的单位和个人不得参加竞买。';
  switch (use) {
    case LandUse.RESIDENTIAL:
      return `${base}竞得人须在签订成交确认书后按规定设立房地产开发项目公司，并具备房地产开发资质。`;
    case LandUse.INDUSTRIAL_MINING_STORAGE:
      return `${base}竞买人须符合国家产业政策和园区产业准入条件，项目投资强度、容积率等须满足《工业项目建设用地控制指标》要求，竞得后须与园区管理委员会签订投资监管协议。`;
    case LandUse.COMMERCIAL_SERVICE:
      return `${base}竞得人须按规划条件自持部分商业用房，不得分割销售。`;
    default:
      return base;
  }
}

/** The bidding timetable: 公告期 of at least 20 days before the listing or auction, listing open at least 10 working days. */
function schedule(f: RecordFrame, method: LandTransferMethod) {
  const r = f.rng;
  const registrationFrom = workdayOnOrAfter(addDays(f.formedOn, r.int(1, 3)));
  const biddingFromDate = workdayOnOrAfter(addDays(f.formedOn, r.int(20, 26)));
  let biddingUntil: string | null = null;
  let closing = biddingFromDate;
  if (method === LandTransferMethod.LISTING) {
    closing = addWorkdays(biddingFromDate, r.int(10, 12));
    biddingUntil = chinaTime(closing, r.pick([10, 15, 16]));
  } else if (method === LandTransferMethod.TENDER) {
    closing = addWorkdays(biddingFromDate, r.int(1, 5));
    biddingUntil = chinaTime(closing, r.pick([10, 15]));
  }
  // 报名 and 保证金 close two or three working days before the listing ends, or before the auction or tender opens.
  const until = addWorkdays(method === LandTransferMethod.LISTING ? closing : biddingFromDate, -r.int(2, 3));
  return {
    registrationFrom: chinaTime(registrationFrom, 9),
    registrationUntil: chinaTime(until, 16),
    depositDeadline: chinaTime(until, r.pick([16, 17])),
    biddingFrom: chinaTime(biddingFromDate, r.pick([9, 10])),
    biddingUntil,
  };
}

/** 青海省公共资源交易 numbers for land deals: QHTD2024-632801-015. */
function tradeNo(f: RecordFrame, county: RegionRow, year = f.year): string {
  return `QHTD${year}-${county.code}-${String(f.rng.int(1, 180)).padStart(3, '0')}`;
}

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

const supplyPlan: CategoryGenerator = (f) => {
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

const transferNotice: CategoryGenerator = (f) => {
  const r = f.rng;
  const county = localCounty(r, f.region, LAND_PREFECTURE_WEIGHTS);
  const method = r.weighted(TRANSFER_METHODS);
  const count = r.weighted([
    [1, 60],
    [2, 25],
    [3, 10],
    [4, 5],
  ] as const);
  const first = r.int(1, 40);
  const mainUse = useFor(f);
  const parcels = Array.from({ length: count }, (_, i) => {
    const landUse = i === 0 || r.chance(0.7) ? mainUse : useFor(f);
    const area = parcelArea(f, landUse);
    const startingPrice = parcelPrice(f, landUse, area, county.code);
    const depositShare = r.pick([0.2, 0.3, 0.3, 0.5]);
    return {
      parcelNo: parcelNo(county, f.year, first + i),
      location: parcelLocation(f, county, landUse),
      area: { value: areaValue(area, 2), unit: AreaUnit.SQUARE_METRE },
      landUse,
      termYears: USES[landUse]!.term,
      startingPrice: yuan(startingPrice, 10_000),
      deposit: yuan(startingPrice * depositShare, 10_000),
      areaM2: area,
    };
  });
  const totalStart = parcels.reduce((sum, p) => sum + Number(p.startingPrice), 0);
  const office = landOffice(f, county);
  const docNo = `〔${f.year}〕${r.int(1, 60)}号`;
  const title = r.chance(0.6)
    ? `${placeLabel(county)}${f.year}年第${Math.max(1, Math.ceil(Number(f.formedOn.slice(5, 7)) / 2) + r.int(0, 3))}批次国有建设用地使用权${METHOD_ZH[method]}出让公告`
    : `${office}国有建设用地使用权${METHOD_ZH[method]}出让公告（${docNo}）`;
  return {
    title,
    amount: yuan(totalStart),
    projectCode: tradeNo(f, county),
    details: {
      transferMethod: method,
      parcelInfo: parcels.map(({ areaM2: _areaM2, ...p }) => p),
      planningIndicators: parcels.map((p) => ({ parcelNo: p.parcelNo, ...planningIndicators(f, p.landUse, p.areaM2, county.code) })),
      bidderQualifications: qualifications(parcels[0]!.landUse),
      schedule: schedule(f, method),
    },
    parties: [],
  };
};

/** 受让单位: developers for housing and commerce; for industrial land, mostly the works that will build on it. */
function granteePool(f: RecordFrame, use: LandUse): Pool {
  if (use !== LandUse.INDUSTRIAL_MINING_STORAGE) return 'developer';
  return f.rng.weighted([
    ['emitter', 45],
    ['developer', 35],
    ['miner', 20],
  ] as const);
}

const deal: CategoryGenerator = (f) => {
  const r = f.rng;
  const county = localCounty(r, f.region, LAND_PREFECTURE_WEIGHTS);
  const landUse = useFor(f);
  const areaM2 = parcelArea(f, landUse);
  // The deal closes the notice of a month or two before: the parcel keeps the notice's year.
  const parcelYear = Number(addDays(f.formedOn, -r.int(30, 60)).slice(0, 4));
  const no = parcelNo(county, parcelYear, r.int(1, 48));
  const method = r.weighted([
    ['挂牌', 74],
    ['拍卖', 18],
    ['招标', 2],
    ['协议', 6],
  ] as const);
  // Most listings close at the starting price with one bidder; auctions climb.
  const start = parcelPrice(f, landUse, areaM2, county.code);
  const premium = method === '拍卖' ? r.logUniform(1.02, 1.8) : r.chance(0.75) ? 1 : r.logUniform(1.01, 1.3);
  const price = Math.min(2_000_000_000, start * premium);
  const grantee = f.subjects.draw(r, granteePool(f, landUse));
  const centre = near(r, county.code, landUse === LandUse.INDUSTRIAL_MINING_STORAGE ? 12 : 4);
  const amount = yuan(price, 10_000);
  return {
    title: `${parcelInTitle(county, no)}地块国有建设用地使用权${method}出让结果公示`,
    amount,
    projectCode: tradeNo(f, county, parcelYear),
    details: {
      parcelNo: no,
      location: parcelLocation(f, county, landUse),
      landUse,
      area: { value: areaValue(areaM2, 2), unit: AreaUnit.SQUARE_METRE },
      spatialExtent: boundary(r, centre, areaM2),
      termYears: USES[landUse]!.term,
      price: amount,
    },
    parties: [{ role: PartyRole.GRANTEE, subject: grantee }],
  };
};

export const landGenerators: Record<string, CategoryGenerator> = {
  SUPPLY_PLAN: supplyPlan,
  TRANSFER_NOTICE: transferNotice,
  DEAL: deal,
};
