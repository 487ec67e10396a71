import { PropertyObjectKind } from '../property-enums.js';
import type { RecordFrame } from '../../../../generator/category-generator.js';
import { localCounty, placeLabel } from '../../../../generator/geo.js';
import { enterpriseName, type Industry } from '../../../../generator/names.js';
import type { GeneratedSubject } from '../../../../generator/subjects.js';
import { priceTier, roadsOf } from '../../../../generator/places.js';

/** The object of a state-owned asset transaction (企业国有资产交易监督管理办法, 32号令): equity, a capital increase or assets. */
export interface Deal {
  kind: PropertyObjectKind;
  transferor: GeneratedSubject;
  /** The company whose equity is sold or which raises capital (null for assets). */
  target: string | null;
  sharePercent: number | null;
  /** 标的名称 */
  name: string;
  /** 标的概况 */
  description: string;
  /** The money of the deal, yuan: the share's or asset's worth, or the capital to be raised. */
  value: number;
  /** 评估价值: what the appraisal values (the share or asset; for a capital increase, the company before it). */
  appraisal: number;
  /** 账面价值 of the same. */
  bookValue: number;
  /** The short words titles use: 51%股权, 增资扩股, 公务车辆 … */
  headline: string;
}

const TARGET_INDUSTRIES: readonly Industry[] = ['builder', 'supplier', 'emitter', 'miner', 'developer', 'agency'];
const SHARES = [100, 100, 51, 49, 40, 35, 30, 25, 20, 15, 10, 5];
/** 注册资本 ranges by trade, in 万元: agencies are small, miners and works large. */
const REGISTERED: Partial<Record<Industry, readonly [number, number]>> = {
  builder: [2_000, 50_000],
  supplier: [100, 5_000],
  emitter: [2_000, 100_000],
  miner: [1_000, 100_000],
  developer: [1_000, 50_000],
  agency: [100, 2_000],
};
const BUSINESS: Partial<Record<Industry, string>> = {
  builder: '房屋建筑工程、市政公用工程施工',
  supplier: '商品批发零售、技术服务',
  emitter: '化工产品生产销售',
  miner: '矿产资源开采、选矿及矿产品销售',
  developer: '房地产开发经营、物业管理',
  agency: '工程咨询、招标代理',
};

function describeCompany(f: RecordFrame, name: string, industry: Industry, registered: number): string {
  const founded = f.year - f.rng.int(3, 25);
  return `${name}成立于${founded}年，注册资本${registered}万元，主要从事${BUSINESS[industry] ?? '投资经营'}等业务`;
}

export function roundWan(x: number): number {
  return Math.max(10, Math.round(x / 10) * 10);
}

/**
 * A state-owned enterprise of the record's own prefecture (of the province's
 * own level for provincial records) where the pool has one, drawn by popularity.
 */
function localStateOwned(f: RecordFrame): GeneratedSubject {
  const prefix = f.region.prefectureCode ? f.region.prefectureCode.slice(0, 4) : '6300';
  let first: GeneratedSubject | undefined;
  for (let i = 0; i < 80; i++) {
    const s = f.subjects.draw(f.rng, 'stateOwned');
    first ??= s;
    if ((s.regionCode ?? '').startsWith(prefix) || (!f.region.prefectureCode && s.regionCode?.startsWith('6301'))) return s;
  }
  return first!;
}

