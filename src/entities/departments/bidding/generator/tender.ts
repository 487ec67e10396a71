import { addDays, yearOf } from '../../../../kernel/time/calendar-dates.js';
import { BidSubmissionMethod, ProjectApprovalKind } from '../bidding-enums.js';
import type { RecordFrame } from '../../../../generator/category-generator.js';
import type { GeneratedSubject } from '../../../../generator/subjects.js';
import { at, workday, yuan } from './dates.js';
import { areaOf, levelOf, REGIONS, tradingCentre } from './places.js';
import type { Project } from './project.js';
import { DESIGN_QUAL, type Sector, SPECIALITY, SUPERVISION_QUAL } from './sectors.js';
import { CN, DOC_ABBR } from './words.js';

type WorksKind = 'construction' | 'supervision' | 'design' | 'epc';

export interface Works {
  kind: WorksKind;
  /** 施工, 监理, 勘察设计, EPC总承包 (+ 二标段). */
  label: string;
  lot: number;
  lots: number;
  /** 最高投标限价（元）. */
  ceiling: number;
  /** 工期 or 服务期（日历天）. */
  days: number;
}

/** Chooses the tender of the project; `buildersOnly` keeps to works won by construction firms. */
export function chooseWorks(f: RecordFrame, project: Project, buildersOnly: boolean): Works {
  const { rng } = f;
  const inv = project.investment;
  const options: [WorksKind, number][] = [['construction', 72]];
  if (!buildersOnly && inv >= 6e7) options.push(['supervision', 14], ['design', 8]);
  if (inv >= 5e7 && project.government) options.push(['epc', buildersOnly ? 10 : 6]);
  const kind = rng.weighted(options);
  let estimate: number;
  let lots = 1;
  if (kind === 'construction') {
    estimate = inv * (0.6 + rng.next() * 0.25);
    if (estimate > 3e8) lots = rng.int(2, 5);
    else if (estimate > 8e7) lots = rng.weighted([[1, 55], [2, 30], [3, 15]] as const);
  } else if (kind === 'supervision') estimate = inv * (0.012 + rng.next() * 0.013);
  else if (kind === 'design') estimate = inv * (0.025 + rng.next() * 0.02);
  else estimate = inv * (0.8 + rng.next() * 0.1);
  const lot = rng.int(1, lots);
  const ceiling = Math.round((estimate / lots) * (0.85 + rng.next() * 0.3) * 100) / 100;
  const buildDays = Math.round((60 + 100 * Math.log10(Math.max(ceiling, 1e6) / 1e6) * (0.9 + rng.next() * 0.5)) / 10) * 10;
  const days = kind === 'design' ? rng.int(3, 12) * 10 : kind === 'supervision' ? buildDays + 365 : buildDays;
  const labels: Record<WorksKind, string> = { construction: '施工', supervision: '监理', design: '勘察设计', epc: 'EPC总承包' };
  return { kind, label: `${labels[kind]}${lots > 1 ? `${CN[lot - 1]}标段` : ''}`, lot, lots, ceiling, days };
}

/** 招标项目（标段）编号 on the trading platform. */
export function tenderCode(f: RecordFrame, project: Project, works: Works): string {
  return `E${project.regionCode}${f.year}${f.rng.digits(5)}${String(works.lot).padStart(3, '0')}`;
}

/** 投资项目代码: year, region, industry, 01 审批 / 02 核准 / 03 备案, serial. */
export function investmentCode(f: RecordFrame, project: Project, kind: ProjectApprovalKind, year: number): string {
  const type = kind === ProjectApprovalKind.EXAMINATION ? '01' : kind === ProjectApprovalKind.CONFIRMATION ? '02' : '03';
  return `${year}-${project.regionCode}-${project.industry}-${type}-${f.rng.digits(6)}`;
}

export function approvalKind(f: RecordFrame, project: Project): ProjectApprovalKind {
  if (project.government) return ProjectApprovalKind.EXAMINATION;
  if (project.sector === 'realEstate') return ProjectApprovalKind.FILING;
  return f.rng.chance(0.8) ? ProjectApprovalKind.CONFIRMATION : ProjectApprovalKind.FILING;
}

/** The 发展改革 department that approves a project of the region, and its 文号 prefix. */
export function approvingAuthority(regionCode: string): { name: string; abbr: string } {
  const level = levelOf(regionCode);
  if (level === 'PROVINCE') return { name: '青海省发展和改革委员会', abbr: '青发改' };
  if (level === 'PREFECTURE') return { name: `${areaOf(regionCode)}发展和改革委员会`, abbr: `${DOC_ABBR[regionCode] ?? '青'}发改` };
  const county = REGIONS.get(regionCode)!.name;
  const short = areaOf(regionCode).replace(/^(西宁市|海东市)/, '').replace(/(县|市|区|行委)$/, '');
  return { name: `${areaOf(regionCode)}发展和改革局`, abbr: `${short || county}发改` };
}

