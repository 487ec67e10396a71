import { RuralHouseholdCategory, RuralRenovationMethod } from '../housing-enums.js';
import type { CategoryGenerator } from '../../../../generator/category-generator.js';
import { levelFactor, monthOf, reportYear, yuan } from './helpers.js';
import { regionLabel } from './places.js';

const PRIORITY: readonly RuralHouseholdCategory[] = [
  RuralHouseholdCategory.REGISTERED_POOR,
  RuralHouseholdCategory.SUBSISTENCE_ALLOWANCE,
  RuralHouseholdCategory.DISPERSED_EXTREME_POVERTY,
  RuralHouseholdCategory.POOR_DISABLED,
];

export const ruralRenovation: CategoryGenerator = (f) => {
  const label = regionLabel(f);
  const { year, asOf, fullYear } = reportYear(f);
  const scope = label === '青海省' ? '全省' : label;
  const poverty = year <= 2020;
  const policy = poverty
    ? `按照国家关于加强和完善建档立卡贫困户等重点对象农村危房改造的部署和《青海省农牧民危旧房改造实施方案》，${scope}将农村危旧房改造作为脱贫攻坚“两不愁三保障”住房安全保障的重要内容，` +
      `优先解决4类重点对象基本住房安全问题，坚持农户自愿、政府补助、分类实施，严格执行面积标准和质量安全要求（青建村〔${year}〕${f.rng.int(10, 180)}号）。`
    : `按照国家关于做好农村低收入群体等重点对象住房安全保障工作的部署，${scope}建立农村低收入群体住房安全动态监测和保障长效机制，` +
      `对农村易返贫致贫户、低保户、分散供养特困人员和低保边缘家庭等重点对象的危房实施改造，同步推进农房抗震改造（青建村〔${year}〕${f.rng.int(10, 180)}号）。`;
  const subsidyScope = poverty
    ? `${scope}范围内经鉴定为C级、D级危房的建档立卡贫困户、低保户、农村分散供养特困人员和贫困残疾人家庭等4类重点对象，以及其他住房困难的一般农户。`
    : `${scope}范围内经鉴定为C级、D级危房的农村易返贫致贫户、低保户、分散供养特困人员、低保边缘家庭等低收入群体，以及因灾住房出现安全问题的其他脱贫户。`;
  const targetIdentification =
    '按照农户自愿申请、村民代表会议民主评议、乡（镇）人民政府审核、县级住房城乡建设部门会同民政、乡村振兴（扶贫）、残联等部门审批的程序确定改造对象，' +
    '并在村、乡（镇）两级公示不少于7天；房屋危险性由县级住房城乡建设部门组织鉴定，改造结束后组织竣工验收，一户一档录入农村危房改造信息系统。';
  const rebuild = f.rng.int(poverty ? 22 : 25, poverty ? 35 : 40) * 1000;
  const repair = f.rng.int(8, 15) * 1000;
  const uniform = f.rng.chance(0.3);
  const standard = PRIORITY.flatMap((householdCategory, i): { householdCategory: RuralHouseholdCategory; renovationMethod: RuralRenovationMethod | null; yuanPerHousehold: string }[] => {
    // Some 市州 add a little for 建档立卡贫困户 on top of the common standard.
    const bonus = i === 0 && f.rng.chance(0.3) ? 5000 : 0;
    return uniform
      ? [{ householdCategory, renovationMethod: null, yuanPerHousehold: yuan(rebuild + bonus) }]
      : [
          { householdCategory, renovationMethod: RuralRenovationMethod.REBUILD, yuanPerHousehold: yuan(rebuild + bonus) },
          { householdCategory, renovationMethod: RuralRenovationMethod.REPAIR, yuanPerHousehold: yuan(repair) },
        ];
  });
  if (poverty && f.rng.chance(0.5)) {
    standard.push({ householdCategory: RuralHouseholdCategory.ORDINARY, renovationMethod: uniform ? null : RuralRenovationMethod.REBUILD, yuanPerHousehold: yuan(rebuild * 0.6) });
  }
  const factor = levelFactor(f);
  const planned = Math.round(f.rng.logUniform(poverty ? 150 : 40, poverty ? 2500 : 600) * factor);
  const month = monthOf(asOf);
  const share = fullYear ? 0.95 + f.rng.next() * 0.05 : Math.min(1, (Math.max(0, month - 3) / 7) * (0.7 + f.rng.next() * 0.4));
  const completed = fullYear && f.rng.chance(0.7) ? planned : Math.min(planned, Math.round(planned * share));
  return {
    title: f.rng.weighted([
      [poverty ? `${label}${year}年农村危旧房改造政策措施执行情况公开` : `${label}${year}年农村低收入群体等重点对象住房安全保障工作情况公开`, 4],
      [`${label}${year}年农村危房改造任务完成情况公示`, 3],
      [`${label}${year}年农村危房改造补助对象及补助标准公示`, 2],
    ] as const),
    details: {
      year,
      policy,
      subsidyScope,
      targetIdentification,
      subsidyStandard: standard,
      tasksAndCompletion: { planned, completed, asOf },
    },
    parties: [],
  };
};