/** A transaction object for the record: equity most often, then assets, then capital increases. */
export function makeDeal(f: RecordFrame): Deal {
  const r = f.rng;
  const transferor = localStateOwned(f);
  const kind = r.weighted([
    [PropertyObjectKind.EQUITY, 45],
    [PropertyObjectKind.ASSET, 40],
    [PropertyObjectKind.CAPITAL_INCREASE, 15],
  ] as const);
  const place = f.place;
  if (kind === PropertyObjectKind.EQUITY) {
    const industry = r.pick(TARGET_INDUSTRIES);
    const target = enterpriseName(r, place, industry);
    const share = r.pick(SHARES);
    const [low, high] = REGISTERED[industry] ?? [500, 50_000];
    const registered = roundWan(r.logUniform(low, high));
    // The share's worth: the company's net assets (a multiple of its capital) times the share.
    const value = Math.max(100_000, registered * 10_000 * r.logUniform(0.6, 3.5) * (share / 100));
    return {
      kind,
      transferor,
      target,
      sharePercent: share,
      name: `${target}${share}%股权`,
      description: `${describeCompany(f, target, industry, registered)}。${transferor.name}持有其${share === 100 ? '100' : r.pick([share, Math.min(100, share + r.int(1, 40))])}%股权，本次拟转让所持${share}%股权${share === 100 ? '，转让后不再持有该公司股权' : ''}。`,
      value,
      appraisal: value,
      bookValue: value / r.logUniform(1.0, 1.8),
      headline: `${share}%股权`,
    };
  }
  if (kind === PropertyObjectKind.CAPITAL_INCREASE) {
    const industry = r.pick(TARGET_INDUSTRIES);
    const target = enterpriseName(r, place, industry);
    const [low, high] = REGISTERED[industry] ?? [1_000, 100_000];
    const registered = roundWan(r.logUniform(Math.max(1_000, low), Math.max(5_000, high)));
    // Priced on the appraised company: new holders of `stake`% bring stake/(100−stake) of its worth.
    const worth = registered * 10_000 * r.logUniform(0.8, 3);
    const stake = r.int(10, 49);
    const raise = Math.max(5_000_000, Math.round((worth * stake) / (100 - stake) / 10_000) * 10_000);
    return {
      kind,
      transferor,
      target,
      sharePercent: null,
      name: `${target}增资扩股项目`,
      description: `${describeCompany(f, target, industry, registered)}，${transferor.name}持有其100%股权。本次拟引入${r.int(1, 3)}家投资方，募集资金不低于${raise / 10_000}万元，新股东合计持股比例不超过${stake}%，募集资金用于${r.pick(['补充流动资金', '项目建设', '偿还债务及补充流动资金', '产业升级改造'])}。`,
      value: raise,
      appraisal: worth,
      bookValue: worth / r.logUniform(1.0, 1.6),
      headline: '增资扩股',
    };
  }
  const asset = r.weighted([
    ['vehicles', 35],
    ['housing', 30],
    ['equipment', 20],
    ['land', 15],
  ] as const);
  const county = localCounty(r, f.region, { '630100': 5, '630200': 2, '632800': 2 });
  const where = placeLabel(county);
  switch (asset) {
    case 'vehicles': {
      const n = r.int(1, 25);
      const sort = r.weighted([
        ['公务车辆', 40],
        ['闲置车辆', 25],
        ['工程车辆', 20],
        ['报废车辆', 15],
      ] as const);
      const scrap = sort === '报废车辆';
      const value = n * (scrap ? r.logUniform(3_000, 15_000) : r.logUniform(20_000, 150_000));
      return {
        kind,
        transferor,
        target: null,
        sharePercent: null,
        name: `${transferor.name}${n}辆${sort}`,
        description: scrap
          ? `标的为${transferor.name}所有的${n}辆已达报废标准的机动车，按废旧物资整体转让，受让方须具备报废机动车回收拆解资质。`
          : `标的为${transferor.name}所有的${n}辆${sort === '工程车辆' ? '载货汽车、工程机械车' : r.pick(['越野车、轿车、商务车', '轿车、皮卡车', '客车、越野车'])}等机动车，车辆手续齐全，按现状${n > 1 ? '分标的' : ''}转让。`,
        value,
        bookValue: value * r.logUniform(1.5, scrap ? 20 : 4),
        appraisal: value,
        headline: `${n}辆${sort}`,
      };
    }
    case 'housing': {
      const floor = Math.round(r.logUniform(80, 8_000) * 100) / 100;
      const value = floor * r.logUniform(4_000, 14_000) * priceTier(county.code) ** 0.8;
      const use = r.pick(['商业用房', '办公用房', '住宅', '门面房', '仓库']);
      return {
        kind,
        transferor,
        target: null,
        sharePercent: null,
        name: `${transferor.name}位于${where}${r.pick(roadsOf(county.code))}${r.int(1, 199)}号的${use}`,
        description: `标的房产建筑面积${floor.toFixed(2)}平方米，用途为${use}，已取得不动产权证书，${r.pick(['目前空置', '目前出租，租期至年底', '目前自用，转让后腾退'])}。`,
        value,
        bookValue: value / r.logUniform(1.1, 3),
        appraisal: value,
        headline: use,
      };
    }
    case 'equipment': {
      const [item, low, high] = r.pick([
        ['生产设备', 5, 120],
        ['矿山机械设备', 3, 40],
        ['办公设备', 20, 300],
        ['化工生产线设备', 10, 80],
        ['柴油发电机组', 1, 8],
        ['施工机械', 2, 30],
      ] as const);
      const count = r.int(low, high);
      const value = count * r.logUniform(3_000, 200_000);
      return {
        kind,
        transferor,
        target: null,
        sharePercent: null,
        name: `${transferor.name}闲置${item}一批`,
        description: `标的为${transferor.name}所有的闲置${item}，共计${count}台（套），按现状整体转让，受让方自行拆除运输。`,
        value,
        bookValue: value * r.logUniform(1.5, 6),
        appraisal: value,
        headline: `闲置${item}`,
      };
    }
    default: {
      const area = Math.round(r.logUniform(1_000, 60_000) * 100) / 100;
      const value = area * r.logUniform(600, 3_500) * priceTier(county.code) ** 0.6;
      return {
        kind,
        transferor,
        target: null,
        sharePercent: null,
        name: `${transferor.name}位于${where}的国有建设用地使用权及地上建筑物`,
        description: `标的包括土地使用权面积${area.toFixed(2)}平方米（${r.pick(['工业用地', '商服用地', '仓储用地'])}）及地上建筑物${r.int(2, 12)}栋，已办理不动产登记。`,
        value,
        bookValue: value / r.logUniform(1.2, 2.5),
        appraisal: value,
        headline: '土地使用权及地上建筑物',
      };
    }
  }
}

/** 青海省产权交易市场 project numbers: QHCQ-GQ2024-0123 (股权), ZZ (增资), ZC (资产). */
export function projectNo(f: RecordFrame, kind: PropertyObjectKind): string {
  const code = kind === PropertyObjectKind.EQUITY ? 'GQ' : kind === PropertyObjectKind.CAPITAL_INCREASE ? 'ZZ' : 'ZC';
  return `QHCQ-${code}${f.year}-${String(f.rng.int(1, 600)).padStart(4, '0')}`;
}
