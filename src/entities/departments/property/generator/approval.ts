import { PropertyObjectKind } from '../property-enums.js';
import { PartyRole } from '../../../hub/published.js';
import type { CategoryGenerator, RecordFrame } from '../../../../generator/category-generator.js';
import { regionRow, shortRegionName } from '../../../../generator/geo.js';
import { makeDeal } from './deal.js';

const AUTHORITY_ABBR: Record<string, string> = {
  '630100': '宁',
  '630200': '海东',
  '632200': '北',
  '632300': '黄',
  '632500': '南',
  '632600': '果',
  '632700': '玉',
  '632800': '西',
};

/** The state-invested groups (国家出资企业) that approve their subsidiaries' sales, with the short forms of their document numbers. */
const GROUPS: readonly (readonly [string, string])[] = [
  ['城市发展投资', '城发'],
  ['国有资本投资运营', '国投'],
  ['发展投资', '发投'],
  ['城乡建设投资', '城投'],
  ['产业投资', '产投'],
];

/**
 * Who approves: the SASAC of the transferor's level, a county finance bureau
 * that holds the county's shares, or the state-invested group the
 * transferor belongs to (32号令 第七条、第八条).
 */
function approvingAuthority(f: RecordFrame): { authority: string; documentNo: string } {
  const r = f.rng;
  const n = r.int(1, 160);
  if (r.chance(0.3)) {
    const [word, abbr] = r.pick(GROUPS);
    return { authority: `${f.place}${word}集团有限公司`, documentNo: `${f.place}${abbr}集团发〔${f.year}〕${n}号` };
  }
  if (f.region.level === 'PROVINCE' || !f.region.prefectureCode) {
    return { authority: '青海省人民政府国有资产监督管理委员会', documentNo: `青国资产〔${f.year}〕${n}号` };
  }
  if (f.region.level === 'COUNTY' && r.chance(0.4)) {
    const county = shortRegionName(f.region.name);
    return { authority: `${county}财政局`, documentNo: `${county.slice(0, 2)}财国资〔${f.year}〕${n}号` };
  }
  const prefecture = regionRow(f.region.prefectureCode);
  return {
    authority: `${prefecture.name}人民政府国有资产监督管理委员会`,
    documentNo: `${AUTHORITY_ABBR[prefecture.code] ?? ''}国资${r.pick(['产权', '发', ''])}〔${f.year}〕${n}号`,
  };
}

export const approval: CategoryGenerator = (f) => {
  const d = makeDeal(f);
  const approvalInfo = { ...approvingAuthority(f), approvedOn: f.formedOn };
  const title =
    d.kind === PropertyObjectKind.EQUITY
      ? `${d.transferor.name}转让所持${d.target}${d.headline}批准信息公示`
      : d.kind === PropertyObjectKind.CAPITAL_INCREASE
        ? `${d.target}增资扩股批准信息公示`
        : `${d.name}转让批准信息公示`;
  return {
    title,
    amount: null,
    projectCode: null,
    details: {
      approval: approvalInfo,
      object: { name: d.name, kind: d.kind, sharePercent: d.sharePercent, description: d.description },
    },
    parties: [{ role: PartyRole.TRANSFEROR, subject: d.transferor }],
  };
};