export function approvalDocNo(f: RecordFrame, regionCode: string, year: number, kind: ProjectApprovalKind, sector: Sector): string {
  const { abbr } = approvingAuthority(regionCode);
  const county = levelOf(regionCode) === 'COUNTY';
  const series =
    kind === ProjectApprovalKind.CONFIRMATION
      ? '投资'
      : ['education', 'health', 'public'].includes(sector)
        ? f.rng.pick(['社会', '投资'])
        : ['agri', 'forestry', 'water', 'land'].includes(sector)
          ? f.rng.pick(['农经', '投资'])
          : f.rng.pick(['投资', '审批']);
  return `${abbr}${county ? '' : series}〔${year}〕${f.rng.int(1, county ? 260 : 480)}号`;
}

/** 必须招标的工程项目规定 (国家发展改革委令第16号) took effect on 2018-06-01. */
export function tenderingRules(date: string): string {
  return date >= '2018-06-01' ? '《必须招标的工程项目规定》（国家发展改革委令第16号）' : '《工程建设项目招标范围和规模标准规定》（国家计委令第3号）';
}

function grade(ceiling: number): '一级' | '二级' | '三级' {
  return ceiling >= 1e8 ? '一级' : ceiling >= 2e7 ? '二级' : '三级';
}

/** 投标人资格要求 of the works. */
export function qualification(project: Project, works: Works): string {
  const speciality = SPECIALITY[project.sector];
  const g = grade(works.ceiling);
  const common = '近三年财务状况良好，具有类似工程业绩，未被列入失信被执行人名单、重大税收违法失信主体名单及招标投标领域严重失信主体名单。';
  if (works.kind === 'supervision') {
    const top = works.ceiling >= 3e6 || speciality === '公路工程' ? '甲级' : '乙级';
    return `具备工程监理综合资质或${SUPERVISION_QUAL[speciality]}${top}及以上资质；拟派总监理工程师须具备${speciality === '水利水电工程' ? '水利工程建设' : ''}注册监理工程师执业资格。${common}`;
  }
  if (works.kind === 'design') {
    return `具备工程设计${DESIGN_QUAL[speciality]}乙级及以上资质和工程勘察专业类岩土工程（勘察）乙级及以上资质；拟派项目负责人须具备相应专业注册执业资格。${common}`;
  }
  const builder = `具备${speciality}施工总承包${g}及以上资质，具有有效的安全生产许可证；拟派项目经理须具备${speciality}专业${g === '一级' ? '一级' : '二级及以上'}注册建造师执业资格，持有有效的安全生产考核合格证书（B证），且未担任其他在建工程项目的项目经理`;
  if (works.kind === 'epc') return `${builder}；同时具备工程设计${DESIGN_QUAL[speciality]}乙级及以上资质（接受设计、施工单位组成联合体投标）。${common}`;
  return `${builder}。${common}`;
}

export function scopeText(project: Project, works: Works): string {
  const split = works.lots > 1 ? `本项目施工共划分为${works.lots}个标段，本次招标为${CN[works.lot - 1]}标段（${project.lotPart(works.lot)}）。` : '';
  switch (works.kind) {
    case 'construction':
      return `${split}${project.name}施工图纸及工程量清单范围内的全部工程内容，包括${project.content.replace(/^新建/, '')}，以及缺陷责任期内的缺陷修复和保修工作。`;
    case 'supervision':
      return `${project.name}施工准备阶段、施工阶段及缺陷责任期的全过程监理服务，包括质量、进度、投资控制，合同、信息管理，以及安全生产管理的监理工作和组织协调。`;
    case 'design':
      return `${project.name}的工程勘察（初步勘察、详细勘察）、初步设计及概算编制、施工图设计，以及施工期间的设计交底、现场配合等后续服务。`;
    case 'epc':
      return `${project.name}的施工图设计、设备材料采购、施工、竣工验收及缺陷责任期保修等工程总承包工作，具体以发包人要求为准。`;
  }
}

export function overviewText(project: Project, works: Works): string {
  const period = works.kind === 'design' ? '设计周期' : works.kind === 'supervision' ? '监理服务期' : '计划工期';
  return `建设地点：${project.location}；建设规模：${project.content}；项目总投资：${(project.investment / 10_000).toFixed(2)}万元；${period}：${works.days}日历天；本标段最高投标限价：${yuan(works.ceiling)}元。`;
}

