import { addDays, toDayNumber, weekday, yearOf } from '../../../kernel/time/calendar-dates.js';
import {
  BidSubmissionMethod,
  ConstructionAcceptanceGrade,
  PrequalificationMethod,
  ProjectApprovalKind,
  TenderingMethod,
  TenderingOrganisation,
} from './bidding-enums.js';
import { PartyRole } from '../../hub/enums.js';
import { loadRegions } from '../../../reference-data/responsibility-expansion.js';
import { personName } from '../../../generator/names.js';
import { Rng } from '../../../generator/rng.js';
import type { GeneratedSubject, Pool } from '../../../generator/subjects.js';
import type { CategoryGenerator, GeneratedParty, RecordFrame } from '../../../generator/category-generator.js';

/*
 * 工程建设项目招标投标: a project (from its tenderer: a school builds a
 * teaching block, a 交通运输局 a rural road, a developer a housing estate),
 * one of its tenders (施工 and its lots, 监理, 勘察设计, EPC总承包) and the
 * builders who bid for it. Dates follow 招标投标法 and its 实施条例.
 */

// ---------------------------------------------------------------- places

const REGIONS = new Map(loadRegions().map((r) => [r.code, r]));
const PROVINCE = '630000';

/** 文号 prefixes of the approving 发展改革 departments (青发改, 宁发改 …). */
const DOC_ABBR: Record<string, string> = {
  '630000': '青',
  '630100': '宁',
  '630200': '海东',
  '632200': '北',
  '632300': '黄南',
  '632500': '南',
  '632600': '果',
  '632700': '玉',
  '632800': '西',
};

const AREA_CODES: Record<string, string> = {
  '630000': '0971',
  '630100': '0971',
  '630200': '0972',
  '632200': '0970',
  '632300': '0973',
  '632500': '0974',
  '632600': '0975',
  '632700': '0976',
  '632800': '0977',
};

/** Seats of the prefectures, for addresses of subjects registered at prefecture level. */
const SEATS: Record<string, string> = {
  '630100': '城西区',
  '630200': '乐都区',
  '632200': '海晏县西海镇',
  '632300': '同仁市',
  '632500': '共和县恰卜恰镇',
  '632600': '玛沁县大武镇',
  '632700': '玉树市结古街道',
  '632800': '德令哈市',
};

const XINING_STREETS = ['五四大街', '海湖路', '昆仑路', '七一路', '长江路', '八一路', '柴达木路', '胜利路', '西关大街', '南川东路', '宁张路', '黄河路', '文成路', '祁连路', '同仁路', '建国路', '小桥大街', '北川河东路'];
/** 西宁 proper: the city and its four central districts. */
const XINING_CITY = ['630100', '630102', '630103', '630104', '630105'];
const TOWN_STREETS = ['团结路', '建设路', '迎宾路', '人民路', '解放路', '滨河路', '民主路', '新华路', '昆仑路', '东大街', '西大街', '南大街', '北大街', '东环路', '西环路', '河滨北路', '黄河路', '柴达木路'];

const RIVERS: Record<string, readonly string[]> = {
  '630100': ['湟水河', '北川河', '南川河', '沙塘川河', '西纳川河'],
  '630200': ['湟水河', '引胜沟', '大通河', '黄河'],
  '632200': ['大通河', '八宝河', '哈尔盖河', '沙柳河'],
  '632300': ['隆务河', '黄河'],
  '632500': ['黄河', '茫拉河', '沙沟河'],
  '632600': ['黄河', '玛柯河'],
  '632700': ['通天河', '扎曲', '巴塘河', '子曲'],
  '632800': ['格尔木河', '巴音河', '那棱格勒河', '察汗乌苏河', '香日德河'],
};

/** Segments of the national highways through Qinghai, for provincial road tenders. */
const NATIONAL_ROADS: readonly (readonly [string, string])[] = [
  ['G109', '湟源至倒淌河'],
  ['G109', '倒淌河至共和'],
  ['G109', '共和至茶卡'],
  ['G109', '香日德至格尔木'],
  ['G214', '共和至玛多'],
  ['G214', '花石峡至玛多'],
  ['G214', '玛多至清水河'],
  ['G214', '歇武至结古'],
  ['G315', '西宁至湟源'],
  ['G315', '海晏至刚察'],
  ['G315', '刚察至天峻'],
  ['G315', '德令哈至大柴旦'],
  ['G227', '西宁至大通'],
  ['G310', '循化至尖扎'],
  ['G215', '大柴旦至察尔汗'],
];

const PROVINCIAL_WATER: readonly (readonly [string, string])[] = [
  ['引黄济宁工程', '青海省海南藏族自治州、西宁市、海东市'],
  ['湟水北干渠扶贫灌溉一期工程', '青海省西宁市、海东市'],
  ['蓄集峡水利枢纽工程', '青海省海西蒙古族藏族自治州'],
  ['那棱格勒河水利枢纽工程', '青海省海西蒙古族藏族自治州格尔木市'],
  ['黄河干流防洪工程（青海段）', '青海省黄河沿岸海南、黄南、海东等市州'],
];

function prefectureOf(code: string): string | null {
  return code === PROVINCE ? null : `${code.slice(0, 4)}00`;
}

function shortPrefecture(name: string): string {
  return name.replace(/(蒙古族藏族|藏族)自治州$/, '州');
}

/** The name a project carries: 西宁市城东区, 大通县, 格尔木市, 海西州, 青海省. */
function areaOf(code: string): string {
  const r = REGIONS.get(code);
  if (!r || r.level === 'PROVINCE') return '青海省';
  if (r.level === 'PREFECTURE') return shortPrefecture(r.name);
  if (r.name.endsWith('区')) return shortPrefecture(REGIONS.get(r.parentCode!)!.name) + r.name;
  if (r.name.endsWith('行政委员会')) return r.name.replace('行政委员会', '行委');
  return r.name.replace(/(回族土族|土族|回族|撒拉族|蒙古族|藏族)自治县$/, '县');
}

/** Full administrative path for addresses and 建设地点: 青海省海西蒙古族藏族自治州格尔木市. */
function fullArea(code: string): string {
  const r = REGIONS.get(code);
  if (!r || r.level === 'PROVINCE') return '青海省';
  if (r.level === 'PREFECTURE') return `青海省${r.name}`;
  return `青海省${REGIONS.get(r.parentCode!)!.name}${r.name}`;
}

function levelOf(code: string): 'PROVINCE' | 'PREFECTURE' | 'COUNTY' {
  return REGIONS.get(code)?.level ?? 'PROVINCE';
}

function phone(rng: Rng, code: string): string {
  const areaCode = code === '632801' ? '0979' : (AREA_CODES[prefectureOf(code) ?? PROVINCE] ?? '0971');
  return `${areaCode}-${rng.pick(['5', '6', '8'])}${rng.digits(6)}`;
}

/** The trading centre where a project is traded: the prefecture's, or the province's. */
function tradingCentre(code: string): string {
  const prefecture = prefectureOf(code);
  return prefecture ? `${shortPrefecture(REGIONS.get(prefecture)!.name)}公共资源交易中心` : '青海省公共资源交易中心';
}

// ---------------------------------------------------------------- dates and money

/** Moves a Saturday or Sunday to the following Monday. */
function workday(date: string): string {
  const d = weekday(date);
  return d === 6 ? addDays(date, 2) : d === 0 ? addDays(date, 1) : date;
}

