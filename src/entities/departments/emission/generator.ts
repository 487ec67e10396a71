import { addDays, weekday } from '../../../kernel/time/calendar-dates.js';
import { PartyRole } from '../../hub/published.js';
import { Pollutant } from './emission-enums.js';
import type { Rng } from '../../../generator/rng.js';
import type { GeneratedSubject } from '../../../generator/subjects.js';
import { prefectureLabel } from '../../../generator/places.js';
import type { CategoryGenerator, RecordFrame } from '../../../generator/category-generator.js';

const POLLUTANT_ZH: Record<Pollutant, string> = {
  COD: '化学需氧量',
  AMMONIA_NITROGEN: '氨氮',
  SULPHUR_DIOXIDE: '二氧化硫',
  NITROGEN_OXIDES: '氮氧化物',
  TOTAL_PHOSPHORUS: '总磷',
  TOTAL_NITROGEN: '总氮',
  PARTICULATE_MATTER: '颗粒物',
  VOLATILE_ORGANIC_COMPOUNDS: '挥发性有机物',
};

/**
 * What is traded and at what scale: the four total-load pollutants make most
 * trades; quantities (吨/年) and floor prices (元/吨) by pollutant, air
 * pollutants from power, cement and smelting in the tens to thousands of
 * tonnes, ammonia nitrogen and phosphorus in a few tonnes.
 */
const POLLUTANTS: readonly {
  pollutant: Pollutant;
  weight: number;
  tonnes: readonly [number, number];
  price: readonly [number, number];
}[] = [
  { pollutant: Pollutant.SULPHUR_DIOXIDE, weight: 30, tonnes: [20, 3000], price: [2000, 6000] },
  { pollutant: Pollutant.NITROGEN_OXIDES, weight: 28, tonnes: [20, 3000], price: [2000, 6000] },
  { pollutant: Pollutant.COD, weight: 22, tonnes: [10, 800], price: [3000, 9000] },
  { pollutant: Pollutant.AMMONIA_NITROGEN, weight: 12, tonnes: [2, 120], price: [5000, 15_000] },
  { pollutant: Pollutant.PARTICULATE_MATTER, weight: 4, tonnes: [10, 1500], price: [1000, 4000] },
  { pollutant: Pollutant.VOLATILE_ORGANIC_COMPOUNDS, weight: 2, tonnes: [5, 500], price: [2000, 8000] },
  { pollutant: Pollutant.TOTAL_NITROGEN, weight: 1, tonnes: [5, 200], price: [3000, 8000] },
  { pollutant: Pollutant.TOTAL_PHOSPHORUS, weight: 1, tonnes: [0.5, 20], price: [10_000, 30_000] },
];

type PollutantSpec = (typeof POLLUTANTS)[number];

function pickPollutants(rng: Rng, k: number): PollutantSpec[] {
  const chosen = new Map<Pollutant, PollutantSpec>();
  for (let i = 0; chosen.size < k && i < k * 20; i++) {
    const spec = rng.weighted(POLLUTANTS.map((p) => [p, p.weight] as const));
    chosen.set(spec.pollutant, spec);
  }
  return [...chosen.values()];
}

/** Tonnes in hundredths (whole number), so money works out exactly in fen. */
function hundredthsOfTonne(rng: Rng, [min, max]: readonly [number, number], scale = 1): number {
  return Math.max(1, Math.round(rng.logUniform(min, Math.max(min * 2, max * scale)) * 100));
}

function tonnes(hundredths: number): string {
  return (hundredths / 100).toFixed(2);
}

/** Yuan per tonne, in steps of 10. */
function pricePerTonne(rng: Rng, [min, max]: readonly [number, number]): number {
  return Math.round(rng.logUniform(min, max) / 10) * 10;
}

