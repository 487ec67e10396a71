import { addDays, yearOf } from '../../../../kernel/time/calendar-dates.js';
import { ProjectApprovalKind, TenderingMethod, TenderingOrganisation } from '../bidding-enums.js';
import { PartyRole } from '../../../hub/published.js';
import type { CategoryGenerator } from '../../../../generator/category-generator.js';
import { yuan } from './dates.js';
import { levelOf, prefectureOf } from './places.js';
import { approvalDocNo, approvalKind, approvingAuthority, investmentCode, tenderingRules } from './tender.js';
import { tendererAndProject } from './tenderer.js';

/** 招标核准信息: the approving department's 审批/核准/备案 and, for the first two, the approved tendering scheme. */
export const approval: CategoryGenerator = (f) => {
  const { subject: tenderer, project } = tendererAndProject(f);
  const kind = approvalKind(f, project);
  const authority = approvingAuthority(project.regionCode);
  const withBudget = kind === ProjectApprovalKind.EXAMINATION && f.rng.chance(0.75);
  // The feasibility study (and with it the tendering scheme) comes first; the design budget is the latest decision.
  const projectDecidedOn = withBudget ? addDays(f.formedOn, -f.rng.int(30, 240)) : f.formedOn;
  const projectYearNo = yearOf(projectDecidedOn);
  const code = investmentCode(f, project, kind, projectYearNo);
  const highland = ['632600', '632700'].includes(prefectureOf(project.regionCode) ?? '');
  const method = f.rng.chance(highland ? 0.15 : 0.05) ? TenderingMethod.INVITED : TenderingMethod.OPEN;
  const organisation = f.rng.chance(0.15) ? TenderingOrganisation.SELF : TenderingOrganisation.ENTRUSTED;
  const budget = withBudget ? Math.round((project.investment * (0.92 + f.rng.next() * 0.08)) / 100) * 100 : null;
  const parts = project.investment >= 3e7 ? '勘察、设计、施工、监理以及与工程建设有关的重要设备、材料采购' : '施工、监理以及与工程建设有关的重要设备、材料采购';
  const scope =
    method === TenderingMethod.INVITED
      ? `本项目${parts}中达到${tenderingRules(projectDecidedOn)}规模标准的，均须招标。${
          highland ? '项目地处高海拔地区，受自然环境限制只有少量潜在投标人可供选择' : '项目技术复杂、有特殊要求，只有少量潜在投标人可供选择'
        }，依据《中华人民共和国招标投标法实施条例》第八条核准采用邀请招标。`
      : `本项目${parts}中达到${tenderingRules(projectDecidedOn)}规模标准的，全部公开招标，招标公告在青海省公共资源交易网发布。`;
  const title =
    kind === ProjectApprovalKind.FILING
      ? `${project.name}备案信息`
      : kind === ProjectApprovalKind.CONFIRMATION
        ? `关于核准${project.name}的批复`
        : `关于${project.name}招标范围、招标方式和招标组织形式的核准意见`;
  return {
    title,
    amount: budget === null ? null : yuan(budget),
    projectCode: code,
    details: {
      projectApproval: {
        kind,
        documentNo: kind === ProjectApprovalKind.FILING ? code : approvalDocNo(f, project.regionCode, projectYearNo, kind, project.sector),
        decidedOn: projectDecidedOn,
        authority: authority.name,
      },
      designBudgetApproval:
        budget === null
          ? null
          : {
              documentNo: `${authority.abbr}${levelOf(project.regionCode) === 'COUNTY' ? '' : '投资'}〔${f.year}〕${f.rng.int(1, 480)}号`,
              approvedOn: f.formedOn,
              approvedBudget: yuan(budget),
            },
      scopeMethodOrganization:
        kind === ProjectApprovalKind.FILING
          ? null
          : {
              scope,
              method,
              organisation,
            },
    },
    parties: [{ role: PartyRole.TENDERER, subject: tenderer }],
  };
};
