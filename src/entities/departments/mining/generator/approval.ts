import { addDays } from '../../../../kernel/time/calendar-dates.js';
import { ExplorationDegree, MiningApplicationType, MiningRightKind } from '../mining-enums.js';
import type { RegionRow } from '../../../../reference-data/responsibility-expansion.js';
import { PartyRole } from '../../../hub/published.js';
import type { CategoryGenerator, RecordFrame } from '../../../../generator/category-generator.js';
import { minerFor } from './rights.js';
import { explorationName, miningName, site } from './site.js';

const APPLICATION_ZH: Record<MiningApplicationType, string> = {
  [MiningApplicationType.NEW]: '新立',
  [MiningApplicationType.EXTENSION]: '延续',
  [MiningApplicationType.CHANGE]: '变更',
  [MiningApplicationType.TRANSFER]: '转让',
  [MiningApplicationType.RETENTION]: '保留',
  [MiningApplicationType.CANCELLATION]: '注销',
};

/** The same day n years on, less a day: a licence runs to the eve of its anniversary. */
function yearsAfter(date: string, n: number): string {
  const y = Number(date.slice(0, 4)) + n;
  const md = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return addDays(`${y}-${md}`, -1);
}

/**
 * 许可证号: 采矿许可证 C + the issuing region + year and month + a serial
 * (23 characters); 勘查许可证 T63 + year and month + a serial (18 characters).
 */
function licenseNo(f: RecordFrame, kind: MiningRightKind, county: RegionRow, type: MiningApplicationType): string {
  const r = f.rng;
  // A new right gets its number now; the others keep the number first issued, years before.
  const issuedYear = type === MiningApplicationType.NEW ? f.year : f.year - r.int(2, 15);
  const month = String(type === MiningApplicationType.NEW ? Number(f.formedOn.slice(5, 7)) : r.int(1, 12)).padStart(2, '0');
  if (kind === MiningRightKind.MINING) {
    const issuer = r.chance(0.6) ? '630000' : county.code;
    return `C${issuer}${issuedYear}${month}${r.int(1, 2)}${r.pick(['10', '11', '12', '20'])}${r.digits(7)}`;
  }
  return `T63${r.int(1, 5)}${issuedYear}${month}${r.int(0, 1)}${r.digits(7)}`;
}

export const approval: CategoryGenerator = (f) => {
  const r = f.rng;
  const kind = r.chance(0.65) ? MiningRightKind.MINING : MiningRightKind.EXPLORATION;
  const s = site(f, kind === MiningRightKind.EXPLORATION);
  const type =
    kind === MiningRightKind.MINING
      ? r.weighted([
          [MiningApplicationType.NEW, 15],
          [MiningApplicationType.EXTENSION, 35],
          [MiningApplicationType.CHANGE, 20],
          [MiningApplicationType.TRANSFER, 12],
          [MiningApplicationType.CANCELLATION, 18],
        ] as const)
      : r.weighted([
          [MiningApplicationType.NEW, 20],
          [MiningApplicationType.EXTENSION, 30],
          [MiningApplicationType.CHANGE, 10],
          [MiningApplicationType.TRANSFER, 8],
          [MiningApplicationType.RETENTION, 15],
          [MiningApplicationType.CANCELLATION, 17],
        ] as const);
  let validUntil: string;
  if (type === MiningApplicationType.CANCELLATION) validUntil = f.formedOn;
  else if (type === MiningApplicationType.RETENTION) validUntil = yearsAfter(f.formedOn, 2);
  else if (kind === MiningRightKind.EXPLORATION) validUntil = yearsAfter(f.formedOn, f.year >= 2020 ? 5 : type === MiningApplicationType.EXTENSION ? 2 : 3);
  else if (type === MiningApplicationType.NEW) validUntil = yearsAfter(f.formedOn, r.pick([5, 10, 10, 15, 20, 30]));
  else if (type === MiningApplicationType.EXTENSION) validUntil = yearsAfter(f.formedOn, r.int(3, 10));
  else validUntil = yearsAfter(f.formedOn, r.int(2, 15));
  const holder = minerFor(f, s.mineral, kind === MiningRightKind.EXPLORATION);
  const name = kind === MiningRightKind.MINING ? miningName(s) : explorationName(s, r.pick(Object.values(ExplorationDegree)));
  const rightZh = kind === MiningRightKind.MINING ? '采矿权' : '探矿权';
  const title = r.chance(0.5)
    ? `关于${holder.name}${name}${rightZh}${APPLICATION_ZH[type]}登记的公告`
    : `${name}${rightZh}${APPLICATION_ZH[type]}审批结果公示`;
  return {
    title,
    amount: null,
    projectCode: null,
    details: {
      rightKind: kind,
      licenseNo: licenseNo(f, kind, s.county, type),
      validUntil,
      applicationType: type,
    },
    parties: [{ role: PartyRole.RIGHT_HOLDER, subject: holder }],
  };
};
