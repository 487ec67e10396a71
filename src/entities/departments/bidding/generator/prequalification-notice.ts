import { addDays } from '../../../../kernel/time/calendar-dates.js';
import { PrequalificationMethod } from '../bidding-enums.js';
import { PartyRole } from '../../../hub/published.js';
import type { CategoryGenerator } from '../../../../generator/category-generator.js';
import { workday, yuan } from './dates.js';
import { chooseWorks, conditionsText, documentIssue, overviewText, qualification, scopeText, submission, tenderCode } from './tender.js';
import { tendererAndProject } from './tenderer.js';

/** 资格预审公告: documents on sale at least 5 days, applications due at least 5 days after (实施条例 第十六、十七条). */
export const prequalificationNotice: CategoryGenerator = (f) => {
  const { subject: tenderer, project } = tendererAndProject(f);
  const works = chooseWorks(f, project, false);
  const agency = f.subjects.draw(f.rng, 'agency');
  const sale = documentIssue(f, f.formedOn, project.regionCode, '资格预审文件');
  const deadline = workday(addDays(sale.until.slice(0, 10), f.rng.int(5, 10)));
  const method = f.rng.chance(0.6) ? PrequalificationMethod.LIMITED_NUMBER : PrequalificationMethod.PASS_FAIL;
  const criteria =
    `初步审查标准：申请人名称与营业执照、资质证书、安全生产许可证一致，申请函有法定代表人或其委托代理人签字并加盖单位章，申请文件格式符合要求；` +
    `详细审查标准：营业执照、资质证书及安全生产许可证有效，${qualification(project, works)}` +
    (method === PrequalificationMethod.LIMITED_NUMBER
      ? `资格预审采用有限数量制，通过详细审查的申请人超过${f.rng.pick([7, 9, 11, 13])}名的，按评分标准（财务状况、类似项目业绩、信誉、拟派${works.kind === 'supervision' ? '总监理工程师' : '项目负责人'}资格）由高到低确定通过资格预审的申请人。`
      : `资格预审采用合格制，凡符合初步审查标准和详细审查标准的申请人均通过资格预审。`);
  return {
    title: `${project.name}${works.label}资格预审公告`,
    amount: yuan(works.ceiling),
    projectCode: tenderCode(f, project, works),
    details: {
      overview: overviewText(project, works),
      conditions: conditionsText(f, project, tenderer, works, '公开招标，对投标申请人实行资格预审'),
      scope: scopeText(project, works),
      documentSale: sale,
      applicationSubmission: submission(f, deadline, project.regionCode),
      criteria,
      method,
    },
    parties: [
      { role: PartyRole.TENDERER, subject: tenderer },
      { role: PartyRole.AGENCY, subject: agency },
    ],
  };
};
