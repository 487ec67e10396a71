import { AreaUnit } from '../../../../kernel/values/area.js';
import { MiningRightKind, MiningTransferMethod } from '../mining-enums.js';
import type { CategoryGenerator } from '../../../../generator/category-generator.js';
import { areaValue, boundary } from '../../../../generator/geo.js';
import { tradeNo, TRANSFER_ZH } from './rights.js';
import { km2, miningName, site } from './site.js';

export const miningNotice: CategoryGenerator = (f) => {
  const r = f.rng;
  const s = site(f, false);
  const method = r.weighted([
    [MiningTransferMethod.LISTING, 55],
    [MiningTransferMethod.AUCTION, 25],
    [MiningTransferMethod.AGREEMENT, 12],
    [MiningTransferMethod.TENDER, 8],
  ] as const);
  const area = km2(f, s.mineral.miningArea);
  const scale = r.logUniform(s.mineral.scale[0], s.mineral.scale[1]);
  const projectName = `${miningName(s)}采矿权`;
  return {
    title: `${projectName}${TRANSFER_ZH[method]}出让公告`,
    amount: null,
    projectCode: tradeNo(f, MiningRightKind.MINING),
    details: {
      projectName,
      mineral: s.mineral.name,
      location: s.location,
      boundaryCoordinates: boundary(r, s.centre, area * 1_000_000),
      area: { value: areaValue(area, 4), unit: AreaUnit.SQUARE_KILOMETRE },
      productionScale: { amount: scale < 10 ? scale.toFixed(1) : String(Math.round(scale / 5) * 5), unit: s.mineral.scaleUnit },
      transferMethod: method,
    },
    parties: [],
  };
};
