import { AreaUnit } from '../../../../kernel/values/area.js';
import { HousingProjectType } from '../housing-enums.js';
import type { CategoryGenerator } from '../../../../generator/category-generator.js';
import { developers, investmentProjectCode, sqm, wan, yuan } from './helpers.js';
import { projectLabel, regionLabel } from './places.js';
import { makeProject, pickType, TYPE_ZH, UNIT_AREA, urban } from './projects.js';

export const scheme: CategoryGenerator = (f) => {
  const label = regionLabel(f);
  const where = projectLabel(f, label);
  const type = pickType(f, f.year);
  const p = makeProject(f, where, type, f.year);
  const old = type === HousingProjectType.OLD_COMMUNITY_RENOVATION;
  // Denser in Xining and the cities; low-rise in the pastoral counties.
  const plotRatio = old ? null : Math.round((urban(where) ? 1.8 + f.rng.next() * 1.4 : 1.0 + f.rng.next() * 1.0) * 100) / 100;
  const density = Math.round((20 + f.rng.next() * 14) * 10) / 10;
  // Height limit: the standard step above what the plot ratio and density need at 3 m a storey.
  const storeys = plotRatio ? Math.ceil(plotRatio / (density / 100)) : 0;
  const height = [18, 24, 36, 54, 80, 100].find((h) => h >= storeys * 3 + 3) ?? 100;
  const aboveGround = p.floorArea;
  const underground = old ? 0 : aboveGround * (0.12 + f.rng.next() * 0.15);
  const siteArea = old ? p.floorArea / (1.2 + f.rng.next()) : aboveGround / plotRatio!;
  const buildings = Math.max(1, Math.ceil(p.units / (storeys * f.rng.int(4, 8) || 100)));
  const [lo, hi] = UNIT_AREA[type];
  const inv = wan(p.investment);
  let content: string;
  if (old) {
    content =
      `对${p.name.replace(/^.*（|）$/g, '')}实施改造，涉及楼栋${buildings}栋、住户${p.units}户、建筑面积${wan(p.floorArea)}万平方米。` +
      '基础类改造包括供水、排水、供热、燃气、供电等老旧管网更新及屋面防水、外墙保温；完善类改造包括加装电梯、增设停车位和充电设施、无障碍设施改造；' +
      `提升类改造包括社区综合服务设施和养老、托育设施建设。项目总投资${inv}万元。`;
  } else {
    const removal =
      type === HousingProjectType.SHANTYTOWN_RENOVATION
        ? `征收拆除棚户区房屋${Math.round(p.units * (0.8 + f.rng.next() * 0.3))}户，`
        : '';
    content =
      `${removal}新建${type === HousingProjectType.SHANTYTOWN_RENOVATION ? '安置住房' : TYPE_ZH[type]}${buildings}栋${p.units}套，` +
      `总建筑面积${wan(aboveGround + underground)}万平方米（其中地上${Math.round(aboveGround)}平方米、地下${Math.round(underground)}平方米），` +
      `套型建筑面积${lo}—${hi}平方米；配套建设地下车库、物业管理用房、社区服务用房及室外道路、绿化、给排水、供热、供电等附属工程。项目总投资${inv}万元。`;
  }
  const landNature = old
    ? '现状居住用地'
    : f.rng.weighted([
        [type === HousingProjectType.PRICE_CAPPED || type === HousingProjectType.SHARED_OWNERSHIP ? '城镇住宅用地（出让）' : '二类居住用地（划拨）', 5],
        ['二类居住用地（R2）', 3],
        ['城镇住宅用地（划拨）', 2],
      ] as const);
  const mu = f.region.level === 'COUNTY' && !f.region.name.endsWith('区') && f.rng.chance(0.3);
  return {
    title: f.rng.chance(0.6) ? `${p.name}规划建设方案公示` : `关于${p.name}规划设计方案的批前公示`,
    amount: yuan(p.investment),
    projectCode: investmentProjectCode(f, f.rng.chance(0.7) ? f.year : f.year - 1),
    details: {
      projectName: p.name,
      projectType: type,
      location: p.location,
      landNature,
      siteArea: mu ? { value: (siteArea / 666.6667).toFixed(2), unit: AreaUnit.MU } : sqm(siteArea),
      constructionContent: content,
      planningIndicators: {
        plotRatio,
        buildingDensityPercent: old ? null : density,
        greenRatioPercent: old ? (f.rng.chance(0.5) ? Math.round((20 + f.rng.next() * 10) * 10) / 10 : null) : Math.round((30 + f.rng.next() * 10) * 10) / 10,
        heightLimitMetres: old ? null : height,
        totalFloorArea: sqm(aboveGround + underground),
      },
    },
    parties: developers(f, 1),
  };
};
