import { addDays } from '../../../../kernel/time/calendar-dates.js';
import { PropertyBiddingMethod, PropertyObjectKind } from '../property-enums.js';
import { PartyRole } from '../../../hub/published.js';
import type { CategoryGenerator, RecordFrame } from '../../../../generator/category-generator.js';
import { addWorkdays, workdayOnOrAfter, yuan } from '../../../../generator/geo.js';
import { type Deal, makeDeal, projectNo, roundWan } from './deal.js';

const APPRAISER_WORDS = ['正信', '中衡', '华信', '永信', '鼎信', '恒信', '中瑞', '天诚', '德衡', '立信'];

/** 资产评估 by a local firm; the report is valid a year from its base date, a month end some months back. */
function valuation(f: RecordFrame, d: Deal) {
  const r = f.rng;
  const back = addDays(f.formedOn, -r.int(60, 300));
  const monthEnd = addDays(`${back.slice(0, 7)}-01`, -1);
  const appraised = Math.round(d.appraisal / 100) * 100;
  return {
    appraiser: `青海${r.pick(APPRAISER_WORDS)}${r.pick(['资产评估有限公司', '资产评估有限责任公司', '房地产土地资产评估有限公司'])}`,
    baseDate: monthEnd,
    bookValue: yuan(d.bookValue, 1),
    appraisedValue: yuan(appraised, 100),
    filingNo: r.chance(0.8) ? `${r.pick(['青国资产评备', '青国资评备', '国资评备'])}〔${monthEnd.slice(0, 4)}〕${r.int(1, 200)}号` : null,
  };
}

const BIDDING_METHODS: readonly (readonly [PropertyBiddingMethod, number])[] = [
  [PropertyBiddingMethod.ONLINE_MULTIPLE_ROUNDS, 55],
  [PropertyBiddingMethod.AUCTION, 15],
  [PropertyBiddingMethod.ONLINE_SINGLE_ROUND, 12],
  [PropertyBiddingMethod.ONLINE_WEIGHTED, 8],
  [PropertyBiddingMethod.TENDER, 10],
];

export const notice: CategoryGenerator = (f) => {
  const r = f.rng;
  const d = makeDeal(f);
  const v = valuation(f, d);
  // 32号令: listing price not below the appraisal; equity listed 20 working days, capital increases 40, assets 10.
  const listing =
    d.kind === PropertyObjectKind.CAPITAL_INCREASE ? d.value : Number(v.appraisedValue) * (r.chance(0.7) ? 1 : r.logUniform(1.01, 1.15));
  // Rounded up, so the price never falls below the appraisal.
  const step = d.value >= 1_000_000 ? 10_000 : 100;
  const listingPrice = `${Math.ceil(listing / step) * step}.00`;
  const from = workdayOnOrAfter(addDays(f.formedOn, r.int(0, 2)));
  const workingDays = d.kind === PropertyObjectKind.EQUITY ? 20 : d.kind === PropertyObjectKind.CAPITAL_INCREASE ? 40 : 10;
  const until = addWorkdays(from, workingDays + r.int(0, 5) - 1);
  const depositShare = r.pick([10, 20, 30]);
  const deposit = yuan((Number(listingPrice) * depositShare) / 100, step);
  const title =
    d.kind === PropertyObjectKind.EQUITY
      ? `${d.target}${d.headline}转让公告`
      : d.kind === PropertyObjectKind.CAPITAL_INCREASE
        ? `${d.target}增资项目公告`
        : `${d.name}转让公告`;
  const staff =
    d.kind === PropertyObjectKind.ASSET
      ? ''
      : `${r.chance(0.5) ? '3. 受让方须同意标的企业继续履行与职工签订的劳动合同，维持职工队伍稳定；' : '3. 本项目不涉及职工安置；'}`;
  return {
    title,
    amount: listingPrice,
    projectCode: projectNo(f, d.kind),
    details: {
      overview: d.description,
      listingPrice,
      listingPeriod: { from, until },
      assetValuation: v,
      biddingMethod: r.weighted(BIDDING_METHODS),
      conditions:
        `1. 意向受让方须在被确认受让资格后3个工作日内交纳交易保证金${Number(deposit) / 10_000}万元至青海省产权交易市场指定账户；` +
        `2. 受让方须在《${d.kind === PropertyObjectKind.ASSET ? '资产' : '产权'}交易合同》签订之日起${r.pick([5, 5, 10])}个工作日内${r.chance(0.75) ? '一次性付清全部交易价款' : '支付不低于交易价款30%的首付款，余款在一年内付清并提供合法担保'}；` +
        staff +
        `${staff ? '4' : '3'}. 交易过程中产生的税费按国家有关规定由交易双方各自承担。`,
      transfereeQualifications:
        d.kind === PropertyObjectKind.ASSET
          ? '意向受让方应为中华人民共和国境内依法设立并有效存续的企业法人、其他组织或具有完全民事行为能力的自然人，具有良好的商业信用和支付能力，未被列入失信被执行人名单。'
          : `意向受让方应为中华人民共和国境内依法设立并有效存续的企业法人，${r.chance(0.5) ? `注册资本不低于${roundWan(r.logUniform(500, 20_000))}万元，` : ''}具有良好的财务状况、支付能力和商业信用，近三年无重大违法违规记录；本项目${r.chance(0.7) ? '不接受' : '接受'}联合体受让。`,
    },
    parties: [{ role: PartyRole.TRANSFEROR, subject: d.transferor }],
  };
};
