import type { GeneratedSubject } from '../../../../generator/subjects.js';
import { areaLots, buildingLots, floorArea, storeys, type BuildingSector, type Project, type ProjectSite } from './project.js';

/** The project of a building sector: a school, a hospital, housing, a public building or an estate. */
export function buildingProject(t: GeneratedSubject, sector: BuildingSector, { rng, area, Y, gov, invest, base }: ProjectSite): Project {
  switch (sector) {
    case 'education': {
      if (/教育局/.test(t.name) && rng.chance(0.35)) {
        const inv = invest(5e6, 1.2e8);
        const floor = floorArea(rng, inv, 3800, 5200);
        return {
          ...base,
          name: `${area}${Y}${rng.pick(['薄弱学校改造', '学前教育', '义务教育学校改善办学条件', '教育基础设施建设'])}项目`,
          investment: inv,
          content: `改扩建学校${rng.int(3, 15)}所，新建及改造校舍建筑面积${floor}平方米，配套建设运动场、供暖及室外附属工程`,
          industry: '83',
          fund: gov(['中央预算内投资及地方配套资金', '中央财政补助资金', '省级财政资金']),
          lotPart: areaLots,
        };
      }
      const school = /中学|小学|学校/.test(t.name)
        ? t.name
        : `${area}${rng.pick(['第二中学', '第三中学', '民族中学', '第一小学', '实验小学', '第二幼儿园', '寄宿制小学', '职业技术学校'])}`;
      const [building, max] = rng.pick([
        ['综合教学楼', 1.2e8],
        ['学生宿舍楼', 8e7],
        ['学生食堂', 3e7],
        ['图书实验综合楼', 6e7],
        ['风雨操场', 2e7],
        ['教学楼及附属用房', 1e8],
      ] as const);
      const inv = invest(5e6, max);
      const floor = floorArea(rng, inv, 3800, 5200);
      return {
        ...base,
        name: `${school}${building}建设项目`,
        investment: inv,
        content: `新建${building}，总建筑面积${floor}平方米，地上${storeys(rng, floor, 6)}层，框架结构，配套建设室外给排水、供暖、消防及场地硬化等附属工程`,
        industry: '83',
        fund: gov(['中央预算内投资', '地方政府专项债券资金', '省级财政资金', '财政资金']),
        lotPart: buildingLots(rng),
      };
    }
    case 'health': {
      if (/卫生健康局/.test(t.name) && rng.chance(0.3)) {
        const inv = invest(3e6, 4e7);
        return {
          ...base,
          name: `${area}${Y}乡镇卫生院标准化建设项目`,
          investment: inv,
          content: `新建（改扩建）乡镇卫生院${rng.int(2, 9)}所，总建筑面积${floorArea(rng, inv, 3500, 4800)}平方米，配套建设室外工程及医疗废物暂存间`,
          industry: '84',
          fund: gov(['中央预算内投资', '省级财政资金', '中央预算内投资及地方配套资金']),
        };
      }
      const hospital = /医院|妇幼|疾病预防/.test(t.name) ? t.name : `${area}${rng.pick(['人民医院', '中医院', '藏医院', '妇幼保健院'])}`;
      const [building, max] = /疾病预防/.test(hospital)
        ? rng.pick([['业务综合楼', 1e8], ['生物安全二级实验室', 3e7]] as const)
        : rng.pick([
            ['门急诊综合楼', 4.5e8],
            ['住院综合楼', 4.5e8],
            ['医技综合楼', 2.5e8],
            ['感染性疾病科业务用房', 8e7],
            ['发热门诊及传染病区', 1.2e8],
            ['综合业务楼', 1.5e8],
          ] as const);
      const inv = invest(8e6, max);
      const floor = floorArea(rng, inv, 4500, 6500);
      const beds = building.includes('住院') || building.includes('传染病区') ? `，设置床位${Math.round(floor / 90 / 10) * 10}张` : '';
      return {
        ...base,
        name: `${hospital}${building}建设项目`,
        investment: inv,
        content: `新建${building}，总建筑面积${floor}平方米，地上${storeys(rng, floor, 16)}层、地下1层，${floor > 15000 ? '框架剪力墙' : '框架'}结构${beds}，配套建设医用气体、净化及室外附属工程`,
        industry: '84',
        fund: gov(['中央预算内投资', '地方政府专项债券资金', '中央预算内投资及地方配套资金', '单位自筹及财政资金']),
        lotPart: buildingLots(rng),
      };
    }
    case 'housing': {
      const kind = /棚户区改造/.test(t.name)
        ? 'shanty'
        : rng.weighted([['old', 45], ['shanty', 20], ['rental', 15], ['rural', 20]] as const);
      if (kind === 'old') {
        const inv = invest(5e6, 3e8);
        const households = Math.max(100, Math.round(inv / rng.int(20_000, 50_000)));
        return {
          ...base,
          name: `${area}${Y}老旧小区改造工程`,
          investment: inv,
          content: `改造老旧小区${Math.max(2, Math.round(households / rng.int(120, 400)))}个，涉及住户${households}户，主要包括屋面防水、外墙保温、给排水及供暖管网改造、小区道路及配套设施建设`,
          industry: '47',
          fund: gov(['中央预算内投资及地方配套资金', '中央财政城镇保障性安居工程补助资金', '地方政府专项债券资金']),
        };
      }
      if (kind === 'shanty' || kind === 'rental') {
        const inv = invest(kind === 'shanty' ? 3e7 : 2e7, kind === 'shanty' ? 8e8 : 2.5e8);
        const floor = floorArea(rng, inv, 2600, 3600);
        const units = Math.round(floor / (kind === 'shanty' ? rng.int(85, 105) : rng.int(45, 60)));
        return {
          ...base,
          name: `${area}${Y}${kind === 'shanty' ? '棚户区改造项目' : '公共租赁住房建设项目'}`,
          investment: inv,
          content: `新建${kind === 'shanty' ? '安置住房' : '公共租赁住房'}${units}套，总建筑面积${floor}平方米，配套建设水、电、暖、燃气及小区道路等基础设施`,
          industry: '47',
          fund: gov(['中央财政城镇保障性安居工程补助资金及地方配套资金', '地方政府专项债券资金', '棚改专项贷款及财政资金']),
          lotPart: buildingLots(rng),
        };
      }
      return {
        ...base,
        name: `${area}${Y}农牧民居住条件改善工程`,
        investment: invest(5e6, 6e7),
        content: `改造农牧民危旧房${rng.int(200, 3000)}户，配套实施抗震加固及庭院整治`,
        industry: '47',
        fund: gov(['中央财政农村危房改造补助资金', '省级财政资金']),
      };
    }
    case 'public': {
      let name: string;
      if (/公安局/.test(t.name)) name = `${t.name}${rng.pick(['业务技术用房', '执法办案中心', '指挥中心'])}建设项目`;
      else if (/广播电视台/.test(t.name)) name = `${t.name}融媒体中心建设项目`;
      else if (/图书馆/.test(t.name)) name = `${t.name}新馆建设项目`;
      else name = `${area}${rng.pick(['全民健身中心', '文化馆', '综合档案馆', '政务服务中心', '青少年活动中心', '养老服务中心', '游客服务中心'])}建设项目`;
      const inv = invest(8e6, 1.5e8);
      const floor = floorArea(rng, inv, 4000, 6000);
      return {
        ...base,
        name,
        investment: inv,
        content: `总建筑面积${floor}平方米，地上${storeys(rng, floor, 12)}层，框架结构，配套建设室外道路、停车场、绿化及给排水、供暖工程`,
        industry: '91',
        fund: gov(['中央预算内投资', '地方政府专项债券资金', '财政资金']),
        lotPart: buildingLots(rng),
      };
    }
    case 'realEstate': {
      const inv = invest(5e7, 1.2e9);
      const floor = floorArea(rng, inv, 2400, 3400);
      const estate = `${rng.pick(['河畔', '湟水', '昆仑', '雪域', '锦绣', '阳光', '金色', '滨河', '东城', '御景', '雅居', '海湖'])}${rng.pick(['花园', '家园', '名苑', '华府', '雅苑', '新城', '公馆', '府'])}`;
      return {
        ...base,
        government: false,
        name: `${area}${estate}${rng.pick(['', '（一期）', '（二期）', '三期'])}建设项目`,
        investment: inv,
        content: `总建筑面积${floor}平方米，建设住宅楼${Math.max(2, Math.round(floor / rng.int(8000, 15000)))}栋共${Math.round((floor * 0.8) / rng.int(95, 125))}套，配套建设地下车库、商业用房及室外附属工程`,
        industry: '70',
        fund: rng.pick(['企业自筹', '企业自筹及银行贷款']),
        lotPart: buildingLots(rng),
      };
    }
  }
}