/** Fen as an exact money string; hundredths of a tonne × yuan per tonne are fen. */
function yuanFromFen(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

function dateZh(date: string): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

function workingDayAfter(date: string, days: number): string {
  let d = addDays(date, days);
  while (weekday(d) === 0 || weekday(d) === 6) d = addDays(d, 1);
  return d;
}

/**
 * Who sells: the province's reserve of emission rights, or a 市州's; trading
 * is organised at those levels (and by the industrial cities such as 格尔木市),
 * not by the counties.
 */
function seller(f: RecordFrame): string {
  if (f.region.level === 'COUNTY' && f.region.name.endsWith('市')) return f.region.name;
  return prefectureLabel(f);
}

/** An emitter registered in the seller's prefecture where one turns up in a few draws (any, for the province). */
function localSubject(f: RecordFrame, who: string): GeneratedSubject {
  const first = f.subjects.draw(f.rng, 'emitter');
  const prefix = f.region.prefectureCode?.slice(0, 4);
  if (who === '青海省' || !prefix) return first;
  for (let i = 0; i < 8; i++) {
    const s = f.subjects.draw(f.rng, 'emitter');
    if (s.regionCode?.startsWith(prefix)) return s;
  }
  return first;
}

/** 青海省2023年第3期 …: notices and results are numbered by period within a year. */
function period(f: RecordFrame): number {
  return Math.max(1, Math.min(12, Math.ceil(Number(f.formedOn.slice(5, 7)) / f.rng.int(2, 4))));
}

/* ------------------------------------------------------- AUCTION_NOTICE */

const auctionNotice: CategoryGenerator = (f) => {
  const who = seller(f);
  const specs = pickPollutants(f.rng, f.rng.weighted([[1, 30], [2, 35], [3, 20], [4, 15]] as const));
  const term = f.rng.chance(0.85) ? 5 : null;
  const lots = specs.map((spec) => {
    const q = hundredthsOfTonne(f.rng, spec.tonnes, who === '青海省' ? 1 : 0.4);
    const price = pricePerTonne(f.rng, spec.price);
    return { spec, q, price };
  });
  const regFrom = workingDayAfter(f.formedOn, f.rng.int(1, 3));
  const regUntil = workingDayAfter(regFrom, f.rng.int(10, 20));
  const auctionOn = workingDayAfter(regUntil, f.rng.int(3, 7));
  const names = specs.map((s) => POLLUTANT_ZH[s.pollutant]).join('、');
  const no = period(f);
  const deposit = f.rng.pick([10, 20, 30]);
  // The notice's main money figure: the lots' value at their starting prices.
  const fen = lots.reduce((sum, l) => sum + l.q * l.price, 0);
  return {
    title: f.rng.weighted([
      [`${who}${f.year}年第${no}期主要污染物排污权竞买通告`, 5],
      [`${who}${f.year}年排污权有偿使用和交易竞买公告（${names}）`, 3],
      [`${who}主要污染物排污权${f.year}年第${no}批次公开竞价交易通告`, 2],
    ] as const),
    amount: yuanFromFen(fen),
    projectCode: `QHPWQ${f.year}${String(no).padStart(2, '0')}${f.rng.digits(3)}`,
    details: {
      object: lots.map((l) => ({
        pollutant: l.spec.pollutant,
        quantity: tonnes(l.q),
        startingPrice: `${l.price}.00`,
        termYears: term,
      })),
      registrationConditions:
        `竞买人须为在${who}行政区域内依法登记注册、具有独立法人资格的排污单位，` +
        '新建、改建、扩建项目已取得环境影响评价批复文件需新增主要污染物排放总量指标，或现有排污单位因生产规模扩大需增加排放指标；' +
        '已依法申领排污许可证或完成排污登记，近三年内无重大环境违法行为，未被列入环境保护失信黑名单；本次竞买不接受联合竞买。' +
        `报名时间：${dateZh(regFrom)}至${dateZh(regUntil)}，竞买时间：${dateZh(auctionOn)}；竞买保证金为起始总价的${deposit}%。`,
      applicationMaterials:
        '1.竞买申请书；2.营业执照副本复印件（加盖公章）；3.法定代表人身份证明书及身份证复印件，委托办理的须提交授权委托书及受托人身份证复印件；' +
        '4.建设项目环境影响评价批复文件或排污许可证副本复印件；5.拟购买排污权的用途及总量指标来源说明；6.竞买保证金缴纳凭证；7.竞买承诺书。',
    },
    parties: [],
  };
};

/* ------------------------------------------------------- AUCTION_RESULT */

/** One trade: one enterprise buying one pollutant's quantity; 成交金额 is the hub amount. */
const auctionResult: CategoryGenerator = (f) => {
  const who = seller(f);
  const enterprise = localSubject(f, who);
  const [spec] = pickPollutants(f.rng, 1);
  const q = hundredthsOfTonne(f.rng, spec!.tonnes, 0.4);
  // Bidding lifts the starting price by nothing to about half.
  const start = pricePerTonne(f.rng, spec!.price);
  const deal = f.rng.chance(0.35) ? start : Math.round((start * (1 + f.rng.next() * 0.5)) / 10) * 10;
  const zh = POLLUTANT_ZH[spec!.pollutant];
  return {
    title: f.rng.weighted([
      [`${who}${f.year}年第${period(f)}期排污权竞买结果公示（${enterprise.name}）`, 4],
      [`${enterprise.name}${zh}排污权竞买成交结果公告`, 3],
      [`${who}${f.year}年主要污染物排污权交易结果公告（${zh}）`, 3],
    ] as const),
    amount: yuanFromFen(q * deal),
    details: {
      pollutant: spec!.pollutant,
      quantity: tonnes(q),
    },
    parties: [{ role: PartyRole.TRADING_ENTERPRISE, subject: enterprise }],
  };
};

export const emissionGenerators: Record<string, CategoryGenerator> = {
  AUCTION_NOTICE: auctionNotice,
  AUCTION_RESULT: auctionResult,
};