function at(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

function yuan(n: number): string {
  return n.toFixed(2);
}

/** Investment in whole 万元, log-uniform. */
function investment(rng: Rng, min: number, max: number): number {
  return Math.round(rng.logUniform(min, max) / 10_000) * 10_000;
}

function daysBetween(from: string, until: string): number {
  return toDayNumber(until) - toDayNumber(from);
}

const CN = ['一', '二', '三', '四', '五', '六'];

// ---------------------------------------------------------------- projects

type Sector =
  | 'education'
  | 'health'
  | 'road'
  | 'water'
  | 'agri'
  | 'forestry'
  | 'land'
  | 'housing'
  | 'municipal'
  | 'environment'
  | 'public'
  | 'realEstate';

const SECTOR_WEIGHTS: readonly (readonly [Sector, number])[] = [
  ['housing', 14],
  ['municipal', 18],
  ['road', 14],
  ['water', 10],
  ['education', 10],
  ['health', 7],
  ['public', 6],
  ['agri', 6],
  ['forestry', 4],
  ['land', 4],
  ['environment', 6],
  ['realEstate', 11],
];

/** What the publishing department's own projects are. */
const PUBLISHER_SECTORS: Record<string, readonly Sector[]> = {
  'QH-TRANSPORT': ['road'],
  'QH-WATER': ['water'],
  'QH-AGRI': ['agri'],
  'QH-FORESTRY': ['forestry'],
  'QH-HEALTH': ['health'],
  'QH-HOUSING': ['housing', 'municipal', 'realEstate'],
  'QH-LAND': ['land'],
  'QH-ENV': ['environment'],
  'QH-COMMERCE': ['public'],
  'QH-ECONINFO': ['municipal'],
};

/** Which projects a tenderer, by its name, puts out to tender. First match wins. */
const TENDERER_SECTORS: readonly (readonly [RegExp, readonly Sector[]])[] = [
  [/中学|小学|职业技术学校|教育局/, ['education']],
  [/医院|妇幼保健院|疾病预防控制中心|卫生健康局/, ['health']],
  [/交通运输局/, ['road']],
  [/水利局/, ['water']],
  [/农业农村局/, ['agri', 'forestry']],
  [/自然资源局/, ['land', 'forestry']],
  [/住房和城乡建设局/, ['housing', 'municipal', 'environment']],
  [/生态环境局/, ['environment']],
  [/公安局|广播电视台|图书馆|财政局|市场监督管理局/, ['public']],
  [/人民政府办公室/, ['municipal', 'public', 'housing', 'environment', 'road']],
  [/城市建设投资|城投建设/, ['municipal', 'housing', 'road', 'environment']],
  [/棚户区改造建设/, ['housing']],
  [/房地产开发|置业/, ['realEstate']],
  // The builders among the developers develop housing of their own.
  [/./, ['realEstate']],
];

const INSTITUTION = /中学|小学|学校|医院|妇幼保健院|疾病预防控制中心|广播电视台|图书馆/;

function sectorsOf(name: string): readonly Sector[] {
  for (const [pattern, sectors] of TENDERER_SECTORS) if (pattern.test(name)) return sectors;
  return ['municipal'];
}

/** The 注册建造师 speciality and 施工总承包 qualification a sector's works need. */
const SPECIALITY: Record<Sector, '建筑工程' | '市政公用工程' | '公路工程' | '水利水电工程'> = {
  education: '建筑工程',
  health: '建筑工程',
  public: '建筑工程',
  housing: '建筑工程',
  realEstate: '建筑工程',
  municipal: '市政公用工程',
  environment: '市政公用工程',
  forestry: '市政公用工程',
  road: '公路工程',
  water: '水利水电工程',
  agri: '水利水电工程',
  land: '水利水电工程',
};

/** Builders whose names fit the works (a 路桥 company for a road …); 建设工程 firms do everything. */
const BUILDER_FIT: Record<string, RegExp> = {
  建筑工程: /建设工程|建筑工程|建筑安装/,
  市政公用工程: /市政|建设工程|路桥|园林绿化/,
  公路工程: /路桥|公路|建设工程/,
  水利水电工程: /水利水电|建设工程|市政/,
};

const SUPERVISION_QUAL: Record<string, string> = {
  建筑工程: '房屋建筑工程监理',
  市政公用工程: '市政公用工程监理',
  公路工程: '公路工程监理',
  水利水电工程: '水利工程施工监理',
};

const DESIGN_QUAL: Record<string, string> = {
  建筑工程: '建筑行业（建筑工程）',
  市政公用工程: '市政行业',
  公路工程: '公路行业',
  水利水电工程: '水利行业',
};

interface Project {
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

interface Tenderer {
  subject: GeneratedSubject;
  project: Project;
}

/** 2: the record's own region; 1: its prefecture (or any, for provincial records); 0: elsewhere. */
function locality(f: RecordFrame, code: string | null): number {
  if (!code) return 0;
  if (f.region.level === 'PROVINCE') return code === PROVINCE ? 2 : 1;
  if (code === f.region.code) return 2;
  if (code !== PROVINCE && code.slice(0, 4) === f.region.code.slice(0, 4)) return 1;
  return code === PROVINCE ? 0.5 : 0;
}

/** Draws from the pool by popularity, keeping the best-scored of up to `tries` draws. */
function drawBest(f: RecordFrame, pool: Pool, score: (s: GeneratedSubject) => number, best: number, tries = 40): GeneratedSubject {
  let chosen = f.subjects.draw(f.rng, pool);
  let chosenScore = score(chosen);
  for (let i = 1; i < tries && chosenScore < best; i++) {
    const s = f.subjects.draw(f.rng, pool);
    const sc = score(s);
    if (sc > chosenScore) {
      chosen = s;
      chosenScore = sc;
    }
  }
  return chosen;
}

/** k distinct builders, preferring those whose trade fits the works. */
function drawBuilders(f: RecordFrame, k: number, fit: RegExp): GeneratedSubject[] {
  const chosen = new Map<string, GeneratedSubject>();
  for (let i = 0; i < k * 25 && chosen.size < k; i++) {
    const s = f.subjects.draw(f.rng, 'builder');
    if (fit.test(s.name)) chosen.set(s.creditCode, s);
  }
  if (chosen.size < k) {
    for (const s of f.subjects.drawDistinct(f.rng, 'builder', k)) {
      if (chosen.size >= k) break;
      chosen.set(s.creditCode, s);
    }
  }
  return [...chosen.values()];
}

/** The project's year: mostly the record's, early in the year sometimes last year's plan. */
function projectYear(f: RecordFrame, date: string): number {
  const year = yearOf(date);
  return Number(date.slice(5, 7)) <= 3 && f.rng.chance(0.3) ? year - 1 : year;
}

function floorArea(rng: Rng, inv: number, minCost: number, maxCost: number): number {
  return Math.max(300, Math.round(inv / rng.int(minCost, maxCost) / 10) * 10);
}

/** Storeys that fit the floor area: no twelve-storey block of 2,000 m². */
function storeys(rng: Rng, floor: number, max: number): number {
  return Math.max(1, Math.min(max, Math.round(floor / rng.int(800, 2500))));
}

/** Outdoor works in Qinghai stop from mid-November to mid-March: a start date in winter moves back to the autumn. */
function outOfWinter(rng: Rng, date: string): string {
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const winter = month === 12 || month <= 2 || (month === 11 && day >= 15) || (month === 3 && day < 15);
  if (!winter) return date;
  const year = month >= 11 ? yearOf(date) : yearOf(date) - 1;
  return `${year}-${rng.pick(['09', '10'])}-${String(rng.int(1, 30)).padStart(2, '0')}`;
}

function buildingLots(rng: Rng) {
  return (lot: number) => {
    const first = (lot - 1) * rng.int(3, 5) + 1;
    return `${first}#—${first + rng.int(1, 4)}#楼及相应室外工程`;
  };
}

function stakeLots(rng: Rng, kmPerLot: number) {
  return (lot: number) => {
    const start = Math.round((lot - 1) * kmPerLot);
    const end = Math.max(start + 1, Math.round(lot * kmPerLot));
    return `起讫桩号K${start}+${String(rng.int(0, 9) * 100).padStart(3, '0')}—K${end}+${String(rng.int(0, 9) * 100).padStart(3, '0')}`;
  };
}

function areaLots(lot: number): string {
  return `第${CN[lot - 1]}片区`;
}

/** The project a tenderer of this sector puts out to tender, in the area it is built in. */
function makeProject(f: RecordFrame, t: GeneratedSubject, sector: Sector, regionCode: string, year: number): Project {
  const { rng } = f;
  const area = areaOf(regionCode);
  const prefecture = prefectureOf(regionCode) ?? '630100';
  const Y = `${year}年`;
  const gov = (fund: readonly string[]) => rng.pick(fund);
  // Remote counties build smaller than Xining.
  const scale = XINING_CITY.includes(regionCode) || regionCode === PROVINCE ? 1 : ['630100', '630200', '632800'].includes(prefecture) ? 0.7 : 0.45;
  const invest = (min: number, max: number) => investment(rng, min, Math.max(min * 2, max * scale));
  // Provincial institutions sit in Xining.
  const location = regionCode === PROVINCE ? '青海省西宁市' : fullArea(regionCode);
  const base = { sector, government: true, location, regionCode, lotPart: areaLots };
  switch (sector) {
    case 'education': {
      if (/教育局/.test(t.name) && rng.chance(0.35)) {
        const inv = invest(5e6, 1.2e8);
        const floor = floorArea(rng, inv, 3800, 5200);
        return {
          ...base,
          name: `${area}${Y}${rng.pick(['薄弱学校改造', '学前教育', '义务教育学校改善办学条件', '教育基础设施建设'])}项目`,
          investment: inv,
          content: `改扩建学校${rng.int(3, 15)}所，新建及改造校舍建筑面积${floor}平方米，配套建设运动场、供暖及室外附属工程`,
          industry: '83',
          fund: gov(['中央预算内投资及地方配套资金', '中央财政补助资金', '省级财政资金']),
          lotPart: areaLots,
        };
      }
      const school = /中学|小学|学校/.test(t.name)
        ? t.name
        : `${area}${rng.pick(['第二中学', '第三中学', '民族中学', '第一小学', '实验小学', '第二幼儿园', '寄宿制小学', '职业技术学校'])}`;
      const [building, max] = rng.pick([
        ['综合教学楼', 1.2e8],
        ['学生宿舍楼', 8e7],
        ['学生食堂', 3e7],
        ['图书实验综合楼', 6e7],
        ['风雨操场', 2e7],
        ['教学楼及附属用房', 1e8],
      ] as const);
      const inv = invest(5e6, max);
      const floor = floorArea(rng, inv, 3800, 5200);
      return {
        ...base,
        name: `${school}${building}建设项目`,
        investment: inv,
        content: `新建${building}，总建筑面积${floor}平方米，地上${storeys(rng, floor, 6)}层，框架结构，配套建设室外给排水、供暖、消防及场地硬化等附属工程`,
        industry: '83',
        fund: gov(['中央预算内投资', '地方政府专项债券资金', '省级财政资金', '财政资金']),
        lotPart: buildingLots(rng),
      };
    }
    case 'health': {
      if (/卫生健康局/.test(t.name) && rng.chance(0.3)) {
        const inv = invest(3e6, 4e7);
        return {
          ...base,
          name: `${area}${Y}乡镇卫生院标准化建设项目`,
          investment: inv,
          content: `新建（改扩建）乡镇卫生院${rng.int(2, 9)}所，总建筑面积${floorArea(rng, inv, 3500, 4800)}平方米，配套建设室外工程及医疗废物暂存间`,
          industry: '84',
          fund: gov(['中央预算内投资', '省级财政资金', '中央预算内投资及地方配套资金']),
        };
      }
      const hospital = /医院|妇幼|疾病预防/.test(t.name) ? t.name : `${area}${rng.pick(['人民医院', '中医院', '藏医院', '妇幼保健院'])}`;
      const [building, max] = /疾病预防/.test(hospital)
        ? rng.pick([['业务综合楼', 1e8], ['生物安全二级实验室', 3e7]] as const)
        : rng.pick([
            ['门急诊综合楼', 4.5e8],
            ['住院综合楼', 4.5e8],
            ['医技综合楼', 2.5e8],
            ['感染性疾病科业务用房', 8e7],
            ['发热门诊及传染病区', 1.2e8],
            ['综合业务楼', 1.5e8],
          ] as const);
      const inv = invest(8e6, max);
      const floor = floorArea(rng, inv, 4500, 6500);
      const beds = building.includes('住院') || building.includes('传染病区') ? `，设置床位${Math.round(floor / 90 / 10) * 10}张` : '';
      return {
        ...base,
        name: `${hospital}${building}建设项目`,
        investment: inv,
        content: `新建${building}，总建筑面积${floor}平方米，地上${storeys(rng, floor, 16)}层、地下1层，${floor > 15000 ? '框架剪力墙' : '框架'}结构${beds}，配套建设医用气体、净化及室外附属工程`,
        industry: '84',
        fund: gov(['中央预算内投资', '地方政府专项债券资金', '中央预算内投资及地方配套资金', '单位自筹及财政资金']),
        lotPart: buildingLots(rng),
      };
    }
    case 'road': {
      if (regionCode === PROVINCE) {
        const [route, segment] = rng.pick(NATIONAL_ROADS);
        const km = rng.int(18, 120);
        const maintenance = rng.chance(0.35);
        const firstClass = !maintenance && rng.chance(0.3);
        const inv = Math.round((km * rng.logUniform(maintenance ? 2e6 : 1.2e7, maintenance ? 5e6 : 3.2e7)) / 10_000) * 10_000;
        return {
          ...base,
          location: `${route}线${segment}段沿线`,
          name: `${route}线${segment}段公路${maintenance ? '养护大中修工程' : rng.pick(['改建工程', '改扩建工程'])}`,
          investment: inv,
          content: maintenance
            ? `路段全长${km}公里，主要实施病害处治、沥青混凝土路面罩面及交通安全设施完善`
            : `路线全长${km}公里，采用${firstClass ? '一级' : '二级'}公路标准，设计速度${firstClass ? 80 : 60}公里/小时，路基宽度${firstClass ? '24.5' : '12'}米，沥青混凝土路面，全线设大中桥${rng.int(2, 15)}座、涵洞${rng.int(30, 160)}道`,
          industry: '54',
          fund: maintenance ? '车购税资金及省级配套资金' : gov(['车购税资金及省级配套资金', '中央车购税资金、地方政府专项债券及银行贷款']),
          lotPart: stakeLots(rng, km / 3),
        };
      }
      const kind = rng.weighted([['build', 55], ['safety', 25], ['bridge', 20]] as const);
      if (kind === 'build') {
        const km = rng.int(8, 120);
        return {
          ...base,
          name: `${area}${Y}农村公路${rng.pick(['建设', '提质改造', '通村硬化'])}项目`,
          investment: Math.round((km * rng.logUniform(6e5, 1.8e6)) / 10_000) * 10_000,
          content: `建设农村公路${km}公里，路基宽度${rng.pick(['4.5', '5.5', '6.5', '7.5'])}米，${rng.pick(['水泥混凝土', '沥青混凝土'])}路面，配套建设涵洞及安全防护设施`,
          industry: '54',
          fund: gov(['车购税资金及地方配套资金', '中央车购税资金', '地方政府专项债券资金']),
          lotPart: stakeLots(rng, km / 3),
        };
      }
      if (kind === 'safety') {
        return {
          ...base,
          name: `${area}${Y}农村公路安全生命防护工程`,
          investment: invest(3e6, 3e7),
          content: `实施农村公路安全生命防护工程${rng.int(40, 400)}公里，主要建设波形护栏、警示标志标线及减速带`,
          industry: '54',
          fund: gov(['车购税资金', '省级财政资金']),
        };
      }
      return {
        ...base,
        name: `${area}${Y}农村公路危桥改造工程`,
        investment: invest(4e6, 6e7),
        content: `改造农村公路危桥${rng.int(2, 12)}座，共计${rng.int(80, 900)}延米，上部结构采用预应力混凝土空心板`,
        industry: '54',
        fund: gov(['车购税资金及地方配套资金', '中央车购税资金']),
      };
    }
    case 'water': {
      if (regionCode === PROVINCE && rng.chance(0.7)) {
        const [name, where] = rng.pick(PROVINCIAL_WATER);
        return {
          ...base,
          location: where,
          name,
          investment: invest(5e8, 6e9),
          content: `主要建设内容包括${rng.pick(['输水隧洞', '输水管线', '拦河坝及泄洪建筑物', '干渠及渠系建筑物', '堤防及护岸'])}、${rng.pick(['泵站', '调蓄水池', '水电站厂房', '交通桥', '管理站'])}等，工程等别为${rng.pick(['Ⅱ', 'Ⅲ'])}等`,
          industry: '76',
          fund: gov(['中央预算内投资、省级财政资金及银行贷款', '中央预算内投资及地方政府专项债券资金']),
          lotPart: stakeLots(rng, rng.int(20, 120) / 4),
        };
      }
      const kind = rng.weighted([['river', 45], ['supply', 30], ['irrigation', 25]] as const);
      if (kind === 'river') {
        const km = rng.int(3, 40);
        const river = rng.pick(RIVERS[prefecture] ?? RIVERS['630100']!);
        return {
          ...base,
          name: `${area}${river}${rng.pick(['防洪治理工程', '综合治理工程', '生态治理工程', `${Y}中小河流治理项目`])}`,
          investment: Math.round((km * rng.logUniform(2e6, 8e6)) / 10_000) * 10_000,
          content: `治理河长${km}公里，新建堤防${(km * rng.int(8, 18) / 10).toFixed(1)}公里、护岸${(km * rng.int(2, 8) / 10).toFixed(1)}公里，配套建设穿堤建筑物及生态护坡`,
          industry: '76',
          fund: gov(['中央水利发展资金及地方配套资金', '中央预算内投资', '地方政府专项债券资金']),
          lotPart: stakeLots(rng, km / 3),
        };
      }
      if (kind === 'supply') {
        return {
          ...base,
          name: `${area}${Y}农村牧区供水保障工程`,
          investment: invest(5e6, 8e7),
          content: `新建（改造）供水管网${rng.int(20, 300)}公里、蓄水池${rng.int(3, 40)}座，受益人口${(rng.int(5, 120) / 10).toFixed(1)}万人`,
          industry: '76',
          fund: gov(['中央水利发展资金', '省级财政资金', '中央预算内投资及地方配套资金']),
        };
      }
      return {
        ...base,
        name: `${area}${Y}灌区续建配套与节水改造项目`,
        investment: invest(1e7, 2e8),
        content: `改造干支渠${rng.int(10, 120)}公里，配套渠系建筑物${rng.int(50, 600)}座，新增及恢复灌溉面积${(rng.int(5, 80) / 10).toFixed(1)}万亩`,
        industry: '76',
        fund: gov(['中央预算内投资及地方配套资金', '中央水利发展资金']),
      };
    }
    case 'agri': {
      const kind = rng.weighted([['farmland', 60], ['shed', 25], ['greenhouse', 15]] as const);
      if (kind === 'farmland') {
        const mu = rng.int(5, 50) / 10;
        return {
          ...base,
          name: `${area}${Y}高标准农田建设项目`,
          investment: Math.round((mu * 10_000 * rng.int(1500, 3000)) / 10_000) * 10_000,
          content: `建设高标准农田${mu.toFixed(1)}万亩，主要建设内容包括土地平整、灌溉与排水、田间道路及农田防护林工程`,
          industry: '01',
          fund: gov(['中央财政农田建设补助资金及地方配套资金', '中央预算内投资及省级财政资金']),
        };
      }
      if (kind === 'shed') {
        return {
          ...base,
          name: `${area}${Y}牲畜暖棚建设项目`,
          investment: invest(3e6, 3e7),
          content: `新建标准化牲畜暖棚${rng.int(100, 1500)}座及配套饲草料储备库，单座暖棚面积不低于${rng.pick([120, 150, 200])}平方米`,
          industry: '03',
          fund: gov(['中央财政衔接推进乡村振兴补助资金', '省级财政资金']),
        };
      }
      return {
        ...base,
        name: `${area}${Y}设施农业（日光温室）建设项目`,
        investment: invest(5e6, 5e7),
        content: `新建日光温室${rng.int(50, 600)}栋，配套建设滴灌设施、田间道路及保鲜库`,
        industry: '01',
        fund: gov(['中央财政衔接推进乡村振兴补助资金', '省级财政资金']),
      };
    }
    case 'forestry': {
      const choices = [`${Y}国土绿化工程`, `${Y}退化草原生态修复治理项目`, `${Y}湿地保护与恢复工程`, `${Y}三北防护林建设工程`];
      if (prefecture === '630100') choices.push(`南北山绿化（第${CN[rng.int(2, 5)]}期）工程`);
      const inv = invest(3e6, 1e8);
      return {
        ...base,
        name: `${area}${rng.pick(choices)}`,
        investment: inv,
        content: `完成人工造林${Math.max(100, Math.round((inv * 0.6) / rng.int(900, 1800) / 100) * 100)}亩、封山育林${Math.max(500, Math.round((inv * 0.15) / rng.int(80, 150) / 100) * 100)}亩，补植补造及退化草原修复${Math.max(500, Math.round((inv * 0.15) / rng.int(150, 400) / 100) * 100)}亩，配套建设灌溉管网及网围栏`,
        industry: '02',
        fund: gov(['中央财政林业改革发展资金', '中央预算内投资及省级配套资金', '省级财政资金']),
      };
    }
    case 'land': {
      const kind = rng.weighted([['hazard', 40], ['consolidation', 35], ['mine', 25]] as const);
      const inv = invest(5e6, kind === 'consolidation' ? 8e7 : 1.5e8);
      return {
        ...base,
        name: `${area}${Y}${kind === 'hazard' ? '地质灾害综合治理工程' : kind === 'consolidation' ? '土地综合整治项目' : '历史遗留废弃矿山生态修复项目'}`,
        investment: inv,
        content:
          kind === 'hazard'
            ? `治理滑坡、崩塌、泥石流等地质灾害隐患点${rng.int(2, 20)}处，主要建设抗滑桩、挡土墙、拦挡坝及排导槽`
            : kind === 'consolidation'
              ? `整治规模${rng.int(100, 3000)}公顷，新增耕地${rng.int(10, 300)}公顷，配套建设田间道路及灌排设施`
              : `修复治理废弃矿山图斑${rng.int(3, 60)}处，治理面积${rng.int(20, 800)}公顷，主要实施边坡整形、渣堆清理及植被恢复`,
        industry: '77',
        fund: gov(['中央财政自然灾害防治资金', '中央重点生态保护修复治理资金', '省级财政资金', '土地出让收益']),
      };
    }
    case 'housing': {
      const kind = /棚户区改造/.test(t.name)
        ? 'shanty'
        : rng.weighted([['old', 45], ['shanty', 20], ['rental', 15], ['rural', 20]] as const);
      if (kind === 'old') {
        const inv = invest(5e6, 3e8);
        const households = Math.max(100, Math.round(inv / rng.int(20_000, 50_000)));
        return {
          ...base,
          name: `${area}${Y}老旧小区改造工程`,
          investment: inv,
          content: `改造老旧小区${Math.max(2, Math.round(households / rng.int(120, 400)))}个，涉及住户${households}户，主要包括屋面防水、外墙保温、给排水及供暖管网改造、小区道路及配套设施建设`,
          industry: '47',
          fund: gov(['中央预算内投资及地方配套资金', '中央财政城镇保障性安居工程补助资金', '地方政府专项债券资金']),
        };
      }
      if (kind === 'shanty' || kind === 'rental') {
        const inv = invest(kind === 'shanty' ? 3e7 : 2e7, kind === 'shanty' ? 8e8 : 2.5e8);
        const floor = floorArea(rng, inv, 2600, 3600);
        const units = Math.round(floor / (kind === 'shanty' ? rng.int(85, 105) : rng.int(45, 60)));
        return {
          ...base,
          name: `${area}${Y}${kind === 'shanty' ? '棚户区改造项目' : '公共租赁住房建设项目'}`,
          investment: inv,
          content: `新建${kind === 'shanty' ? '安置住房' : '公共租赁住房'}${units}套，总建筑面积${floor}平方米，配套建设水、电、暖、燃气及小区道路等基础设施`,
          industry: '47',
          fund: gov(['中央财政城镇保障性安居工程补助资金及地方配套资金', '地方政府专项债券资金', '棚改专项贷款及财政资金']),
          lotPart: buildingLots(rng),
        };
      }
      return {
        ...base,
        name: `${area}${Y}农牧民居住条件改善工程`,
        investment: invest(5e6, 6e7),
        content: `改造农牧民危旧房${rng.int(200, 3000)}户，配套实施抗震加固及庭院整治`,
        industry: '47',
        fund: gov(['中央财政农村危房改造补助资金', '省级财政资金']),
      };
    }
    case 'municipal': {
      const kind = rng.weighted([['street', 35], ['heating', 15], ['sewer', 20], ['park', 15], ['gas', 15]] as const);
      if (kind === 'street') {
        const metres = rng.int(6, 80) * 100;
        const street = rng.pick(XINING_CITY.includes(regionCode) ? XINING_STREETS : TOWN_STREETS);
        return {
          ...base,
          name: `${area}${street}${rng.pick(['道路改造工程', '提升改造工程', '拓宽改造工程', '（东段）道路建设工程'])}`,
          investment: Math.round((metres * rng.logUniform(1.5e4, 6e4)) / 10_000) * 10_000,
          content: `道路全长${metres}米，红线宽度${rng.pick([16, 20, 24, 30, 40, 50])}米，建设内容包括道路、给排水、照明、交通设施及绿化工程`,
          industry: '48',
          fund: gov(['地方政府专项债券资金', '财政资金', '中央预算内投资及地方配套资金']),
          lotPart: stakeLots(rng, metres / 1000 / 2),
        };
      }
      if (kind === 'park') {
        const inv = invest(5e6, 2e8);
        return {
          ...base,
          name: `${area}${rng.pick(['滨河公园', '体育公园', '湿地公园', '城市综合公园'])}建设项目`,
          investment: inv,
          content: `总占地面积${Math.max(1, Math.round(inv / rng.int(800_000, 2_500_000)))}公顷，建设内容包括园路广场、绿化种植、景观照明、给排水及配套服务设施`,
          industry: '78',
          fund: gov(['地方政府专项债券资金', '财政资金']),
        };
      }
      const km = rng.int(5, 90);
      const what = { heating: '城区供热管网改造工程', sewer: '城区雨污分流改造工程', gas: '城区燃气管网改造工程' }[kind];
      const content = {
        heating: `改造供热一次管网${km}公里、二次管网${rng.int(10, 120)}公里，新建（改造）换热站${rng.int(3, 40)}座`,
        sewer: `新建雨水管网${km}公里、污水管网${rng.int(5, 90)}公里，改造检查井${rng.int(200, 3000)}座`,
        gas: `改造老旧燃气管网${km}公里，更换庭院管及立管，涉及用户${rng.int(2000, 30000)}户`,
      }[kind];
      return {
        ...base,
        name: `${area}${rng.chance(0.4) ? Y : ''}${what}`,
        investment: Math.round((km * rng.logUniform(1e6, 4e6)) / 10_000) * 10_000,
        content,
        industry: kind === 'heating' ? '44' : kind === 'gas' ? '45' : '46',
        fund: gov(['中央预算内投资及地方配套资金', '地方政府专项债券资金', '财政资金']),
      };
    }
    case 'environment': {
      const kind = rng.weighted([['sewage', 30], ['village', 35], ['landfill', 15], ['ruralSewage', 20]] as const);
      const inv = invest(5e6, kind === 'sewage' || kind === 'landfill' ? 2e8 : 8e7);
      const name = {
        sewage: `${area}污水处理厂提标改造工程`,
        village: `${area}${Y}农村人居环境整治项目`,
        landfill: `${area}生活垃圾卫生填埋场${rng.pick(['改扩建', '封场治理'])}工程`,
        ruralSewage: `${area}${Y}农村生活污水治理项目`,
      }[kind];
      const content = {
        sewage: `污水处理规模${(rng.int(5, 100) / 10).toFixed(1)}万立方米/日，提标改造后出水执行《城镇污水处理厂污染物排放标准》一级A标准`,
        village: `涉及行政村${rng.int(5, 60)}个，建设内容包括户用卫生厕所改造${rng.int(300, 5000)}座、垃圾收集转运设施及村内道路硬化`,
        landfill: `填埋场设计库容${rng.int(20, 300)}万立方米，建设内容包括防渗系统、渗滤液处理站及填埋气导排设施`,
        ruralSewage: `治理行政村${rng.int(5, 50)}个，新建污水收集管网${rng.int(10, 150)}公里、一体化污水处理设施${rng.int(3, 40)}座`,
      }[kind];
      return {
        ...base,
        name,
        investment: inv,
        content,
        industry: '77',
        fund: gov(['中央预算内投资及地方配套资金', '中央财政水污染防治资金', '地方政府专项债券资金']),
      };
    }
    case 'public': {
      let name: string;
      if (/公安局/.test(t.name)) name = `${t.name}${rng.pick(['业务技术用房', '执法办案中心', '指挥中心'])}建设项目`;
      else if (/广播电视台/.test(t.name)) name = `${t.name}融媒体中心建设项目`;
      else if (/图书馆/.test(t.name)) name = `${t.name}新馆建设项目`;
      else name = `${area}${rng.pick(['全民健身中心', '文化馆', '综合档案馆', '政务服务中心', '青少年活动中心', '养老服务中心', '游客服务中心'])}建设项目`;
      const inv = invest(8e6, 1.5e8);
      const floor = floorArea(rng, inv, 4000, 6000);
      return {
        ...base,
        name,
        investment: inv,
        content: `总建筑面积${floor}平方米，地上${storeys(rng, floor, 12)}层，框架结构，配套建设室外道路、停车场、绿化及给排水、供暖工程`,
        industry: '91',
        fund: gov(['中央预算内投资', '地方政府专项债券资金', '财政资金']),
        lotPart: buildingLots(rng),
      };
    }
    case 'realEstate': {
      const inv = invest(5e7, 1.2e9);
      const floor = floorArea(rng, inv, 2400, 3400);
      const estate = `${rng.pick(['河畔', '湟水', '昆仑', '雪域', '锦绣', '阳光', '金色', '滨河', '东城', '御景', '雅居', '海湖'])}${rng.pick(['花园', '家园', '名苑', '华府', '雅苑', '新城', '公馆', '府'])}`;
      return {
        ...base,
        government: false,
        name: `${area}${estate}${rng.pick(['', '（一期）', '（二期）', '三期'])}建设项目`,
        investment: inv,
        content: `总建筑面积${floor}平方米，建设住宅楼${Math.max(2, Math.round(floor / rng.int(8000, 15000)))}栋共${Math.round((floor * 0.8) / rng.int(95, 125))}套，配套建设地下车库、商业用房及室外附属工程`,
        industry: '70',
        fund: rng.pick(['企业自筹', '企业自筹及银行贷款']),
        lotPart: buildingLots(rng),
      };
    }
  }
}

/** Picks the tenderer (by the publisher's business, near the record's region) and its project. */
function tendererAndProject(f: RecordFrame, date: string = f.formedOn): Tenderer {
  const own = PUBLISHER_SECTORS[f.publisher.code];
  const desired: Sector = own && f.rng.chance(0.85) ? f.rng.pick(own) : f.rng.weighted(SECTOR_WEIGHTS);
  const pool: Pool =
    desired === 'realEstate'
      ? 'developer'
      : desired === 'municipal' || desired === 'housing'
        ? f.rng.chance(0.35)
          ? 'developer'
          : 'purchaser'
        : desired === 'road' || desired === 'environment'
          ? f.rng.chance(0.15)
            ? 'developer'
            : 'purchaser'
          : 'purchaser';
  // A county's projects are tendered by its own bureaus, in the publisher's line of business where one fits.
  // Hospitals and schools tender only their own buildings: keep them out of other lines of business.
  const subject = drawBest(
    f,
    pool,
    (s) => 2 * locality(f, s.regionCode) + (sectorsOf(s.name).includes(desired) ? 1.5 : INSTITUTION.test(s.name) ? -1 : 0),
    5.5,
    80,
  );
  const possible = sectorsOf(subject.name);
  const sector = possible.includes(desired) ? desired : f.rng.pick(possible);
  const home = subject.regionCode ?? f.region.code;
  const regionCode =
    home === PROVINCE
      ? sector === 'road' || sector === 'water'
        ? PROVINCE
        : f.region.code
      : locality(f, home) > 0
        ? home
        : f.region.code;
  const project = makeProject(f, subject, sector, regionCode, projectYear(f, date));
  // Enterprise-invested roads and water works under concession are 核准, not 审批.
  if (pool === 'developer' && (sector === 'road' || sector === 'water') && f.rng.chance(0.4)) {
    project.government = false;
    project.fund = '企业自筹及银行贷款';
  }
  return { subject, project };
}

// ---------------------------------------------------------------- the tender

type WorksKind = 'construction' | 'supervision' | 'design' | 'epc';

interface Works {
  kind: WorksKind;
  /** 施工, 监理, 勘察设计, EPC总承包 (+ 二标段). */
  label: string;
  lot: number;
  lots: number;
  /** 最高投标限价（元）. */
  ceiling: number;
  /** 工期 or 服务期（日历天）. */
  days: number;
}

/** Chooses the tender of the project; `buildersOnly` keeps to works won by construction firms. */
function chooseWorks(f: RecordFrame, project: Project, buildersOnly: boolean): Works {
  const { rng } = f;
  const inv = project.investment;
  const options: [WorksKind, number][] = [['construction', 72]];
  if (!buildersOnly && inv >= 6e7) options.push(['supervision', 14], ['design', 8]);
  if (inv >= 5e7 && project.government) options.push(['epc', buildersOnly ? 10 : 6]);
  const kind = rng.weighted(options);
  let estimate: number;
  let lots = 1;
  if (kind === 'construction') {
    estimate = inv * (0.6 + rng.next() * 0.25);
    if (estimate > 3e8) lots = rng.int(2, 5);
    else if (estimate > 8e7) lots = rng.weighted([[1, 55], [2, 30], [3, 15]] as const);
  } else if (kind === 'supervision') estimate = inv * (0.012 + rng.next() * 0.013);
  else if (kind === 'design') estimate = inv * (0.025 + rng.next() * 0.02);
  else estimate = inv * (0.8 + rng.next() * 0.1);
  const lot = rng.int(1, lots);
  const ceiling = Math.round((estimate / lots) * (0.85 + rng.next() * 0.3) * 100) / 100;
  const buildDays = Math.round((60 + 100 * Math.log10(Math.max(ceiling, 1e6) / 1e6) * (0.9 + rng.next() * 0.5)) / 10) * 10;
  const days = kind === 'design' ? rng.int(3, 12) * 10 : kind === 'supervision' ? buildDays + 365 : buildDays;
  const labels: Record<WorksKind, string> = { construction: '施工', supervision: '监理', design: '勘察设计', epc: 'EPC总承包' };
  return { kind, label: `${labels[kind]}${lots > 1 ? `${CN[lot - 1]}标段` : ''}`, lot, lots, ceiling, days };
}

/** 招标项目（标段）编号 on the trading platform. */
function tenderCode(f: RecordFrame, project: Project, works: Works): string {
  return `E${project.regionCode}${f.year}${f.rng.digits(5)}${String(works.lot).padStart(3, '0')}`;
}

/** 投资项目代码: year, region, industry, 01 审批 / 02 核准 / 03 备案, serial. */
function investmentCode(f: RecordFrame, project: Project, kind: ProjectApprovalKind, year: number): string {
  const type = kind === ProjectApprovalKind.EXAMINATION ? '01' : kind === ProjectApprovalKind.CONFIRMATION ? '02' : '03';
  return `${year}-${project.regionCode}-${project.industry}-${type}-${f.rng.digits(6)}`;
}

function approvalKind(f: RecordFrame, project: Project): ProjectApprovalKind {
  if (project.government) return ProjectApprovalKind.EXAMINATION;
  if (project.sector === 'realEstate') return ProjectApprovalKind.FILING;
  return f.rng.chance(0.8) ? ProjectApprovalKind.CONFIRMATION : ProjectApprovalKind.FILING;
}

/** The 发展改革 department that approves a project of the region, and its 文号 prefix. */
function approvingAuthority(regionCode: string): { name: string; abbr: string } {
  const level = levelOf(regionCode);
  if (level === 'PROVINCE') return { name: '青海省发展和改革委员会', abbr: '青发改' };
  if (level === 'PREFECTURE') return { name: `${areaOf(regionCode)}发展和改革委员会`, abbr: `${DOC_ABBR[regionCode] ?? '青'}发改` };
  const county = REGIONS.get(regionCode)!.name;
  const short = areaOf(regionCode).replace(/^(西宁市|海东市)/, '').replace(/(县|市|区|行委)$/, '');
  return { name: `${areaOf(regionCode)}发展和改革局`, abbr: `${short || county}发改` };
}

function approvalDocNo(f: RecordFrame, regionCode: string, year: number, kind: ProjectApprovalKind, sector: Sector): string {
  const { abbr } = approvingAuthority(regionCode);
  const county = levelOf(regionCode) === 'COUNTY';
  const series =
    kind === ProjectApprovalKind.CONFIRMATION
      ? '投资'
      : ['education', 'health', 'public'].includes(sector)
        ? f.rng.pick(['社会', '投资'])
        : ['agri', 'forestry', 'water', 'land'].includes(sector)
          ? f.rng.pick(['农经', '投资'])
          : f.rng.pick(['投资', '审批']);
  return `${abbr}${county ? '' : series}〔${year}〕${f.rng.int(1, county ? 260 : 480)}号`;
}

/** 必须招标的工程项目规定 (国家发展改革委令第16号) took effect on 2018-06-01. */
function tenderingRules(date: string): string {
  return date >= '2018-06-01' ? '《必须招标的工程项目规定》（国家发展改革委令第16号）' : '《工程建设项目招标范围和规模标准规定》（国家计委令第3号）';
}

function grade(ceiling: number): '一级' | '二级' | '三级' {
  return ceiling >= 1e8 ? '一级' : ceiling >= 2e7 ? '二级' : '三级';
}

/** 投标人资格要求 of the works. */
function qualification(project: Project, works: Works): string {
  const speciality = SPECIALITY[project.sector];
  const g = grade(works.ceiling);
  const common = '近三年财务状况良好，具有类似工程业绩，未被列入失信被执行人名单、重大税收违法失信主体名单及招标投标领域严重失信主体名单。';
  if (works.kind === 'supervision') {
    const top = works.ceiling >= 3e6 || speciality === '公路工程' ? '甲级' : '乙级';
    return `具备工程监理综合资质或${SUPERVISION_QUAL[speciality]}${top}及以上资质；拟派总监理工程师须具备${speciality === '水利水电工程' ? '水利工程建设' : ''}注册监理工程师执业资格。${common}`;
  }
  if (works.kind === 'design') {
    return `具备工程设计${DESIGN_QUAL[speciality]}乙级及以上资质和工程勘察专业类岩土工程（勘察）乙级及以上资质；拟派项目负责人须具备相应专业注册执业资格。${common}`;
  }
  const builder = `具备${speciality}施工总承包${g}及以上资质，具有有效的安全生产许可证；拟派项目经理须具备${speciality}专业${g === '一级' ? '一级' : '二级及以上'}注册建造师执业资格，持有有效的安全生产考核合格证书（B证），且未担任其他在建工程项目的项目经理`;
  if (works.kind === 'epc') return `${builder}；同时具备工程设计${DESIGN_QUAL[speciality]}乙级及以上资质（接受设计、施工单位组成联合体投标）。${common}`;
  return `${builder}。${common}`;
}

function scopeText(project: Project, works: Works): string {
  const split = works.lots > 1 ? `本项目施工共划分为${works.lots}个标段，本次招标为${CN[works.lot - 1]}标段（${project.lotPart(works.lot)}）。` : '';
  switch (works.kind) {
    case 'construction':
      return `${split}${project.name}施工图纸及工程量清单范围内的全部工程内容，包括${project.content.replace(/^新建/, '')}，以及缺陷责任期内的缺陷修复和保修工作。`;
    case 'supervision':
      return `${project.name}施工准备阶段、施工阶段及缺陷责任期的全过程监理服务，包括质量、进度、投资控制，合同、信息管理，以及安全生产管理的监理工作和组织协调。`;
    case 'design':
      return `${project.name}的工程勘察（初步勘察、详细勘察）、初步设计及概算编制、施工图设计，以及施工期间的设计交底、现场配合等后续服务。`;
    case 'epc':
      return `${project.name}的施工图设计、设备材料采购、施工、竣工验收及缺陷责任期保修等工程总承包工作，具体以发包人要求为准。`;
  }
}

function overviewText(project: Project, works: Works): string {
  const period = works.kind === 'design' ? '设计周期' : works.kind === 'supervision' ? '监理服务期' : '计划工期';
  return `建设地点：${project.location}；建设规模：${project.content}；项目总投资：${(project.investment / 10_000).toFixed(2)}万元；${period}：${works.days}日历天；本标段最高投标限价：${yuan(works.ceiling)}元。`;
}

function conditionsText(f: RecordFrame, project: Project, tenderer: GeneratedSubject, works: Works, method: string): string {
  const year = yearOf(f.formedOn) - (f.rng.chance(0.4) ? 1 : 0);
  const kind = approvalKind(f, project);
  const authority = approvingAuthority(project.regionCode).name;
  const approved =
    kind === ProjectApprovalKind.FILING
      ? `已在${authority}备案（项目代码：${investmentCode(f, project, kind, year)}）`
      : `已由${authority}以${approvalDocNo(f, project.regionCode, year, kind, project.sector)}${kind === ProjectApprovalKind.CONFIRMATION ? '核准' : '批准建设'}`;
  const work = { construction: '施工', supervision: '施工监理', design: '勘察设计', epc: '工程总承包' }[works.kind];
  const joint = works.kind === 'epc' ? '' : f.rng.chance(0.8) ? '本次招标不接受联合体投标。' : '本次招标接受联合体投标。';
  return `本招标项目${project.name}${approved}，项目业主为${tenderer.name}，建设资金来自${project.fund}，项目出资比例为100%，招标人为${tenderer.name}。项目已具备招标条件，现对该项目的${work}进行${method}。投标人资格要求：${qualification(project, works)}${joint}`;
}

/** 文件获取: at least 5 days (实施条例 第十六条), online and free since the platform took over. */
function documentIssue(f: RecordFrame, start: string, regionCode: string, what: string) {
  const onSite = f.year <= 2019 && f.rng.chance(f.year === 2018 ? 0.45 : 0.15);
  const until = workday(addDays(start, f.rng.int(5, 7)));
  return {
    from: at(start, f.rng.pick(['08:30', '09:00'])),
    until: at(until, f.rng.pick(['17:00', '17:30', '18:00'])),
    method: onSite
      ? `持单位介绍信、营业执照副本及资质证书复印件（加盖公章）到${tradingCentre(regionCode)}现场购买${what}`
      : `凭CA数字证书登录青海省公共资源交易网（www.qhggzyjy.gov.cn）免费下载${what}电子版`,
    place: onSite ? `${tradingCentre(regionCode)}${f.rng.pick(['一楼', '二楼'])}交易服务大厅` : null,
    price: onSite ? f.rng.money(200, 1000, 100) : null,
  };
}

function submission(f: RecordFrame, deadline: string, regionCode: string) {
  const method =
    f.year >= 2020
      ? f.rng.weighted([[BidSubmissionMethod.ONLINE, 88], [BidSubmissionMethod.ONLINE_AND_ON_SITE, 12]] as const)
      : f.rng.weighted([
          [BidSubmissionMethod.ON_SITE, f.year === 2018 ? 45 : 15],
          [BidSubmissionMethod.ONLINE_AND_ON_SITE, 35],
          [BidSubmissionMethod.ONLINE, f.year === 2018 ? 20 : 50],
        ] as const);
  return {
    deadline: at(deadline, f.rng.pick(['09:00', '09:30', '10:00', '14:30'])),
    method,
    place: method === BidSubmissionMethod.ONLINE ? null : `${tradingCentre(regionCode)}${f.rng.pick(['第一', '第二', '第三', '第四'])}开标室`,
  };
}

// ---------------------------------------------------------------- supervising departments

/** 行政监督部门 of the works, by sector, level and the 2019 reorganisation of Qinghai's departments. */
function supervisor(f: RecordFrame, project: Project): string {
  const old = f.year <= 2018;
  const province = levelOf(project.regionCode) === 'PROVINCE';
  if (province && old && f.rng.chance(0.3)) return '青海省公共资源交易监督管理局';
  const names: Record<string, readonly [string, string]> = {
    building: ['住房和城乡建设厅', '住房和城乡建设局'],
    road: ['交通运输厅', '交通运输局'],
    water: ['水利厅', '水利局'],
    agri: old ? ['农牧厅', '农牧局'] : ['农业农村厅', '农业农村局'],
    forestry: old ? ['林业厅', '林业局'] : ['林业和草原局', '林业和草原局'],
    land: old ? ['国土资源厅', '国土资源局'] : ['自然资源厅', '自然资源局'],
  };
  const key = ['road', 'water', 'agri', 'forestry', 'land'].includes(project.sector) ? project.sector : 'building';
  const [provincial, local] = names[key]!;
  return province ? `青海省${provincial}` : `${areaOf(project.regionCode)}${local}`;
}

// ---------------------------------------------------------------- categories

/** 招标核准信息: the approving department's 审批/核准/备案 and, for the first two, the approved tendering scheme. */
const approval: CategoryGenerator = (f) => {
  const { subject: tenderer, project } = tendererAndProject(f);
  const kind = approvalKind(f, project);
  const authority = approvingAuthority(project.regionCode);
  const withBudget = kind === ProjectApprovalKind.EXAMINATION && f.rng.chance(0.75);
  // The feasibility study (and with it the tendering scheme) comes first; the design budget is the latest decision.
  const projectDecidedOn = withBudget ? addDays(f.formedOn, -f.rng.int(30, 240)) : f.formedOn;
  const projectYearNo = yearOf(projectDecidedOn);
  const code = investmentCode(f, project, kind, projectYearNo);
  const highland = ['632600', '632700'].includes(prefectureOf(project.regionCode) ?? '');
  const method = f.rng.chance(highland ? 0.15 : 0.05) ? TenderingMethod.INVITED : TenderingMethod.OPEN;
  const organisation = f.rng.chance(0.15) ? TenderingOrganisation.SELF : TenderingOrganisation.ENTRUSTED;
  const budget = withBudget ? Math.round((project.investment * (0.92 + f.rng.next() * 0.08)) / 100) * 100 : null;
  const parts = project.investment >= 3e7 ? '勘察、设计、施工、监理以及与工程建设有关的重要设备、材料采购' : '施工、监理以及与工程建设有关的重要设备、材料采购';
  const scope =
    method === TenderingMethod.INVITED
      ? `本项目${parts}中达到${tenderingRules(projectDecidedOn)}规模标准的，均须招标。${
          highland ? '项目地处高海拔地区，受自然环境限制只有少量潜在投标人可供选择' : '项目技术复杂、有特殊要求，只有少量潜在投标人可供选择'
        }，依据《中华人民共和国招标投标法实施条例》第八条核准采用邀请招标。`
      : `本项目${parts}中达到${tenderingRules(projectDecidedOn)}规模标准的，全部公开招标，招标公告在青海省公共资源交易网发布。`;
  const title =
    kind === ProjectApprovalKind.FILING
      ? `${project.name}备案信息`
      : kind === ProjectApprovalKind.CONFIRMATION
        ? `关于核准${project.name}的批复`
        : `关于${project.name}招标范围、招标方式和招标组织形式的核准意见`;
  return {
    title,
    amount: budget === null ? null : yuan(budget),
    projectCode: code,
    details: {
      projectApproval: {
        kind,
        documentNo: kind === ProjectApprovalKind.FILING ? code : approvalDocNo(f, project.regionCode, projectYearNo, kind, project.sector),
        decidedOn: projectDecidedOn,
        authority: authority.name,
      },
      designBudgetApproval:
        budget === null
          ? null
          : {
              documentNo: `${authority.abbr}${levelOf(project.regionCode) === 'COUNTY' ? '' : '投资'}〔${f.year}〕${f.rng.int(1, 480)}号`,
              approvedOn: f.formedOn,
              approvedBudget: yuan(budget),
            },
      scopeMethodOrganization:
        kind === ProjectApprovalKind.FILING
          ? null
          : {
              scope,
              method,
              organisation,
            },
    },
    parties: [{ role: PartyRole.TENDERER, subject: tenderer }],
  };
};

/** What a builder's record says of it; fixed per enterprise, so every record about it agrees. */
function bidderProfile(subject: GeneratedSubject, formedOn: string) {
  const rng = new Rng(`bidder-profile:${subject.creditCode}`);
  const newlyRegistered = subject.creditCode.slice(8, 10) === 'MA';
  const established = newlyRegistered
    ? addDays('2015-10-01', rng.int(0, 800))
    : addDays(`${rng.int(1985, 2014)}-01-01`, rng.int(0, 364));
  const code = subject.regionCode ?? PROVINCE;
  const level = levelOf(code);
  const inXining = level === 'PROVINCE' || XINING_CITY.includes(code);
  const place =
    level === 'PROVINCE'
      ? `青海省西宁市${rng.pick(['城东区', '城中区', '城西区', '城北区'])}`
      : level === 'PREFECTURE'
        ? `${fullArea(code)}${SEATS[code] ?? ''}`
        : fullArea(code);
  const address = `${place}${rng.pick(inXining ? XINING_STREETS : TOWN_STREETS)}${rng.int(1, 260)}号${inXining && rng.chance(0.3) ? `${rng.int(2, 25)}楼` : ''}`;
  const main: keyof typeof BUILDER_FIT = /路桥|公路/.test(subject.name)
    ? '公路工程'
    : /水利水电/.test(subject.name)
      ? '水利水电工程'
      : /市政|园林绿化/.test(subject.name)
        ? '市政公用工程'
        : '建筑工程';
  const extras: Record<string, readonly string[]> = {
    建筑工程: ['市政公用工程施工总承包', '机电工程施工总承包', '地基基础工程专业承包', '钢结构工程专业承包', '建筑装修装饰工程专业承包'],
    市政公用工程: ['建筑工程施工总承包', '城市及道路照明工程专业承包', '环保工程专业承包', '公路工程施工总承包'],
    公路工程: ['公路路基工程专业承包', '公路路面工程专业承包', '桥梁工程专业承包', '公路交通工程专业承包', '市政公用工程施工总承包'],
    水利水电工程: ['河湖整治工程专业承包', '水工金属结构制作与安装工程专业承包', '市政公用工程施工总承包', '建筑工程施工总承包'],
  };
  const decorator = /建筑装饰/.test(subject.name);
  const mainName = decorator ? '建筑装修装饰工程专业承包' : `${main}施工总承包`;
  const mainGrade = decorator
    ? rng.pick(['一级', '二级'])
    : rng.weighted([['特级', 2], ['一级', 25], ['二级', 45], ['三级', 28]] as const);
  const certs: { name: string; grade: string }[] = [{ name: mainName, grade: mainGrade }];
  for (const extra of rng.sample(extras[main]!, rng.weighted([[0, 35], [1, 40], [2, 25]] as const))) {
    certs.push({ name: extra, grade: extra.includes('专业承包') ? rng.pick(['一级', '二级']) : rng.pick(['二级', '三级']) });
  }
  // One certificate per issuing authority: 住房城乡建设部 (特级、一级), the province (二级), the city (三级).
  const numbers = new Map<string, string>();
  const cycleStart = rng.int(2013, 2017);
  const anniversary = addDays(`${cycleStart}-01-01`, rng.int(0, 364));
  let validUntil = anniversary;
  while (validUntil <= formedOn) validUntil = `${Number(validUntil.slice(0, 4)) + 5}${validUntil.slice(4)}`;
  if (validUntil.endsWith('02-29')) validUntil = `${validUntil.slice(0, 5)}02-28`;
  const qualifications = certs.map((c) => {
    const issuer = c.grade === '特级' || c.grade === '一级' ? '1' : c.grade === '二级' ? '2' : '3';
    if (!numbers.has(issuer)) numbers.set(issuer, `D${issuer}63${rng.digits(6)}`);
    return { name: c.name, grade: c.grade, certificateNo: numbers.get(issuer)!, validUntil };
  });
  const capitalTop = mainGrade === '特级' ? 1e9 : mainGrade === '一级' ? 3e8 : mainGrade === '二级' ? 1e8 : 3e7;
  return {
    basics: {
      registeredCapital: yuan(Math.round(rng.logUniform(capitalTop / 20, capitalTop) / 1e6) * 1e6),
      establishedOn: established,
      registeredAddress: address,
      qualifications,
    },
    creditLevel: subject.creditLevel ?? rng.weighted([['A', 5], ['AA', 3], ['B', 2]] as const),
    performanceCapacity: subject.performanceCapacity ?? rng.pick(['良好', '较好', '一般']),
    personnelReputation: subject.personnelReputation ?? rng.pick(['良好', '无不良记录', '较好']),
  };
}

/** 市场主体信用信息: a builder's basics and the credit standing the regulator states. */
const marketCredit: CategoryGenerator = (f) => {
  const bidder = f.subjects.draw(f.rng, 'builder');
  const profile = bidderProfile(bidder, f.formedOn);
  return {
    title: `${bidder.name}市场主体信用信息`,
    amount: null,
    projectCode: null,
    details: {
      bidderBasics: { legalRepresentative: bidder.legalRepresentative, ...profile.basics },
      creditLevel: profile.creditLevel,
      performanceCapacity: profile.performanceCapacity,
      personnelReputation: profile.personnelReputation,
    },
    parties: [{ role: PartyRole.BIDDER, subject: bidder }],
  };
};

/** 招标公告: documents from the notice day for at least 5 days, bids due at least 20 days on (招标投标法 第二十四条). */
const tenderNotice: CategoryGenerator = (f) => {
  const { subject: tenderer, project } = tendererAndProject(f);
  const works = chooseWorks(f, project, false);
  const agency = f.subjects.draw(f.rng, 'agency');
  const access = documentIssue(f, f.formedOn, project.regionCode, '招标文件');
  const deadline = workday(addDays(f.formedOn, f.rng.int(20, 28)));
  return {
    title: `${project.name}${works.label}招标公告`,
    amount: yuan(works.ceiling),
    projectCode: tenderCode(f, project, works),
    details: {
      overview: overviewText(project, works),
      conditions: conditionsText(f, project, tenderer, works, '公开招标'),
      scope: scopeText(project, works),
      documentAccess: access,
      submission: submission(f, deadline, project.regionCode),
    },
    parties: [
      { role: PartyRole.TENDERER, subject: tenderer },
      { role: PartyRole.AGENCY, subject: agency },
    ],
  };
};

/** 资格预审公告: documents on sale at least 5 days, applications due at least 5 days after (实施条例 第十六、十七条). */
const prequalificationNotice: CategoryGenerator = (f) => {
  const { subject: tenderer, project } = tendererAndProject(f);
  const works = chooseWorks(f, project, false);
  const agency = f.subjects.draw(f.rng, 'agency');
  const sale = documentIssue(f, f.formedOn, project.regionCode, '资格预审文件');
  const deadline = workday(addDays(sale.until.slice(0, 10), f.rng.int(5, 10)));
  const method = f.rng.chance(0.6) ? PrequalificationMethod.LIMITED_NUMBER : PrequalificationMethod.PASS_FAIL;
  const criteria =
    `初步审查标准：申请人名称与营业执照、资质证书、安全生产许可证一致，申请函有法定代表人或其委托代理人签字并加盖单位章，申请文件格式符合要求；` +
    `详细审查标准：营业执照、资质证书及安全生产许可证有效，${qualification(project, works)}` +
    (method === PrequalificationMethod.LIMITED_NUMBER
      ? `资格预审采用有限数量制，通过详细审查的申请人超过${f.rng.pick([7, 9, 11, 13])}名的，按评分标准（财务状况、类似项目业绩、信誉、拟派${works.kind === 'supervision' ? '总监理工程师' : '项目负责人'}资格）由高到低确定通过资格预审的申请人。`
      : `资格预审采用合格制，凡符合初步审查标准和详细审查标准的申请人均通过资格预审。`);
  return {
    title: `${project.name}${works.label}资格预审公告`,
    amount: yuan(works.ceiling),
    projectCode: tenderCode(f, project, works),
    details: {
      overview: overviewText(project, works),
      conditions: conditionsText(f, project, tenderer, works, '公开招标，对投标申请人实行资格预审'),
      scope: scopeText(project, works),
      documentSale: sale,
      applicationSubmission: submission(f, deadline, project.regionCode),
      criteria,
      method,
    },
    parties: [
      { role: PartyRole.TENDERER, subject: tenderer },
      { role: PartyRole.AGENCY, subject: agency },
    ],
  };
};

function builderFit(project: Project): RegExp {
  return project.sector === 'forestry' ? /园林绿化|建设工程|市政/ : BUILDER_FIT[SPECIALITY[project.sector]]!;
}

/** Bids just under the ceiling: most between 88% and 99% of it. */
function bidPrice(f: RecordFrame, ceiling: number): number {
  return Math.round(ceiling * (0.86 + f.rng.next() * 0.135) * 100) / 100;
}

/**
 * 中标候选人公示 (实施条例 第五十四条): the tenderer publishes the candidates
 * within 3 days of receiving the evaluation report, for at least 3 days. The
 * information is formed when the report is received, so that is formedOn (the
 * 3-day clock runs from it); the publicity period starts on publication.
 */
const candidates: CategoryGenerator = (f) => {
  const { subject: tenderer, project } = tendererAndProject(f);
  const works = chooseWorks(f, project, true);
  const k = f.rng.weighted([[3, 88], [2, 12]] as const);
  const builders = drawBuilders(f, k, builderFit(project));
  let prices = builders.map(() => bidPrice(f, works.ceiling));
  // 经评审的最低投标价法 ranks by price; under 综合评估法 the cheapest need not come first.
  if (f.rng.chance(0.55)) prices = [...prices].sort((a, b) => a - b);
  const object = `${project.name}${works.label}`;
  const list = builders.map((b, i) => ({
    rank: i + 1,
    creditCode: b.creditCode,
    object,
    bidPrice: yuan(prices[i]!),
    projectManager: personName(f.rng),
  }));
  const received = f.formedOn;
  const publicityDays = f.rng.int(3, 4);
  const agency = f.rng.chance(0.85) ? f.subjects.draw(f.rng, 'agency') : null;
  const objectionChannel =
    `投标人或者其他利害关系人对评标结果有异议的，应当在中标候选人公示期间以书面形式向招标人${agency ? '或招标代理机构' : ''}提出，异议书须由法定代表人或其授权代理人签字并加盖单位公章，并附有关证明材料。` +
    `招标人：${tenderer.name}，联系人：${personName(f.rng)}，电话：${phone(f.rng, project.regionCode)}。` +
    (agency ? `招标代理机构：${agency.name}，联系人：${personName(f.rng)}，电话：${phone(f.rng, agency.regionCode ?? PROVINCE)}。` : '');
  const parties: GeneratedParty[] = [
    { role: PartyRole.TENDERER, subject: tenderer },
    ...builders.map((b, i) => ({ role: PartyRole.CANDIDATE, subject: b, rank: i + 1 })),
  ];
  const details: Record<string, unknown> = { candidates: list, objectionChannel, evaluationReportReceivedOn: received };
  return {
    title: `${object}中标候选人公示`,
    amount: list[0]!.bidPrice,
    projectCode: tenderCode(f, project, works),
    details,
    parties,
    onTiming(publishedOn) {
      // Not yet published: the period planned to start on the last day allowed.
      const from = publishedOn ?? addDays(received, 3);
      details.publicityFrom = from;
      details.publicityUntil = workday(addDays(from, publicityDays));
    },
  };
};

/** 中标结果公告: the winner and its price; complaints within 10 days (实施条例 第六十条). */
const result: CategoryGenerator = (f) => {
  const { subject: tenderer, project } = tendererAndProject(f);
  const works = chooseWorks(f, project, true);
  const [winner] = drawBuilders(f, 1, builderFit(project));
  const winningBid = yuan(bidPrice(f, works.ceiling));
  const authority = supervisor(f, project);
  return {
    title: `${project.name}${works.label}中标结果公告`,
    amount: winningBid,
    projectCode: tenderCode(f, project, works),
    details: {
      winningBid,
      complaintChannel: `${authority}（本项目行政监督部门），电话：${phone(f.rng, project.regionCode)}`,
      complaintMethod:
        '书面投诉：投标人或者其他利害关系人认为招标投标活动不符合法律、行政法规规定的，可以自知道或者应当知道之日起10日内向行政监督部门投诉，投诉书应当有明确的请求和必要的证明材料；对评标结果的投诉，应当先向招标人提出异议。',
    },
    parties: [
      { role: PartyRole.WINNER, subject: winner! },
      { role: PartyRole.TENDERER, subject: tenderer },
    ],
  };
};

const PHASES: Record<string, readonly string[]> = {
  building: ['基础工程施工', '主体结构施工', '二次结构及安装工程施工', '装饰装修及室外附属工程施工'],
  road: ['路基土石方及防护工程施工', '桥涵工程施工', '路面基层施工', '沥青面层及交通安全设施施工'],
  water: ['施工导流及基础开挖', '堤防填筑及护岸砌筑', '渠系及穿堤建筑物施工', '附属工程及场地清理'],
  other: ['施工准备及土方工程', '主体工程施工', '配套设施安装', '收尾工程及竣工资料整理'],
};

/**
 * 合同订立及履行: the contract as signed (formedOn), or the works under way
 * or completed as of formedOn; nothing dated after it.
 */
const contractPerformance: CategoryGenerator = (f) => {
  const stage = f.rng.weighted([['signed', 30], ['building', 45], ['done', 25]] as const);
  const { subject: tenderer, project } = tendererAndProject(f);
  const works = chooseWorks(f, project, true);
  const [contractor] = drawBuilders(f, 1, builderFit(project));
  const price = yuan(bidPrice(f, works.ceiling));
  let signedOn = f.formedOn;
  let startedOn: string | null = null;
  let completedOn: string | null = null;
  let acceptanceGrade: ConstructionAcceptanceGrade | null = null;
  let percent = 0;
  let note: string;
  const phases = PHASES[['education', 'health', 'public', 'housing', 'realEstate'].includes(project.sector) ? 'building' : project.sector === 'road' ? 'road' : project.sector === 'water' ? 'water' : 'other']!;
  if (stage === 'signed') {
    note = '合同已签订，施工单位正在办理施工许可及进场准备，尚未开工';
  } else if (stage === 'building') {
    startedOn = outOfWinter(f.rng, addDays(f.formedOn, -f.rng.int(20, Math.max(30, Math.round(works.days * 1.1)))));
    const elapsed = daysBetween(startedOn, f.formedOn);
    signedOn = addDays(startedOn, -f.rng.int(5, 40));
    percent = Math.min(97, Math.max(2, Math.round((elapsed / works.days) * 100 * (0.7 + f.rng.next() * 0.35))));
    const month = Number(f.formedOn.slice(5, 7));
    const winter = month === 12 || month <= 2 || (month === 3 && Number(f.formedOn.slice(8, 10)) < 15);
    const phase = phases[Math.min(3, Math.floor(percent / 25))]!;
    const winterYear = month === 12 ? f.year : f.year - 1;
    const late = elapsed > works.days ? '，工期滞后，已督促承包人增加施工力量' : '';
    note = winter
      ? `冬季停工（${winterYear}年11月15日至${winterYear + 1}年3月15日），停工前已完成形象进度${percent}%，处于${phase}阶段${late}`
      : `正在进行${phase}，已完成形象进度${percent}%${late}`;
  } else {
    completedOn = addDays(f.formedOn, -f.rng.int(0, 60));
    startedOn = outOfWinter(f.rng, addDays(completedOn, -Math.round(works.days * (0.9 + f.rng.next() * 0.5))));
    signedOn = addDays(startedOn, -f.rng.int(5, 40));
    percent = 100;
    const accepted = f.rng.chance(0.85);
    acceptanceGrade = accepted ? (f.rng.chance(0.98) ? ConstructionAcceptanceGrade.PASSED : ConstructionAcceptanceGrade.FAILED) : null;
    note = !accepted
      ? '工程已完工，竣工验收正在组织中'
      : acceptanceGrade === ConstructionAcceptanceGrade.PASSED
        ? '工程已竣工并通过竣工验收，进入缺陷责任期'
        : '竣工验收不合格，承包人正在整改';
  }
  // The project carries the year it was let, not this report's.
  project.name = project.name.replace(/20\d\d年/, `${projectYear(f, signedOn)}年`);
  const contractForm = works.kind === 'epc' ? '总价合同' : f.rng.pick(['单价合同', '单价合同', '总价合同']);
  const mainTerms =
    `合同名称：${project.name}${works.label}合同；工程内容：${project.content}；签约合同价：${price}元（${contractForm}）；` +
    `计划工期：${works.days}日历天；质量标准：合格；` +
    `付款方式：按月支付进度款，支付比例为已完成工程价款的${f.rng.pick([70, 75, 80, 85])}%，竣工结算后支付至结算价款的97%；质量保证金：结算价款的3%，缺陷责任期${f.rng.pick([12, 24])}个月。`;
  return {
    title: `${project.name}${works.label}合同订立及履行情况`,
    amount: price,
    projectCode: tenderCode(f, project, works),
    details: {
      mainTerms,
      contractPrice: price,
      signedOn,
      startedOn,
      progress: { percent, asOf: f.formedOn, note },
      completedOn,
      acceptanceGrade,
    },
    parties: [
      { role: PartyRole.TENDERER, subject: tenderer },
      { role: PartyRole.CONTRACTOR, subject: contractor! },
    ],
  };
};

export const biddingGenerators: Record<string, CategoryGenerator> = {
  APPROVAL: approval,
  MARKET_CREDIT: marketCredit,
  TENDER_NOTICE: tenderNotice,
  PREQUALIFICATION_NOTICE: prequalificationNotice,
  CANDIDATES: candidates,
  RESULT: result,
  CONTRACT_PERFORMANCE: contractPerformance,
};
