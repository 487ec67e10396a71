import { addDays, toDayNumber, weekday } from '../../../kernel/time/calendar-dates.js';
import { AreaUnit } from '../../../kernel/values/area.js';
import { PartyRole } from '../../hub/enums.js';
import {
  HousingCountUnit,
  HousingProjectType,
  HousingTaskMeasure,
  RuralHouseholdCategory,
  RuralRenovationMethod,
} from './housing-enums.js';
import type { Rng } from '../../../generator/rng.js';
import type { GeneratedSubject } from '../../../generator/subjects.js';
import type { CategoryGenerator, GeneratedParty, RecordFrame } from '../../../generator/category-generator.js';

/* ------------------------------------------------------------------ places */

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

const ROADS = ['昆仑路', '柴达木路', '黄河路', '长江路', '五四大街', '八一路', '南山路', '北山路', '滨河路', '建设路', '团结路', '民主路', '胜利路', '和平路', '新华路', '湟水路', '祁连路', '文化路', '迎宾路', '康宁路', '朝阳路', '南川路', '北川路', '同安路', '光明路', '丰收路'];
const AREAS = ['城南新区', '城东片区', '河滨片区', '北川片区', '南川片区', '老城区', '火车站片区', '工业园区', '东关片区', '西关片区', '新城区', '南山片区', '北山片区', '滨河片区', '团结片区', '幸福片区', '和平片区', '朝阳片区', '康川片区', '东郊片区'];
const ESTATE_WORDS = ['幸福', '团结', '建设', '光明', '和平', '向阳', '安康', '园林', '东风', '胜利', '民和', '昆仑', '雪莲', '金山'];

function location(f: RecordFrame, label: string): string {
  const [a, b] = f.rng.sample(ROADS, 2);
  return f.rng.chance(0.5)
    ? `${label}${a}与${b}交汇处${f.rng.pick(['东北侧', '东南侧', '西北侧', '西南侧'])}`
    : `${label}${a}以${f.rng.pick(['北', '南'])}、${b}以${f.rng.pick(['东', '西'])}`;
}