export function conditionsText(f: RecordFrame, project: Project, tenderer: GeneratedSubject, works: Works, method: string): string {
  const year = yearOf(f.formedOn) - (f.rng.chance(0.4) ? 1 : 0);
  const kind = approvalKind(f, project);
  const authority = approvingAuthority(project.regionCode).name;
  const approved =
    kind === ProjectApprovalKind.FILING
      ? `已在${authority}备案（项目代码：${investmentCode(f, project, kind, year)}）`
      : `已由${authority}以${approvalDocNo(f, project.regionCode, year, kind, project.sector)}${kind === ProjectApprovalKind.CONFIRMATION ? '核准' : '批准建设'}`;
  const work = { construction: '施工', supervision: '施工监理', design: '勘察设计', epc: '工程总承包' }[works.kind];
  const joint = works.kind === 'epc' ? '' : f.rng.chance(0.8) ? '本次招标不接受联合体投标。' : '本次招标接受联合体投标。';
  return `本招标项目${project.name}${approved}，项目业主为${tenderer.name}，建设资金来自${project.fund}，项目出资比例为100%，招标人为${tenderer.name}。项目已具备招标条件，现对该项目的${work}进行${method}。投标人资格要求：${qualification(project, works)}${joint}`;
}

/** 文件获取: at least 5 days (实施条例 第十六条), online and free since the platform took over. */
export function documentIssue(f: RecordFrame, start: string, regionCode: string, what: string) {
  const onSite = f.year <= 2019 && f.rng.chance(f.year === 2018 ? 0.45 : 0.15);
  const until = workday(addDays(start, f.rng.int(5, 7)));
  return {
    from: at(start, f.rng.pick(['08:30', '09:00'])),
    until: at(until, f.rng.pick(['17:00', '17:30', '18:00'])),
    method: onSite
      ? `持单位介绍信、营业执照副本及资质证书复印件（加盖公章）到${tradingCentre(regionCode)}现场购买${what}`
      : `凭CA数字证书登录青海省公共资源交易网（www.qhggzyjy.gov.cn）免费下载${what}电子版`,
    place: onSite ? `${tradingCentre(regionCode)}${f.rng.pick(['一楼', '二楼'])}交易服务大厅` : null,
    price: onSite ? f.rng.money(200, 1000, 100) : null,
  };
}

export function submission(f: RecordFrame, deadline: string, regionCode: string) {
  const method =
    f.year >= 2020
      ? f.rng.weighted([[BidSubmissionMethod.ONLINE, 88], [BidSubmissionMethod.ONLINE_AND_ON_SITE, 12]] as const)
      : f.rng.weighted([
          [BidSubmissionMethod.ON_SITE, f.year === 2018 ? 45 : 15],
          [BidSubmissionMethod.ONLINE_AND_ON_SITE, 35],
          [BidSubmissionMethod.ONLINE, f.year === 2018 ? 20 : 50],
        ] as const);
  return {
    deadline: at(deadline, f.rng.pick(['09:00', '09:30', '10:00', '14:30'])),
    method,
    place: method === BidSubmissionMethod.ONLINE ? null : `${tradingCentre(regionCode)}${f.rng.pick(['第一', '第二', '第三', '第四'])}开标室`,
  };
}

// ---------------------------------------------------------------- supervising departments

/** 行政监督部门 of the works, by sector, level and the 2019 reorganisation of Qinghai's departments. */
export function supervisor(f: RecordFrame, project: Project): string {
  const old = f.year <= 2018;
  const province = levelOf(project.regionCode) === 'PROVINCE';
  if (province && old && f.rng.chance(0.3)) return '青海省公共资源交易监督管理局';
  const names: Record<string, readonly [string, string]> = {
    building: ['住房和城乡建设厅', '住房和城乡建设局'],
    road: ['交通运输厅', '交通运输局'],
    water: ['水利厅', '水利局'],
    agri: old ? ['农牧厅', '农牧局'] : ['农业农村厅', '农业农村局'],
    forestry: old ? ['林业厅', '林业局'] : ['林业和草原局', '林业和草原局'],
    land: old ? ['国土资源厅', '国土资源局'] : ['自然资源厅', '自然资源局'],
  };
  const key = ['road', 'water', 'agri', 'forestry', 'land'].includes(project.sector) ? project.sector : 'building';
  const [provincial, local] = names[key]!;
  return province ? `青海省${provincial}` : `${areaOf(project.regionCode)}${local}`;
}
