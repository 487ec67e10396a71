import { PropertyObjectKind, PropertyTransferMethod } from '../property-enums.js';
import { PartyRole } from '../../../hub/published.js';
import type { CategoryGenerator, RecordFrame } from '../../../../generator/category-generator.js';
import { chinaTime, yuan } from '../../../../generator/geo.js';
import type { Pool } from '../../../../generator/subjects.js';
import { type Deal, makeDeal, projectNo } from './deal.js';

/** 受让方: state groups take what comes by non-public agreement; otherwise any enterprise with the money. */
function transfereePool(f: RecordFrame, d: Deal, method: PropertyTransferMethod): Pool {
  if (method === PropertyTransferMethod.NON_PUBLIC_AGREEMENT) return 'stateOwned';
  if (d.kind === PropertyObjectKind.ASSET) return f.rng.pick(['supplier', 'builder', 'developer'] as const);
  return f.rng.weighted([
    ['stateOwned', 25],
    ['developer', 20],
    ['builder', 20],
    ['miner', 15],
    ['emitter', 10],
    ['supplier', 10],
  ] as const);
}

export const result: CategoryGenerator = (f) => {
  const r = f.rng;
  const d = makeDeal(f);
  const method = r.weighted([
    [PropertyTransferMethod.AGREEMENT, 35],
    [PropertyTransferMethod.ONLINE_BIDDING, 32],
    [PropertyTransferMethod.AUCTION, 12],
    [PropertyTransferMethod.TENDER, 3],
    [PropertyTransferMethod.NON_PUBLIC_AGREEMENT, 18],
  ] as const);
  // A single bidder takes it at the listing price; bidding lifts it.
  const competitive = method === PropertyTransferMethod.ONLINE_BIDDING || method === PropertyTransferMethod.AUCTION;
  const price = yuan(d.value * (competitive ? r.logUniform(1.01, 1.6) : 1), d.value >= 1_000_000 ? 10_000 : 100);
  let transferee = f.subjects.draw(r, transfereePool(f, d, method));
  if (transferee.creditCode === d.transferor.creditCode) transferee = f.subjects.draw(r, 'developer');
  const code = projectNo(f, d.kind);
  return {
    title:
      d.kind === PropertyObjectKind.CAPITAL_INCREASE
        ? `${d.target}增资项目结果公告`
        : `${d.kind === PropertyObjectKind.EQUITY ? `${d.target}${d.headline}` : d.name}转让项目成交公告`,
    amount: price,
    projectCode: code,
    details: {
      projectNo: code,
      objectName: d.name,
      price,
      dealTime: chinaTime(f.formedOn, r.pick([9, 10, 10, 11, 14, 15, 16]), r.pick([0, 0, 30])),
      transferMethod: method,
    },
    parties: [
      { role: PartyRole.TRANSFEROR, subject: d.transferor },
      { role: PartyRole.TRANSFEREE, subject: transferee },
    ],
  };
};
