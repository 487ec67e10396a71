import { addDays } from '../../../../kernel/time/calendar-dates.js';
import { ConstructionAcceptanceGrade } from '../bidding-enums.js';
import { PartyRole } from '../../../hub/published.js';
import type { CategoryGenerator } from '../../../../generator/category-generator.js';
import { bidPrice, builderFit, drawBuilders } from './bids.js';
import { daysBetween, outOfWinter, yuan } from './dates.js';
import { chooseWorks, tenderCode } from './tender.js';
import { projectYear, tendererAndProject } from './tenderer.js';

const PHASES: Record<string, readonly string[]> = {
  building: ['基础工程施工', '主体结构施工', '二次结构及安装工程施工', '装饰装修及室外附属工程施工'],
  road: ['路基土石方及防护工程施工', '桥涵工程施工', '路面基层施工', '沥青面层及交通安全设施施工'],
  water: ['施工导流及基础开挖', '堤防填筑及护岸砌筑', '渠系及穿堤建筑物施工', '附属工程及场地清理'],
  other: ['施工准备及土方工程', '主体工程施工', '配套设施安装', '收尾工程及竣工资料整理'],
};

/**
 * 合同订立及履行: the contract as signed (formedOn), or the works under way
 * or completed as of formedOn; nothing dated after it.
 */
export const contractPerformance: CategoryGenerator = (f) => {
  const stage = f.rng.weighted([['signed', 30], ['building', 45], ['done', 25]] as const);
  const { subject: tenderer, project } = tendererAndProject(f);
  const works = chooseWorks(f, project, true);
  const [contractor] = drawBuilders(f, 1, builderFit(project));
  const price = yuan(bidPrice(f, works.ceiling));
  let signedOn = f.formedOn;
  let startedOn: string | null = null;
  let completedOn: string | null = null;
  let acceptanceGrade: ConstructionAcceptanceGrade | null = null;
  let percent = 0;
  let note: string;
  const phases = PHASES[['education', 'health', 'public', 'housing', 'realEstate'].includes(project.sector) ? 'building' : project.sector === 'road' ? 'road' : project.sector === 'water' ? 'water' : 'other']!;
  if (stage === 'signed') {
    note = '合同已签订，施工单位正在办理施工许可及进场准备，尚未开工';
  } else if (stage === 'building') {
    startedOn = outOfWinter(f.rng, addDays(f.formedOn, -f.rng.int(20, Math.max(30, Math.round(works.days * 1.1)))));
    const elapsed = daysBetween(startedOn, f.formedOn);
    signedOn = addDays(startedOn, -f.rng.int(5, 40));
    percent = Math.min(97, Math.max(2, Math.round((elapsed / works.days) * 100 * (0.7 + f.rng.next() * 0.35))));
    const month = Number(f.formedOn.slice(5, 7));
    const winter = month === 12 || month <= 2 || (month === 3 && Number(f.formedOn.slice(8, 10)) < 15);
    const phase = phases[Math.min(3, Math.floor(percent / 25))]!;
    const winterYear = month === 12 ? f.year : f.year - 1;
    const late = elapsed > works.days ? '，工期滞后，已督促承包人增加施工力量' : '';
    note = winter
      ? `冬季停工（${winterYear}年11月15日至${winterYear + 1}年3月15日），停工前已完成形象进度${percent}%，处于${phase}阶段${late}`
      : `正在进行${phase}，已完成形象进度${percent}%${late}`;
  } else {
    completedOn = addDays(f.formedOn, -f.rng.int(0, 60));
    startedOn = outOfWinter(f.rng, addDays(completedOn, -Math.round(works.days * (0.9 + f.rng.next() * 0.5))));
    signedOn = addDays(startedOn, -f.rng.int(5, 40));
    percent = 100;
    const accepted = f.rng.chance(0.85);
    acceptanceGrade = accepted ? (f.rng.chance(0.98) ? ConstructionAcceptanceGrade.PASSED : ConstructionAcceptanceGrade.FAILED) : null;
    note = !accepted
      ? '工程已完工，竣工验收正在组织中'
      : acceptanceGrade === ConstructionAcceptanceGrade.PASSED
        ? '工程已竣工并通过竣工验收，进入缺陷责任期'
        : '竣工验收不合格，承包人正在整改';
  }
  // The project carries the year it was let, not this report's.
  project.name = project.name.replace(/20\d\d年/, `${projectYear(f, signedOn)}年`);
  const contractForm = works.kind === 'epc' ? '总价合同' : f.rng.pick(['单价合同', '单价合同', '总价合同']);
  const mainTerms =
    `合同名称：${project.name}${works.label}合同；工程内容：${project.content}；签约合同价：${price}元（${contractForm}）；` +
    `计划工期：${works.days}日历天；质量标准：合格；` +
    `付款方式：按月支付进度款，支付比例为已完成工程价款的${f.rng.pick([70, 75, 80, 85])}%，竣工结算后支付至结算价款的97%；质量保证金：结算价款的3%，缺陷责任期${f.rng.pick([12, 24])}个月。`;
  return {
    title: `${project.name}${works.label}合同订立及履行情况`,
    amount: price,
    projectCode: tenderCode(f, project, works),
    details: {
      mainTerms,
      contractPrice: price,
      signedOn,
      startedOn,
      progress: { percent, asOf: f.formedOn, note },
      completedOn,
      acceptanceGrade,
    },
    parties: [
      { role: PartyRole.TENDERER, subject: tenderer },
      { role: PartyRole.CONTRACTOR, subject: contractor! },
    ],
  };
};
