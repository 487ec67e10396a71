import { addDays, weekday } from '../../../../kernel/time/calendar-dates.js';
import { HousingProjectType } from '../housing-enums.js';
import type { CategoryGenerator } from '../../../../generator/category-generator.js';
import { sqm } from './helpers.js';
import { projectLabel, regionLabel } from './places.js';
import { makeProject, TYPE_ZH, urban } from './projects.js';
import { AREAS, ESTATE_WORDS } from './words.js';

const ALLOCATED_TYPES: readonly (readonly [HousingProjectType, number])[] = [
  [HousingProjectType.PUBLIC_RENTAL, 60],
  [HousingProjectType.AFFORDABLE_RENTAL, 15],
  [HousingProjectType.SHANTYTOWN_RENOVATION, 12],
  [HousingProjectType.SHARED_OWNERSHIP, 5],
  [HousingProjectType.LOW_RENT, 4],
  [HousingProjectType.ECONOMICAL, 4],
];

const POLICY_RULES: Partial<Record<HousingProjectType, string>> = {
  SHARED_OWNERSHIP: '共有产权住房管理办法（试行）',
  AFFORDABLE_RENTAL: '保障性租赁住房管理办法（试行）',
  ECONOMICAL: '经济适用住房管理办法',
  LOW_RENT: '廉租住房保障办法',
};

