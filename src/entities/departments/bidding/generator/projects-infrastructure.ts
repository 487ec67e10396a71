import { PROVINCE } from './places.js';
import type { Sector } from './sectors.js';
import { CN, NATIONAL_ROADS, PROVINCIAL_WATER, RIVERS, TOWN_STREETS, XINING_CITY, XINING_STREETS } from './words.js';
import { stakeLots, type BuildingSector, type Project, type ProjectSite } from './project.js';

/** The project of an infrastructure sector: roads, water, farming, forestry, land, municipal works, the environment. */
export function infrastructureProject(
  sector: Exclude<Sector, BuildingSector>,
  { rng, area, prefecture, regionCode, Y, gov, invest, base }: ProjectSite,
): Project {
  switch (sector) {
    case 'road': {
      if (regionCode === PROVINCE) {
        const [route, segment] = rng.pick(NATIONAL_ROADS);
        const km = rng.int(18, 120);
        const maintenance = rng.chance(0.35);
        const firstClass = !maintenance && rng.chance(0.3);
        const inv = Math.round((km * rng.logUniform(maintenance ? 2e6 : 1.2e7, maintenance ? 5e6 : 3.2e7)) / 10_000) * 10_000;
        return {
          ...base,
          location: `${route}线${segment}段沿线`,
          name: `${route}线${segment}段公路${maintenance ? '养护大中修工程' : rng.pick(['改建工程', '改扩建工程'])}`,
          investment: inv,
          content: maintenance
            ? `路段全长${km}公里，主要实施病害处治、沥青混凝土路面罩面及交通安全设施完善`
            : `路线全长${km}公里，采用${firstClass ? '一级' : '二级'}公路标准，设计速度${firstClass ? 80 : 60}公里/小时，路基宽度${firstClass ? '24.5' : '12'}米，沥青混凝土路面，全线设大中桥${rng.int(2, 15)}座、涵洞${rng.int(30, 160)}道`,
          industry: '54',
          fund: maintenance ? '车购税资金及省级配套资金' : gov(['车购税资金及省级配套资金', '中央车购税资金、地方政府专项债券及银行贷款']),
          lotPart: stakeLots(rng, km / 3),
        };
      }
      const kind = rng.weighted([['build', 55], ['safety', 25], ['bridge', 20]] as const);
      if (kind === 'build') {
        const km = rng.int(8, 120);
        return {
          ...base,
          name: `${area}${Y}农村公路${rng.pick(['建设', '提质改造', '通村硬化'])}项目`,
          investment: Math.round((km * rng.logUniform(6e5, 1.8e6)) / 10_000) * 10_000,
          content: `建设农村公路${km}公里，路基宽度${rng.pick(['4.5', '5.5', '6.5', '7.5'])}米，${rng.pick(['水泥混凝土', '沥青混凝土'])}路面，配套建设涵洞及安全防护设施`,
          industry: '54',
          fund: gov(['车购税资金及地方配套资金', '中央车购税资金', '地方政府专项债券资金']),
          lotPart: stakeLots(rng, km / 3),
        };
      }
      if (kind === 'safety') {
        return {
          ...base,
          name: `${area}${Y}农村公路安全生命防护工程`,
          investment: invest(3e6, 3e7),
          content: `实施农村公路安全生命防护工程${rng.int(40, 400)}公里，主要建设波形护栏、警示标志标线及减速带`,
          industry: '54',
          fund: gov(['车购税资金', '省级财政资金']),
        };
      }
      return {
        ...base,
        name: `${area}${Y}农村公路危桥改造工程`,
        investment: invest(4e6, 6e7),
        content: `改造农村公路危桥${rng.int(2, 12)}座，共计${rng.int(80, 900)}延米，上部结构采用预应力混凝土空心板`,
        industry: '54',
        fund: gov(['车购税资金及地方配套资金', '中央车购税资金']),
      };
    }
    case 'water': {
      if (regionCode === PROVINCE && rng.chance(0.7)) {
        const [name, where] = rng.pick(PROVINCIAL_WATER);
        return {
          ...base,
          location: where,
          name,
          investment: invest(5e8, 6e9),
          content: `主要建设内容包括${rng.pick(['输水隧洞', '输水管线', '拦河坝及泄洪建筑物', '干渠及渠系建筑物', '堤防及护岸'])}、${rng.pick(['泵站', '调蓄水池', '水电站厂房', '交通桥', '管理站'])}等，工程等别为${rng.pick(['Ⅱ', 'Ⅲ'])}等`,
          industry: '76',
          fund: gov(['中央预算内投资、省级财政资金及银行贷款', '中央预算内投资及地方政府专项债券资金']),
          lotPart: stakeLots(rng, rng.int(20, 120) / 4),
        };
      }
      const kind = rng.weighted([['river', 45], ['supply', 30], ['irrigation', 25]] as const);
      if (kind === 'river') {
        const km = rng.int(3, 40);
        const river = rng.pick(RIVERS[prefecture] ?? RIVERS['630100']!);
        return {
          ...base,
          name: `${area}${river}${rng.pick(['防洪治理工程', '综合治理工程', '生态治理工程', `${Y}中小河流治理项目`])}`,
          investment: Math.round((km * rng.logUniform(2e6, 8e6)) / 10_000) * 10_000,
          content: `治理河长${km}公里，新建堤防${(km * rng.int(8, 18) / 10).toFixed(1)}公里、护岸${(km * rng.int(2, 8) / 10).toFixed(1)}公里，配套建设穿堤建筑物及生态护坡`,
          industry: '76',
          fund: gov(['中央水利发展资金及地方配套资金', '中央预算内投资', '地方政府专项债券资金']),
          lotPart: stakeLots(rng, km / 3),
        };
      }
      if (kind === 'supply') {
        return {
          ...base,
          name: `${area}${Y}农村牧区供水保障工程`,
          investment: invest(5e6, 8e7),
          content: `新建（改造）供水管网${rng.int(20, 300)}公里、蓄水池${rng.int(3, 40)}座，受益人口${(rng.int(5, 120) / 10).toFixed(1)}万人`,
          industry: '76',
          fund: gov(['中央水利发展资金', '省级财政资金', '中央预算内投资及地方配套资金']),
        };
      }
      return {
        ...base,
        name: `${area}${Y}灌区续建配套与节水改造项目`,
        investment: invest(1e7, 2e8),
        content: `改造干支渠${rng.int(10, 120)}公里，配套渠系建筑物${rng.int(50, 600)}座，新增及恢复灌溉面积${(rng.int(5, 80) / 10).toFixed(1)}万亩`,
        industry: '76',
        fund: gov(['中央预算内投资及地方配套资金', '中央水利发展资金']),
      };
    }
    case 'agri': {
      const kind = rng.weighted([['farmland', 60], ['shed', 25], ['greenhouse', 15]] as const);
      if (kind === 'farmland') {
        const mu = rng.int(5, 50) / 10;
        return {
          ...base,
          name: `${area}${Y}高标准农田建设项目`,
          investment: Math.round((mu * 10_000 * rng.int(1500, 3000)) / 10_000) * 10_000,
          content: `建设高标准农田${mu.toFixed(1)}万亩，主要建设内容包括土地平整、灌溉与排水、田间道路及农田防护林工程`,
          industry: '01',
          fund: gov(['中央财政农田建设补助资金及地方配套资金', '中央预算内投资及省级财政资金']),
        };
      }
      if (kind === 'shed') {
        return {
          ...base,
          name: `${area}${Y}牲畜暖棚建设项目`,
          investment: invest(3e6, 3e7),
          content: `新建标准化牲畜暖棚${rng.int(100, 1500)}座及配套饲草料储备库，单座暖棚面积不低于${rng.pick([120, 150, 200])}平方米`,
          industry: '03',
          fund: gov(['中央财政衔接推进乡村振兴补助资金', '省级财政资金']),
        };
      }
      return {
        ...base,
        name: `${area}${Y}设施农业（日光温室）建设项目`,
        investment: invest(5e6, 5e7),
        content: `新建日光温室${rng.int(50, 600)}栋，配套建设滴灌设施、田间道路及保鲜库`,
        industry: '01',
        fund: gov(['中央财政衔接推进乡村振兴补助资金', '省级财政资金']),
      };
    }
    case 'forestry': {
      const choices = [`${Y}国土绿化工程`, `${Y}退化草原生态修复治理项目`, `${Y}湿地保护与恢复工程`, `${Y}三北防护林建设工程`];
      if (prefecture === '630100') choices.push(`南北山绿化（第${CN[rng.int(2, 5)]}期）工程`);
      const inv = invest(3e6, 1e8);
      return {
        ...base,
        name: `${area}${rng.pick(choices)}`,
        investment: inv,
        content: `完成人工造林${Math.max(100, Math.round((inv * 0.6) / rng.int(900, 1800) / 100) * 100)}亩、封山育林${Math.max(500, Math.round((inv * 0.15) / rng.int(80, 150) / 100) * 100)}亩，补植补造及退化草原修复${Math.max(500, Math.round((inv * 0.15) / rng.int(150, 400) / 100) * 100)}亩，配套建设灌溉管网及网围栏`,
        industry: '02',
        fund: gov(['中央财政林业改革发展资金', '中央预算内投资及省级配套资金', '省级财政资金']),
      };
    }
    case 'land': {
      const kind = rng.weighted([['hazard', 40], ['consolidation', 35], ['mine', 25]] as const);
      const inv = invest(5e6, kind === 'consolidation' ? 8e7 : 1.5e8);
      return {
        ...base,
        name: `${area}${Y}${kind === 'hazard' ? '地质灾害综合治理工程' : kind === 'consolidation' ? '土地综合整治项目' : '历史遗留废弃矿山生态修复项目'}`,
        investment: inv,
        content:
          kind === 'hazard'
            ? `治理滑坡、崩塌、泥石流等地质灾害隐患点${rng.int(2, 20)}处，主要建设抗滑桩、挡土墙、拦挡坝及排导槽`
            : kind === 'consolidation'
              ? `整治规模${rng.int(100, 3000)}公顷，新增耕地${rng.int(10, 300)}公顷，配套建设田间道路及灌排设施`
              : `修复治理废弃矿山图斑${rng.int(3, 60)}处，治理面积${rng.int(20, 800)}公顷，主要实施边坡整形、渣堆清理及植被恢复`,
        industry: '77',
        fund: gov(['中央财政自然灾害防治资金', '中央重点生态保护修复治理资金', '省级财政资金', '土地出让收益']),
      };
    }
    case 'municipal': {
      const kind = rng.weighted([['street', 35], ['heating', 15], ['sewer', 20], ['park', 15], ['gas', 15]] as const);
      if (kind === 'street') {
        const metres = rng.int(6, 80) * 100;
        const street = rng.pick(XINING_CITY.includes(regionCode) ? XINING_STREETS : TOWN_STREETS);
        return {
          ...base,
          name: `${area}${street}${rng.pick(['道路改造工程', '提升改造工程', '拓宽改造工程', '（东段）道路建设工程'])}`,
          investment: Math.round((metres * rng.logUniform(1.5e4, 6e4)) / 10_000) * 10_000,
          content: `道路全长${metres}米，红线宽度${rng.pick([16, 20, 24, 30, 40, 50])}米，建设内容包括道路、给排水、照明、交通设施及绿化工程`,
          industry: '48',
          fund: gov(['地方政府专项债券资金', '财政资金', '中央预算内投资及地方配套资金']),
          lotPart: stakeLots(rng, metres / 1000 / 2),
        };
      }
      if (kind === 'park') {
        const inv = invest(5e6, 2e8);
        return {
          ...base,
          name: `${area}${rng.pick(['滨河公园', '体育公园', '湿地公园', '城市综合公园'])}建设项目`,
          investment: inv,
          content: `总占地面积${Math.max(1, Math.round(inv / rng.int(800_000, 2_500_000)))}公顷，建设内容包括园路广场、绿化种植、景观照明、给排水及配套服务设施`,
          industry: '78',
          fund: gov(['地方政府专项债券资金', '财政资金']),
        };
      }
      const km = rng.int(5, 90);
      const what = { heating: '城区供热管网改造工程', sewer: '城区雨污分流改造工程', gas: '城区燃气管网改造工程' }[kind];
      const content = {
        heating: `改造供热一次管网${km}公里、二次管网${rng.int(10, 120)}公里，新建（改造）换热站${rng.int(3, 40)}座`,
        sewer: `新建雨水管网${km}公里、污水管网${rng.int(5, 90)}公里，改造检查井${rng.int(200, 3000)}座`,
        gas: `改造老旧燃气管网${km}公里，更换庭院管及立管，涉及用户${rng.int(2000, 30000)}户`,
      }[kind];
      return {
        ...base,
        name: `${area}${rng.chance(0.4) ? Y : ''}${what}`,
        investment: Math.round((km * rng.logUniform(1e6, 4e6)) / 10_000) * 10_000,
        content,
        industry: kind === 'heating' ? '44' : kind === 'gas' ? '45' : '46',
        fund: gov(['中央预算内投资及地方配套资金', '地方政府专项债券资金', '财政资金']),
      };
    }
    case 'environment': {
      const kind = rng.weighted([['sewage', 30], ['village', 35], ['landfill', 15], ['ruralSewage', 20]] as const);
      const inv = invest(5e6, kind === 'sewage' || kind === 'landfill' ? 2e8 : 8e7);
      const name = {
        sewage: `${area}污水处理厂提标改造工程`,
        village: `${area}${Y}农村人居环境整治项目`,
        landfill: `${area}生活垃圾卫生填埋场${rng.pick(['改扩建', '封场治理'])}工程`,
        ruralSewage: `${area}${Y}农村生活污水治理项目`,
      }[kind];
      const content = {
        sewage: `污水处理规模${(rng.int(5, 100) / 10).toFixed(1)}万立方米/日，提标改造后出水执行《城镇污水处理厂污染物排放标准》一级A标准`,
        village: `涉及行政村${rng.int(5, 60)}个，建设内容包括户用卫生厕所改造${rng.int(300, 5000)}座、垃圾收集转运设施及村内道路硬化`,
        landfill: `填埋场设计库容${rng.int(20, 300)}万立方米，建设内容包括防渗系统、渗滤液处理站及填埋气导排设施`,
        ruralSewage: `治理行政村${rng.int(5, 50)}个，新建污水收集管网${rng.int(10, 150)}公里、一体化污水处理设施${rng.int(3, 40)}座`,
      }[kind];
      return {
        ...base,
        name,
        investment: inv,
        content,
        industry: '77',
        fund: gov(['中央预算内投资及地方配套资金', '中央财政水污染防治资金', '地方政府专项债券资金']),
      };
    }
  }
}
