import { addDays } from '../../../../kernel/time/calendar-dates.js';
import { AreaUnit } from '../../../../kernel/values/area.js';
import { LandTransferMethod, LandUse } from '../land-enums.js';
import type { CategoryGenerator, RecordFrame } from '../../../../generator/category-generator.js';
import { addWorkdays, areaValue, chinaTime, localCounty, placeLabel, workdayOnOrAfter, yuan } from '../../../../generator/geo.js';
import { LAND_PREFECTURE_WEIGHTS, parcelArea, parcelLocation, parcelNo, parcelPrice, priceTier, tradeNo, useFor, USES } from './parcels.js';

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

export const transferNotice: CategoryGenerator = (f) => {
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
