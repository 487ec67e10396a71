import { addDays } from '../../../../kernel/time/calendar-dates.js';
import { AreaUnit } from '../../../../kernel/values/area.js';
import { LandUse } from '../land-enums.js';
import { PartyRole } from '../../../hub/published.js';
import type { CategoryGenerator, RecordFrame } from '../../../../generator/category-generator.js';
import { areaValue, boundary, localCounty, near, yuan } from '../../../../generator/geo.js';
import type { Pool } from '../../../../generator/subjects.js';
import { LAND_PREFECTURE_WEIGHTS, parcelArea, parcelInTitle, parcelLocation, parcelNo, parcelPrice, tradeNo, useFor, USES } from './parcels.js';

/** 受让单位: developers for housing and commerce; for industrial land, mostly the works that will build on it. */
function granteePool(f: RecordFrame, use: LandUse): Pool {
  if (use !== LandUse.INDUSTRIAL_MINING_STORAGE) return 'developer';
  return f.rng.weighted([
    ['emitter', 45],
    ['developer', 35],
    ['miner', 20],
  ] as const);
}

export const deal: CategoryGenerator = (f) => {
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