/** For a provincial record, a prefecture to place a project in; otherwise the record's own region. */
function projectLabel(f: RecordFrame, label: string): string {
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

/* --------------------------------------------------------- project types */

const TYPE_ZH: Record<HousingProjectType, string> = {
  PUBLIC_RENTAL: '公共租赁住房',
  LOW_RENT: '廉租住房',
  ECONOMICAL: '经济适用住房',
  PRICE_CAPPED: '限价商品住房',
  SHARED_OWNERSHIP: '共有产权住房',
  SHANTYTOWN_RENOVATION: '棚户区改造',
  OLD_COMMUNITY_RENOVATION: '城镇老旧小区改造',
  AFFORDABLE_RENTAL: '保障性租赁住房',
};

/** Average floor area per dwelling (平方米) by type: rentals are small, resettlement flats larger. */
const UNIT_AREA: Record<HousingProjectType, readonly [number, number]> = {
  PUBLIC_RENTAL: [38, 60],
  LOW_RENT: [35, 50],
  ECONOMICAL: [60, 90],
  PRICE_CAPPED: [80, 110],
  SHARED_OWNERSHIP: [75, 100],
  SHANTYTOWN_RENOVATION: [75, 110],
  OLD_COMMUNITY_RENOVATION: [55, 85],
  AFFORDABLE_RENTAL: [30, 70],
};

/**
 * What a year's programme builds: 棚改 peaked up to 2020, 老旧小区改造 began in
 * 2019, 保障性租赁住房 in 2021; 廉租 and 经适 linger only in older records.
 */
function typeWeights(year: number, includeOld: boolean): (readonly [HousingProjectType, number])[] {
  const w: (readonly [HousingProjectType, number])[] = [
    [HousingProjectType.SHANTYTOWN_RENOVATION, year <= 2020 ? 40 : year <= 2022 ? 22 : 15],
    [HousingProjectType.PUBLIC_RENTAL, year <= 2020 ? 25 : 10],
    [HousingProjectType.SHARED_OWNERSHIP, 3],
    [HousingProjectType.PRICE_CAPPED, 2],
  ];
  if (includeOld && year >= 2019) w.push([HousingProjectType.OLD_COMMUNITY_RENOVATION, year === 2019 ? 10 : 30]);
  if (year >= 2021) w.push([HousingProjectType.AFFORDABLE_RENTAL, 24]);
  if (year <= 2020) w.push([HousingProjectType.ECONOMICAL, 2]);
  if (year <= 2019) w.push([HousingProjectType.LOW_RENT, 2]);
  return w;
}

function pickType(f: RecordFrame, year: number, includeOld = true): HousingProjectType {
  return f.rng.weighted(typeWeights(year, includeOld));
}

interface Project {
  name: string;
  projectType: HousingProjectType;
  location: string;
  units: number;
  /** 平方米 per dwelling, for floor areas and investments. */
  unitArea: number;
  floorArea: number;
  estates: number;
  investment: number;
}

function projectName(f: RecordFrame, label: string, type: HousingProjectType, year: number, estates: number): string {
  const area = f.rng.pick(AREAS);
  switch (type) {
    case HousingProjectType.SHANTYTOWN_RENOVATION:
      return f.rng.chance(0.5)
        ? `${label}${year}年${area}棚户区改造项目`
        : `${label}${area}棚户区改造安置住房项目`;
    case HousingProjectType.OLD_COMMUNITY_RENOVATION:
      return `${label}${year}年城镇老旧小区改造项目（${f.rng.pick(ESTATE_WORDS)}小区${estates > 1 ? `等${estates}个小区` : ''}）`;
    case HousingProjectType.PUBLIC_RENTAL:
      return f.rng.chance(0.5) ? `${label}${year}年公共租赁住房建设项目` : `${label}${area}公共租赁住房项目`;
    default:
      return `${label}${area}${TYPE_ZH[type]}项目`;
  }
}

/** Whether a label names a city or a city district (西宁市城北区, 格尔木市) rather than a pastoral county. */
function urban(label: string): boolean {
  return /(市|区)$/.test(label) || label.startsWith('西宁') || label.startsWith('海东');
}

/**
 * Dwellings per project: tens to hundreds in a pastoral county, hundreds to a
 * couple of thousand in Xining and the cities; old-community projects count households.
 */
function projectUnits(rng: Rng, type: HousingProjectType, label: string): number {
  const big = urban(label) || label.endsWith('州');
  if (type === HousingProjectType.OLD_COMMUNITY_RENOVATION) return Math.round(rng.logUniform(big ? 200 : 60, big ? 3000 : 800));
  return Math.round(rng.logUniform(big ? 120 : 48, big ? 2400 : 600));
}

/** Yuan per 平方米: new building on the plateau, or renovation of existing floor area. */
function costPerSquareMetre(rng: Rng, type: HousingProjectType): number {
  return type === HousingProjectType.OLD_COMMUNITY_RENOVATION ? rng.int(300, 900) : rng.int(2800, 4600);
}

function makeProject(f: RecordFrame, label: string, type: HousingProjectType, year: number, units?: number, estateCount?: number): Project {
  const n = units ?? projectUnits(f.rng, type, label);
  const [lo, hi] = UNIT_AREA[type];
  const unitArea = lo + f.rng.next() * (hi - lo);
  const estates =
    type === HousingProjectType.OLD_COMMUNITY_RENOVATION ? (estateCount ?? Math.max(1, Math.round(n / f.rng.int(80, 300)))) : 0;
  // Common parts (stairs, corridors) add about 15% to the dwellings' own areas.
  const floorArea = n * unitArea * (type === HousingProjectType.OLD_COMMUNITY_RENOVATION ? 1 : 1.15);
  const investment = Math.round((floorArea * costPerSquareMetre(f.rng, type)) / 10_000) * 10_000;
  return {
    name: projectName(f, label, type, year, estates),
    projectType: type,
    location: location(f, label),
    units: n,
    unitArea,
    floorArea,
    estates,
    investment,
  };
}

/* --------------------------------------------------------------- helpers */

function sqm(value: number): { value: string; unit: AreaUnit } {
  return { value: value.toFixed(2), unit: AreaUnit.SQUARE_METRE };
}

function wan(value: number, digits = 2): string {
  return (value / 10_000).toFixed(digits).replace(/\.?0+$/, '');
}

function yuan(value: number): string {
  return `${Math.round(value)}.00`;
}

/** Last day of the month before `date`. */
function endOfPreviousMonth(date: string): string {
  return addDays(`${date.slice(0, 8)}01`, -1);
}

function monthOf(date: string): number {
  return Number(date.slice(5, 7));
}

/** A date uniformly between two dates (both included). */
function dateBetween(rng: Rng, from: string, until: string): string {
  return addDays(from, rng.int(0, Math.max(0, toDayNumber(until) - toDayNumber(from))));
}

const PHASES = ['一期', '二期', '三期', '四期', '五期', '六期'];

/** A project's name, with 二期, 三期 … where an earlier project of the list has the same name. */
function distinctName(projects: readonly { name: string }[], i: number): string {
  const name = projects[i]!.name;
  const same = projects.slice(0, i).filter((p) => p.name === name).length;
  if (same === 0) return name;
  return name.endsWith('项目') ? `${name.slice(0, -2)}（${PHASES[same] ?? `第${same + 1}期`}）项目` : `${name}（${PHASES[same] ?? `第${same + 1}期`}）`;
}

/** Splits `total` into `parts` positive whole shares. */
function split(rng: Rng, total: number, parts: number): number[] {
  const n = Math.max(1, Math.min(parts, total));
  const weights = Array.from({ length: n }, () => 0.5 + rng.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.max(1, Math.floor((w / sum) * total)));
  shares[0]! += total - shares.reduce((a, b) => a + b, 0);
  return shares;
}

/** 投资项目统一代码 (投资项目在线审批监管平台): 2023-630105-47-01-012345. */
function investmentProjectCode(f: RecordFrame, year: number): string {
  return `${year}-${f.region.code}-${f.rng.pick(['47', '70'])}-01-${f.rng.digits(6)}`;
}

/** Builders of a plan's projects, named as 建设单位. */
function developers(f: RecordFrame, k: number): GeneratedParty[] {
  return f.subjects.drawDistinct(f.rng, 'developer', k).map((subject: GeneratedSubject) => ({ role: PartyRole.DEVELOPER, subject }));
}

/** The year a progress report covers: in the first quarter, reports sum up the year before. */
function reportYear(f: RecordFrame): { year: number; asOf: string; fullYear: boolean } {
  if (monthOf(f.formedOn) <= 3) {
    const year = f.year - 1;
    return { year, asOf: `${year}-12-31`, fullYear: true };
  }
  return { year: f.year, asOf: endOfPreviousMonth(f.formedOn), fullYear: false };
}

/* ---------------------------------------------------------------- SCHEME */

const scheme: CategoryGenerator = (f) => {
  const label = regionLabel(f);
  const where = projectLabel(f, label);
  const type = pickType(f, f.year);
  const p = makeProject(f, where, type, f.year);
  const old = type === HousingProjectType.OLD_COMMUNITY_RENOVATION;
  // Denser in Xining and the cities; low-rise in the pastoral counties.
  const plotRatio = old ? null : Math.round((urban(where) ? 1.8 + f.rng.next() * 1.4 : 1.0 + f.rng.next() * 1.0) * 100) / 100;
  const density = Math.round((20 + f.rng.next() * 14) * 10) / 10;
  // Height limit: the standard step above what the plot ratio and density need at 3 m a storey.
  const storeys = plotRatio ? Math.ceil(plotRatio / (density / 100)) : 0;
  const height = [18, 24, 36, 54, 80, 100].find((h) => h >= storeys * 3 + 3) ?? 100;
  const aboveGround = p.floorArea;
  const underground = old ? 0 : aboveGround * (0.12 + f.rng.next() * 0.15);
  const siteArea = old ? p.floorArea / (1.2 + f.rng.next()) : aboveGround / plotRatio!;
  const buildings = Math.max(1, Math.ceil(p.units / (storeys * f.rng.int(4, 8) || 100)));
  const [lo, hi] = UNIT_AREA[type];
  const inv = wan(p.investment);
  let content: string;
  if (old) {
    content =
      `对${p.name.replace(/^.*（|）$/g, '')}实施改造，涉及楼栋${buildings}栋、住户${p.units}户、建筑面积${wan(p.floorArea)}万平方米。` +
      '基础类改造包括供水、排水、供热、燃气、供电等老旧管网更新及屋面防水、外墙保温；完善类改造包括加装电梯、增设停车位和充电设施、无障碍设施改造；' +
      `提升类改造包括社区综合服务设施和养老、托育设施建设。项目总投资${inv}万元。`;
  } else {
    const removal =
      type === HousingProjectType.SHANTYTOWN_RENOVATION
        ? `征收拆除棚户区房屋${Math.round(p.units * (0.8 + f.rng.next() * 0.3))}户，`
        : '';
    content =
      `${removal}新建${type === HousingProjectType.SHANTYTOWN_RENOVATION ? '安置住房' : TYPE_ZH[type]}${buildings}栋${p.units}套，` +
      `总建筑面积${wan(aboveGround + underground)}万平方米（其中地上${Math.round(aboveGround)}平方米、地下${Math.round(underground)}平方米），` +
      `套型建筑面积${lo}—${hi}平方米；配套建设地下车库、物业管理用房、社区服务用房及室外道路、绿化、给排水、供热、供电等附属工程。项目总投资${inv}万元。`;
  }
  const landNature = old
    ? '现状居住用地'
    : f.rng.weighted([
        [type === HousingProjectType.PRICE_CAPPED || type === HousingProjectType.SHARED_OWNERSHIP ? '城镇住宅用地（出让）' : '二类居住用地（划拨）', 5],
        ['二类居住用地（R2）', 3],
        ['城镇住宅用地（划拨）', 2],
      ] as const);
  const mu = f.region.level === 'COUNTY' && !f.region.name.endsWith('区') && f.rng.chance(0.3);
  return {
    title: f.rng.chance(0.6) ? `${p.name}规划建设方案公示` : `关于${p.name}规划设计方案的批前公示`,
    amount: yuan(p.investment),
    projectCode: investmentProjectCode(f, f.rng.chance(0.7) ? f.year : f.year - 1),
    details: {
      projectName: p.name,
      projectType: type,
      location: p.location,
      landNature,
      siteArea: mu ? { value: (siteArea / 666.6667).toFixed(2), unit: AreaUnit.MU } : sqm(siteArea),
      constructionContent: content,
      planningIndicators: {
        plotRatio,
        buildingDensityPercent: old ? null : density,
        greenRatioPercent: old ? (f.rng.chance(0.5) ? Math.round((20 + f.rng.next() * 10) * 10) / 10 : null) : Math.round((30 + f.rng.next() * 10) * 10) / 10,
        heightLimitMetres: old ? null : height,
        totalFloorArea: sqm(aboveGround + underground),
      },
    },
    parties: developers(f, 1),
  };
};

/* ----------------------------------------------------------- ANNUAL_PLAN */

const LAYOUTS: readonly (readonly [string, number, number])[] = [
  ['一室一厅', 35, 50],
  ['两室一厅', 55, 75],
  ['两室两厅', 75, 95],
  ['三室一厅', 90, 110],
  ['三室两厅', 100, 125],
];

/** Scale of a plan by level: the province's plan is the sum of its eight 市州. */
function levelFactor(f: RecordFrame): number {
  if (f.region.level === 'PROVINCE') return 10;
  if (f.region.level === 'PREFECTURE') return f.region.code === '630100' ? 4 : 3;
  return urban(regionLabel(f)) ? 1 : 0.35;
}

function round10(n: number, big: boolean): number {
  return big ? Math.max(10, Math.round(n / 10) * 10) : Math.max(1, Math.round(n));
}

const annualPlan: CategoryGenerator = (f) => {
  const label = regionLabel(f);
  // Plans are issued early in the year; those formed in December are next year's.
  const year = monthOf(f.formedOn) === 12 ? f.year + 1 : f.year;
  const big = f.region.level === 'PROVINCE';
  const factor = levelFactor(f);
  const types = [...new Set(Array.from({ length: f.rng.int(1, 3) }, () => pickType(f, year, false)))];
  const tasks: { projectType: HousingProjectType; measure: HousingTaskMeasure; quantity: number; unit: HousingCountUnit }[] = [];
  const projects: Project[] = [];
  let taskQuantity = 0;
  for (const type of types) {
    const quantity = round10(f.rng.logUniform(80, 1500) * factor, big);
    taskQuantity += quantity;
    tasks.push({ projectType: type, measure: HousingTaskMeasure.NEW_START, quantity, unit: HousingCountUnit.DWELLING });
    if (f.rng.chance(0.6)) {
      tasks.push({ projectType: type, measure: HousingTaskMeasure.BASIC_COMPLETION, quantity: round10(quantity * (0.6 + f.rng.next() * 0.6), big), unit: HousingCountUnit.DWELLING });
    }
    // No project under about 40 dwellings: a small target is one project.
    const shares = split(f.rng, quantity, Math.min(big ? f.rng.int(3, 6) : f.rng.int(1, 3), Math.floor(quantity / 40) + 1));
    for (const units of shares) projects.push(makeProject(f, projectLabel(f, label), type, year, units));
  }
  if (year >= 2019 && f.rng.chance(year === 2019 ? 0.4 : 0.8)) {
    const households = round10(f.rng.logUniform(300, 4000) * factor, big);
    const estates = Math.max(1, Math.round(households / f.rng.int(80, 250)));
    tasks.push({ projectType: HousingProjectType.OLD_COMMUNITY_RENOVATION, measure: HousingTaskMeasure.NEW_START, quantity: estates, unit: HousingCountUnit.ESTATE });
    tasks.push({ projectType: HousingProjectType.OLD_COMMUNITY_RENOVATION, measure: HousingTaskMeasure.NEW_START, quantity: households, unit: HousingCountUnit.HOUSEHOLD });
    projects.push(makeProject(f, projectLabel(f, label), HousingProjectType.OLD_COMMUNITY_RENOVATION, year, households, estates));
  }
  if (year <= 2022 && f.rng.chance(0.6)) {
    tasks.push({ projectType: HousingProjectType.PUBLIC_RENTAL, measure: HousingTaskMeasure.RENTAL_SUBSIDY, quantity: round10(f.rng.logUniform(100, 2500) * factor, big), unit: HousingCountUnit.HOUSEHOLD });
  }
  if (f.rng.chance(0.35)) {
    tasks.push({ projectType: HousingProjectType.PUBLIC_RENTAL, measure: HousingTaskMeasure.ALLOCATION, quantity: round10(f.rng.logUniform(100, 1500) * factor, big), unit: HousingCountUnit.DWELLING });
  }
  // Unit types cover the new dwellings: small flats for rentals, larger ones for resettlement.
  const rentalOnly = types.every((t) => t === HousingProjectType.PUBLIC_RENTAL || t === HousingProjectType.AFFORDABLE_RENTAL || t === HousingProjectType.LOW_RENT);
  const first = rentalOnly ? 0 : f.rng.int(1, 2);
  const layouts = LAYOUTS.slice(first, first + f.rng.int(2, 3));
  const unitTypes = split(f.rng, taskQuantity, layouts.length).map((units, i) => {
    const [layout, lo, hi] = layouts[i]!;
    return { layout, floorArea: sqm(lo + Math.round(f.rng.next() * (hi - lo) * 100) / 100), units };
  });
  const total = projects.reduce((s, p) => s + p.investment, 0);
  const scope = label === '青海省' ? '全省' : label;
  const title = f.rng.weighted([
    [`${label}${year}年城镇保障性安居工程年度建设计划`, 4],
    [`关于下达${scope}${year}年城镇保障性安居工程建设计划任务的通知`, 3],
    [`${label}${year}年保障性安居工程建设计划公示`, 3],
  ] as const);
  return {
    title,
    amount: yuan(total),
    details: {
      year,
      taskQuantity,
      taskBreakdown: tasks,
      plannedProjects: projects.map((p, i) => ({
        name: distinctName(projects, i),
        projectType: p.projectType,
        location: p.location,
        units: p.units,
        floorArea: sqm(p.floorArea),
        plannedInvestment: yuan(p.investment),
      })),
      plannedUnitTypes: unitTypes,
    },
    parties: big ? [] : developers(f, Math.min(projects.length, f.rng.int(1, 3))),
  };
};

/* --------------------------------------------------------- PLAN_PROGRESS */

const planProgress: CategoryGenerator = (f) => {
  const label = regionLabel(f);
  const { year, asOf, fullYear } = reportYear(f);
  const month = monthOf(asOf);
  // Building on the plateau runs April to October: most starts come by mid-year.
  const expected = fullYear ? 100 : Math.min(100, (Math.max(0, month - 3) / 6) * 100);
  const percent = Math.round(Math.max(5, Math.min(fullYear ? 108 : 100, expected * (0.75 + f.rng.next() * 0.35))) * 10) / 10;
  const small = f.region.level === 'COUNTY' && !urban(label);
  const startedCount = Math.max(1, Math.round((small ? f.rng.int(1, 3) : f.rng.int(2, 6)) * Math.min(1, percent / 50)));
  const startedPlans = Array.from({ length: startedCount }, () => makeProject(f, projectLabel(f, label), pickType(f, year), year));
  const started = startedPlans.map((p, i) => ({
    name: distinctName(startedPlans, i),
    projectType: p.projectType,
    location: p.location,
    units: p.units,
    floorArea: f.rng.chance(0.8) ? sqm(p.floorArea) : null,
    startedOn: dateBetween(f.rng, `${year}-03-15`, asOf),
  }));
  // Completions come in the building season, from May.
  const completedCount = asOf < `${year}-05-01` ? 0 : f.rng.int(0, small ? 2 : 4);
  const completed = Array.from({ length: completedCount }, () => {
    // Completed projects were started in earlier years' plans.
    const planYear = year - f.rng.int(1, 2);
    const p = makeProject(f, projectLabel(f, label), pickType(f, planYear), planYear);
    return {
      name: p.name,
      projectType: p.projectType,
      location: p.location,
      units: p.units,
      floorArea: f.rng.chance(0.8) ? sqm(p.floorArea) : null,
      completedOn: dateBetween(f.rng, `${year}-05-01`, asOf),
    };
  });
  const isOld = (p: { projectType: HousingProjectType }) => p.projectType === HousingProjectType.OLD_COMMUNITY_RENOVATION;
  const startedUnits = startedPlans.filter((p) => !isOld(p)).reduce((s, p) => s + p.units, 0);
  const oldPlans = startedPlans.filter(isOld);
  const asOfZh = fullYear ? `${year}年底` : `${year}年${month}月底`;
  // The listed projects are the main ones: the year's target and the total started cover them and more.
  const subsetFactor = 1 + (f.region.level === 'PROVINCE' ? 0.5 + f.rng.next() * 2.5 : f.rng.next() * 0.5);
  const target = Math.max(1, Math.round(((startedUnits || f.rng.int(50, 300)) * subsetFactor) / (Math.min(percent, 100) / 100)));
  const startedTotal = Math.max(startedUnits, Math.round((target * percent) / 100));
  const note =
    `截至${asOfZh}，${label === '青海省' ? '全省' : label}城镇保障性安居工程新开工${startedTotal}套，占年度目标任务${target}套的${percent}%` +
    (oldPlans.length
      ? `；开工改造城镇老旧小区${oldPlans.reduce((s, p) => s + p.estates, 0)}个、${oldPlans.reduce((s, p) => s + p.units, 0)}户`
      : '') +
    (completed.some((p) => !isOld(p)) ? `；竣工${completed.filter((p) => !isOld(p)).reduce((s, p) => s + p.units, 0)}套` : '') +
    `；完成投资${wan(startedPlans.reduce((s, p) => s + p.investment, 0) * (0.3 + f.rng.next() * 0.5), 1)}万元。`;
  const roads = (f.rng.int(5, 80) / 10).toFixed(1);
  const facilities =
    `同步推进配套基础设施建设，新建改造小区道路${roads}公里、供排水管网${(f.rng.int(5, 120) / 10).toFixed(1)}公里、供热管网${(f.rng.int(3, 60) / 10).toFixed(1)}公里，` +
    `${f.rng.pick(['配套建设社区服务中心', '配套建设幼儿园和社区卫生服务站', '配套建设社区综合服务用房和停车场', '完成小区绿化及路灯安装'])}，` +
    `完成配套基础设施投资${wan(f.rng.int(200, 20_000) * 10_000)}万元。`;
  return {
    title: f.rng.chance(0.6)
      ? `${label}${year}年城镇保障性安居工程建设计划完成情况（截至${fullYear ? '12' : month}月底）`
      : `${label}${year}年保障性安居工程建设进度公示`,
    details: {
      year,
      progress: { percent, asOf, note },
      startedProjects: started,
      completedProjects: completed,
      supportingFacilities: facilities,
    },
    parties: f.region.level === 'PROVINCE' ? [] : developers(f, f.rng.int(1, Math.min(3, started.length || 1))),
  };
};

/* ------------------------------------------------------ RURAL_RENOVATION */

const PRIORITY: readonly RuralHouseholdCategory[] = [
  RuralHouseholdCategory.REGISTERED_POOR,
  RuralHouseholdCategory.SUBSISTENCE_ALLOWANCE,
  RuralHouseholdCategory.DISPERSED_EXTREME_POVERTY,
  RuralHouseholdCategory.POOR_DISABLED,
];

const ruralRenovation: CategoryGenerator = (f) => {
  const label = regionLabel(f);
  const { year, asOf, fullYear } = reportYear(f);
  const scope = label === '青海省' ? '全省' : label;
  const poverty = year <= 2020;
  const policy = poverty
    ? `按照国家关于加强和完善建档立卡贫困户等重点对象农村危房改造的部署和《青海省农牧民危旧房改造实施方案》，${scope}将农村危旧房改造作为脱贫攻坚“两不愁三保障”住房安全保障的重要内容，` +
      `优先解决4类重点对象基本住房安全问题，坚持农户自愿、政府补助、分类实施，严格执行面积标准和质量安全要求（青建村〔${year}〕${f.rng.int(10, 180)}号）。`
    : `按照国家关于做好农村低收入群体等重点对象住房安全保障工作的部署，${scope}建立农村低收入群体住房安全动态监测和保障长效机制，` +
      `对农村易返贫致贫户、低保户、分散供养特困人员和低保边缘家庭等重点对象的危房实施改造，同步推进农房抗震改造（青建村〔${year}〕${f.rng.int(10, 180)}号）。`;
  const subsidyScope = poverty
    ? `${scope}范围内经鉴定为C级、D级危房的建档立卡贫困户、低保户、农村分散供养特困人员和贫困残疾人家庭等4类重点对象，以及其他住房困难的一般农户。`
    : `${scope}范围内经鉴定为C级、D级危房的农村易返贫致贫户、低保户、分散供养特困人员、低保边缘家庭等低收入群体，以及因灾住房出现安全问题的其他脱贫户。`;
  const targetIdentification =
    '按照农户自愿申请、村民代表会议民主评议、乡（镇）人民政府审核、县级住房城乡建设部门会同民政、乡村振兴（扶贫）、残联等部门审批的程序确定改造对象，' +
    '并在村、乡（镇）两级公示不少于7天；房屋危险性由县级住房城乡建设部门组织鉴定，改造结束后组织竣工验收，一户一档录入农村危房改造信息系统。';
  const rebuild = f.rng.int(poverty ? 22 : 25, poverty ? 35 : 40) * 1000;
  const repair = f.rng.int(8, 15) * 1000;
  const uniform = f.rng.chance(0.3);
  const standard = PRIORITY.flatMap((householdCategory, i): { householdCategory: RuralHouseholdCategory; renovationMethod: RuralRenovationMethod | null; yuanPerHousehold: string }[] => {
    // Some 市州 add a little for 建档立卡贫困户 on top of the common standard.
    const bonus = i === 0 && f.rng.chance(0.3) ? 5000 : 0;
    return uniform
      ? [{ householdCategory, renovationMethod: null, yuanPerHousehold: yuan(rebuild + bonus) }]
      : [
          { householdCategory, renovationMethod: RuralRenovationMethod.REBUILD, yuanPerHousehold: yuan(rebuild + bonus) },
          { householdCategory, renovationMethod: RuralRenovationMethod.REPAIR, yuanPerHousehold: yuan(repair) },
        ];
  });
  if (poverty && f.rng.chance(0.5)) {
    standard.push({ householdCategory: RuralHouseholdCategory.ORDINARY, renovationMethod: uniform ? null : RuralRenovationMethod.REBUILD, yuanPerHousehold: yuan(rebuild * 0.6) });
  }
  const factor = levelFactor(f);
  const planned = Math.round(f.rng.logUniform(poverty ? 150 : 40, poverty ? 2500 : 600) * factor);
  const month = monthOf(asOf);
  const share = fullYear ? 0.95 + f.rng.next() * 0.05 : Math.min(1, (Math.max(0, month - 3) / 7) * (0.7 + f.rng.next() * 0.4));
  const completed = fullYear && f.rng.chance(0.7) ? planned : Math.min(planned, Math.round(planned * share));
  return {
    title: f.rng.weighted([
      [poverty ? `${label}${year}年农村危旧房改造政策措施执行情况公开` : `${label}${year}年农村低收入群体等重点对象住房安全保障工作情况公开`, 4],
      [`${label}${year}年农村危房改造任务完成情况公示`, 3],
      [`${label}${year}年农村危房改造补助对象及补助标准公示`, 2],
    ] as const),
    details: {
      year,
      policy,
      subsidyScope,
      targetIdentification,
      subsidyStandard: standard,
      tasksAndCompletion: { planned, completed, asOf },
    },
    parties: [],
  };
};

/* ------------------------------------------------------------ ALLOCATION */

const ALLOCATED_TYPES: readonly (readonly [HousingProjectType, number])[] = [
  [HousingProjectType.PUBLIC_RENTAL, 60],
  [HousingProjectType.AFFORDABLE_RENTAL, 15],
  [HousingProjectType.SHANTYTOWN_RENOVATION, 12],
  [HousingProjectType.SHARED_OWNERSHIP, 5],
  [HousingProjectType.LOW_RENT, 4],
  [HousingProjectType.ECONOMICAL, 4],
];

const POLICY_RULES: Partial<Record<HousingProjectType, string>> = {
  SHARED_OWNERSHIP: '共有产权住房管理办法（试行）',
  AFFORDABLE_RENTAL: '保障性租赁住房管理办法（试行）',
  ECONOMICAL: '经济适用住房管理办法',
  LOW_RENT: '廉租住房保障办法',
};

const allocation: CategoryGenerator = (f) => {
  const label = regionLabel(f);
  const where = projectLabel(f, label);
  const type = f.rng.weighted(
    ALLOCATED_TYPES.filter(([t]) => (t === HousingProjectType.AFFORDABLE_RENTAL ? f.year >= 2021 : t === HousingProjectType.LOW_RENT || t === HousingProjectType.ECONOMICAL ? f.year <= 2020 : true)),
  );
  const typeZh = TYPE_ZH[type] === '棚户区改造' ? '棚户区改造安置住房' : TYPE_ZH[type];
  const sources = f.rng.sample(ESTATE_WORDS, f.rng.int(1, 3)).map((word) => {
    const p = makeProject(f, where, type, f.year, Math.round(f.rng.logUniform(urban(where) ? 40 : 12, urban(where) ? 600 : 150)));
    const estate = `${word}${f.rng.pick(['家园', '小区', '花园', '苑', '新村'])}${f.rng.chance(0.3) ? f.rng.pick(['一期', '二期', '三期']) : ''}`;
    return {
      projectName: `${where}${estate}${typeZh}`,
      projectType: type,
      location: p.location,
      units: p.units,
      unitFloorArea: f.rng.chance(0.8) ? sqm(Math.round(p.unitArea * 100) / 100) : null,
    };
  });
  const units = sources.reduce((s, x) => s + x.units, 0);
  const income = f.rng.int(60, 100);
  const recipients =
    type === HousingProjectType.SHANTYTOWN_RENOVATION
      ? `${where}${f.rng.pick(AREAS)}棚户区改造范围内已签订房屋征收补偿安置协议、选择产权调换的被征收户。`
      : type === HousingProjectType.AFFORDABLE_RENTAL
        ? `在${where}无自有住房或住房困难的新市民、青年人，包括新就业大学生、在城镇稳定就业的外来务工人员及城市基本公共服务人员，不设收入线门槛。`
        : `具有${where}城镇户籍，家庭人均可支配收入低于上年度城镇居民人均可支配收入${income}%，在本地无自有住房或人均住房建筑面积低于15平方米的城镇中等偏下收入住房困难家庭；` +
          '新就业无房职工和在城镇稳定就业的外来务工人员；符合条件的城镇最低生活保障家庭、分散供养特困人员优先保障。';
  const held = f.rng.chance(0.6);
  let drawDate = held ? addDays(f.formedOn, -f.rng.int(1, 10)) : addDays(f.formedOn, f.rng.int(10, 30));
  // Lotteries are held on weekdays.
  while (weekday(drawDate) === 0 || weekday(drawDate) === 6) drawDate = addDays(drawDate, held ? -1 : 1);
  const dateZh = `${Number(drawDate.slice(0, 4))}年${Number(drawDate.slice(5, 7))}月${Number(drawDate.slice(8, 10))}日`;
  const resettle = type === HousingProjectType.SHANTYTOWN_RENOVATION;
  const sale = type === HousingProjectType.SHARED_OWNERSHIP || type === HousingProjectType.ECONOMICAL;
  const lottery = !resettle && f.rng.chance(0.7);
  const method = lottery ? '公开摇号' : resettle ? '按签约顺序号公开选房' : '按轮候顺序公开选房';
  const verb = lottery ? '摇中' : '选房';
  const procedure =
    (resettle
      ? '公布安置房源及选房规则→被征收户按签订征收补偿协议的先后确定选房顺序号→公证处监督下现场选房→签订安置房确认书→办理交房手续。'
      : '个人申请→街道办事处（乡镇人民政府）初审并公示→住房保障部门复审→民政、公安、不动产登记等部门联审→公示无异议后纳入轮候→' +
        `${method}→签订${sale ? '购房合同' : '租赁合同'}→办理入住。`) + (held ? '' : `本批次定于${dateZh}${method}。`);
  // For a resettlement batch the "applicants" are the households entitled to choose; nobody is vetted again.
  const applicants = resettle ? Math.round(units * (0.8 + f.rng.next() * 0.3)) : Math.round(units * (1.1 + f.rng.next() * 1.8));
  const qualified = resettle ? null : Math.max(1, Math.round(applicants * (0.7 + f.rng.next() * 0.25)));
  const eligible = qualified ?? applicants;
  const allocated = Math.min(units, eligible);
  const place = `${where}${f.rng.pick(['住房保障服务中心', '政务服务中心', '公共资源交易中心', '人民政府会议室'])}`;
  const process = held
    ? `${dateZh}在${place}${method}，${where}公证处现场公证，纪检监察、人大代表、政协委员及${resettle ? '被征收户' : '申请人'}代表现场监督，全程录像并网络直播。`
    : null;
  const leftover = units > allocated ? `剩余房源${units - allocated}套纳入下批次分配。` : '';
  const result = held
    ? {
        applicantHouseholds: applicants,
        qualifiedHouseholds: qualified,
        allocatedHouseholds: allocated,
        allocatedUnits: allocated,
        summary: resettle
          ? `本批次提供安置房源${units}套，参加选房的被征收户${applicants}户，完成选房${allocated}户、${allocated}套。` +
            (applicants > allocated ? `其余${applicants - allocated}户纳入下批次安置。` : leftover) +
            '选房结果已在项目现场及社区张榜公示。'
          : `本批次共受理申请${applicants}户，经审核合格${qualified}户，${sale ? '配售' : '配租'}房源${units}套，${verb}${allocated}户，` +
            (eligible > allocated ? `未${verb}的${eligible - allocated}户继续轮候。` : leftover) +
            '分配名单已在项目所在社区及住房保障服务窗口张榜公示。',
      }
    : null;
  const batch = f.rng.int(1, 6);
  return {
    title: held ? `${where}${f.year}年第${batch}批${typeZh}分配结果公示` : `${where}${f.year}年第${batch}批${typeZh}分配公告`,
    details: {
      policy:
        type === HousingProjectType.SHANTYTOWN_RENOVATION
          ? `依据《国有土地上房屋征收与补偿条例》《${where}国有土地上房屋征收与补偿实施办法》及本项目房屋征收补偿安置方案，安置房源按签约顺序公开选房，坚持公开、公平、公正。`
          : `依据《${where}${POLICY_RULES[type] ?? '公共租赁住房管理办法'}》及住房保障准入、分配、退出管理有关规定，坚持公开、公平、公正，实行阳光分配。`,
      recipients,
      housingStock: sources,
      procedure,
      process,
      result,
    },
    parties: [],
  };
};

export const housingGenerators: Record<string, CategoryGenerator> = {
  SCHEME: scheme,
  ANNUAL_PLAN: annualPlan,
  PLAN_PROGRESS: planProgress,
  RURAL_RENOVATION: ruralRenovation,
  ALLOCATION: allocation,
};
