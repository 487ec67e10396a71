import { AreaUnit } from '../../../../kernel/values/area.js';
import { ExplorationDegree, MiningPaymentMethod, MiningRightKind } from '../mining-enums.js';
import { PartyRole } from '../../../hub/published.js';
import type { CategoryGenerator } from '../../../../generator/category-generator.js';
import { areaValue, chinaTime, regionRow, shortRegionName, yuan } from '../../../../generator/geo.js';
import { minerFor, tradeNo } from './rights.js';
import { explorationName, km2, miningName, site } from './site.js';

export const deal: CategoryGenerator = (f) => {
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