export const allocation: CategoryGenerator = (f) => {
  const label = regionLabel(f);
  const where = projectLabel(f, label);
  const type = f.rng.weighted(
    ALLOCATED_TYPES.filter(([t]) => (t === HousingProjectType.AFFORDABLE_RENTAL ? f.year >= 2021 : t === HousingProjectType.LOW_RENT || t === HousingProjectType.ECONOMICAL ? f.year <= 2020 : true)),
  );
  const typeZh = TYPE_ZH[type] === '棚户区改造' ? '棚户区改造安置住房' : TYPE_ZH[type];
  const sources = f.rng.sample(ESTATE_WORDS, f.rng.int(1, 3)).map((word) => {
    const p = makeProject(f, where, type, f.year, Math.round(f.rng.logUniform(urban(where) ? 40 : 12, urban(where) ? 600 : 150)));
    const estate = `${word}${f.rng.pick(['家园', '小区', '花园', '苑', '新村'])}${f.rng.chance(0.3) ? f.rng.pick(['一期', '二期', '三期']) : ''}`;
    return {
      projectName: `${where}${estate}${typeZh}`,
      projectType: type,
      location: p.location,
      units: p.units,
      unitFloorArea: f.rng.chance(0.8) ? sqm(Math.round(p.unitArea * 100) / 100) : null,
    };
  });
  const units = sources.reduce((s, x) => s + x.units, 0);
  const income = f.rng.int(60, 100);
  const recipients =
    type === HousingProjectType.SHANTYTOWN_RENOVATION
      ? `${where}${f.rng.pick(AREAS)}棚户区改造范围内已签订房屋征收补偿安置协议、选择产权调换的被征收户。`
      : type === HousingProjectType.AFFORDABLE_RENTAL
        ? `在${where}无自有住房或住房困难的新市民、青年人，包括新就业大学生、在城镇稳定就业的外来务工人员及城市基本公共服务人员，不设收入线门槛。`
        : `具有${where}城镇户籍，家庭人均可支配收入低于上年度城镇居民人均可支配收入${income}%，在本地无自有住房或人均住房建筑面积低于15平方米的城镇中等偏下收入住房困难家庭；` +
          '新就业无房职工和在城镇稳定就业的外来务工人员；符合条件的城镇最低生活保障家庭、分散供养特困人员优先保障。';
  const held = f.rng.chance(0.6);
  let drawDate = held ? addDays(f.formedOn, -f.rng.int(1, 10)) : addDays(f.formedOn, f.rng.int(10, 30));
  // Lotteries are held on weekdays.
  while (weekday(drawDate) === 0 || weekday(drawDate) === 6) drawDate = addDays(drawDate, held ? -1 : 1);
  const dateZh = `${Number(drawDate.slice(0, 4))}年${Number(drawDate.slice(5, 7))}月${Number(drawDate.slice(8, 10))}日`;
  const resettle = type === HousingProjectType.SHANTYTOWN_RENOVATION;
  const sale = type === HousingProjectType.SHARED_OWNERSHIP || type === HousingProjectType.ECONOMICAL;
  const lottery = !resettle && f.rng.chance(0.7);
  const method = lottery ? '公开摇号' : resettle ? '按签约顺序号公开选房' : '按轮候顺序公开选房';
  const verb = lottery ? '摇中' : '选房';
  const procedure =
    (resettle
      ? '公布安置房源及选房规则→被征收户按签订征收补偿协议的先后确定选房顺序号→公证处监督下现场选房→签订安置房确认书→办理交房手续。'
      : '个人申请→街道办事处（乡镇人民政府）初审并公示→住房保障部门复审→民政、公安、不动产登记等部门联审→公示无异议后纳入轮候→' +
        `${method}→签订${sale ? '购房合同' : '租赁合同'}→办理入住。`) + (held ? '' : `本批次定于${dateZh}${method}。`);
  // For a resettlement batch the "applicants" are the households entitled to choose; nobody is vetted again.
  const applicants = resettle ? Math.round(units * (0.8 + f.rng.next() * 0.3)) : Math.round(units * (1.1 + f.rng.next() * 1.8));
  const qualified = resettle ? null : Math.max(1, Math.round(applicants * (0.7 + f.rng.next() * 0.25)));
  const eligible = qualified ?? applicants;
  const allocated = Math.min(units, eligible);
  const place = `${where}${f.rng.pick(['住房保障服务中心', '政务服务中心', '公共资源交易中心', '人民政府会议室'])}`;
  const process = held
    ? `${dateZh}在${place}${method}，${where}公证处现场公证，纪检监察、人大代表、政协委员及${resettle ? '被征收户' : '申请人'}代表现场监督，全程录像并网络直播。`
    : null;
  const leftover = units > allocated ? `剩余房源${units - allocated}套纳入下批次分配。` : '';
  const result = held
    ? {
        applicantHouseholds: applicants,
        qualifiedHouseholds: qualified,
        allocatedHouseholds: allocated,
        allocatedUnits: allocated,
        summary: resettle
          ? `本批次提供安置房源${units}套，参加选房的被征收户${applicants}户，完成选房${allocated}户、${allocated}套。` +
            (applicants > allocated ? `其余${applicants - allocated}户纳入下批次安置。` : leftover) +
            '选房结果已在项目现场及社区张榜公示。'
          : `本批次共受理申请${applicants}户，经审核合格${qualified}户，${sale ? '配售' : '配租'}房源${units}套，${verb}${allocated}户，` +
            (eligible > allocated ? `未${verb}的${eligible - allocated}户继续轮候。` : leftover) +
            '分配名单已在项目所在社区及住房保障服务窗口张榜公示。',
      }
    : null;
  const batch = f.rng.int(1, 6);
  return {
    title: held ? `${where}${f.year}年第${batch}批${typeZh}分配结果公示` : `${where}${f.year}年第${batch}批${typeZh}分配公告`,
    details: {
      policy:
        type === HousingProjectType.SHANTYTOWN_RENOVATION
          ? `依据《国有土地上房屋征收与补偿条例》《${where}国有土地上房屋征收与补偿实施办法》及本项目房屋征收补偿安置方案，安置房源按签约顺序公开选房，坚持公开、公平、公正。`
          : `依据《${where}${POLICY_RULES[type] ?? '公共租赁住房管理办法'}》及住房保障准入、分配、退出管理有关规定，坚持公开、公平、公正，实行阳光分配。`,
      recipients,
      housingStock: sources,
      procedure,
      process,
      result,
    },
    parties: [],
  };
};
