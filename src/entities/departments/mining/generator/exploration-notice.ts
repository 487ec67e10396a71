import { addDays } from '../../../../kernel/time/calendar-dates.js';
import { AreaUnit } from '../../../../kernel/values/area.js';
import { ExplorationDegree, MiningRightKind, MiningTransferMethod } from '../mining-enums.js';
import type { CategoryGenerator, RecordFrame } from '../../../../generator/category-generator.js';
import { addWorkdays, areaValue, boundary, chinaTime, workdayOnOrAfter, yuan } from '../../../../generator/geo.js';
import { tradeNo, TRANSFER_ZH } from './rights.js';
import { explorationName, km2, site } from './site.js';

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

export const explorationNotice: CategoryGenerator = (f) => {
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
