import { addDays } from '../../../../kernel/time/calendar-dates.js';
import { PartyRole } from '../../../hub/published.js';
import type { CategoryGenerator } from '../../../../generator/category-generator.js';
import { workday, yuan } from './dates.js';
import { chooseWorks, conditionsText, documentIssue, overviewText, scopeText, submission, tenderCode } from './tender.js';
import { tendererAndProject } from './tenderer.js';

/** 招标公告: documents from the notice day for at least 5 days, bids due at least 20 days on (招标投标法 第二十四条). */
export const tenderNotice: CategoryGenerator = (f) => {
  const { subject: tenderer, project } = tendererAndProject(f);
  const works = chooseWorks(f, project, false);
  const agency = f.subjects.draw(f.rng, 'agency');
  const access = documentIssue(f, f.formedOn, project.regionCode, '招标文件');
  const deadline = workday(addDays(f.formedOn, f.rng.int(20, 28)));
  return {
    title: `${project.name}${works.label}招标公告`,
    amount: yuan(works.ceiling),
    projectCode: tenderCode(f, project, works),
    details: {
      overview: overviewText(project, works),
      conditions: conditionsText(f, project, tenderer, works, '公开招标'),
      scope: scopeText(project, works),
      documentAccess: access,
      submission: submission(f, deadline, project.regionCode),
    },
    parties: [
      { role: PartyRole.TENDERER, subject: tenderer },
      { role: PartyRole.AGENCY, subject: agency },
    ],
  };
};
