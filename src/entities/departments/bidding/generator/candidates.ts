import { addDays } from '../../../../kernel/time/calendar-dates.js';
import { PartyRole } from '../../../hub/published.js';
import type { CategoryGenerator, GeneratedParty } from '../../../../generator/category-generator.js';
import { personName } from '../../../../generator/names.js';
import { bidPrice, builderFit, drawBuilders } from './bids.js';
import { workday, yuan } from './dates.js';
import { phone, PROVINCE } from './places.js';
import { chooseWorks, tenderCode } from './tender.js';
import { tendererAndProject } from './tenderer.js';

/**
 * 中标候选人公示 (实施条例 第五十四条): the tenderer publishes the candidates
 * within 3 days of receiving the evaluation report, for at least 3 days. The
 * information is formed when the report is received, so that is formedOn (the
 * 3-day clock runs from it); the publicity period starts on publication.
 */
export const candidates: CategoryGenerator = (f) => {
  const { subject: tenderer, project } = tendererAndProject(f);
  const works = chooseWorks(f, project, true);
  const k = f.rng.weighted([[3, 88], [2, 12]] as const);
  const builders = drawBuilders(f, k, builderFit(project));
  let prices = builders.map(() => bidPrice(f, works.ceiling));
  // 经评审的最低投标价法 ranks by price; under 综合评估法 the cheapest need not come first.
  if (f.rng.chance(0.55)) prices = [...prices].sort((a, b) => a - b);
  const object = `${project.name}${works.label}`;
  const list = builders.map((b, i) => ({
    rank: i + 1,
    creditCode: b.creditCode,
    object,
    bidPrice: yuan(prices[i]!),
    projectManager: personName(f.rng),
  }));
  const received = f.formedOn;
  const publicityDays = f.rng.int(3, 4);
  const agency = f.rng.chance(0.85) ? f.subjects.draw(f.rng, 'agency') : null;
  const objectionChannel =
    `投标人或者其他利害关系人对评标结果有异议的，应当在中标候选人公示期间以书面形式向招标人${agency ? '或招标代理机构' : ''}提出，异议书须由法定代表人或其授权代理人签字并加盖单位公章，并附有关证明材料。` +
    `招标人：${tenderer.name}，联系人：${personName(f.rng)}，电话：${phone(f.rng, project.regionCode)}。` +
    (agency ? `招标代理机构：${agency.name}，联系人：${personName(f.rng)}，电话：${phone(f.rng, agency.regionCode ?? PROVINCE)}。` : '');
  const parties: GeneratedParty[] = [
    { role: PartyRole.TENDERER, subject: tenderer },
    ...builders.map((b, i) => ({ role: PartyRole.CANDIDATE, subject: b, rank: i + 1 })),
  ];
  const details: Record<string, unknown> = { candidates: list, objectionChannel, evaluationReportReceivedOn: received };
  return {
    title: `${object}中标候选人公示`,
    amount: list[0]!.bidPrice,
    projectCode: tenderCode(f, project, works),
    details,
    parties,
    onTiming(publishedOn) {
      // Not yet published: the period planned to start on the last day allowed.
      const from = publishedOn ?? addDays(received, 3);
      details.publicityFrom = from;
      details.publicityUntil = workday(addDays(from, publicityDays));
    },
  };
};
