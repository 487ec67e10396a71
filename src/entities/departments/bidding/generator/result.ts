import { PartyRole } from '../../../hub/published.js';
import type { CategoryGenerator } from '../../../../generator/category-generator.js';
import { bidPrice, builderFit, drawBuilders } from './bids.js';
import { yuan } from './dates.js';
import { phone } from './places.js';
import { chooseWorks, supervisor, tenderCode } from './tender.js';
import { tendererAndProject } from './tenderer.js';

/** 中标结果公告: the winner and its price; complaints within 10 days (实施条例 第六十条). */
export const result: CategoryGenerator = (f) => {
  const { subject: tenderer, project } = tendererAndProject(f);
  const works = chooseWorks(f, project, true);
  const [winner] = drawBuilders(f, 1, builderFit(project));
  const winningBid = yuan(bidPrice(f, works.ceiling));
  const authority = supervisor(f, project);
  return {
    title: `${project.name}${works.label}中标结果公告`,
    amount: winningBid,
    projectCode: tenderCode(f, project, works),
    details: {
      winningBid,
      complaintChannel: `${authority}（本项目行政监督部门），电话：${phone(f.rng, project.regionCode)}`,
      complaintMethod:
        '书面投诉：投标人或者其他利害关系人认为招标投标活动不符合法律、行政法规规定的，可以自知道或者应当知道之日起10日内向行政监督部门投诉，投诉书应当有明确的请求和必要的证明材料；对评标结果的投诉，应当先向招标人提出异议。',
    },
    parties: [
      { role: PartyRole.WINNER, subject: winner! },
      { role: PartyRole.TENDERER, subject: tenderer },
    ],
  };
};
