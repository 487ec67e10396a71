import { HousingProjectType } from '../housing-enums.js';
import type { CategoryGenerator } from '../../../../generator/category-generator.js';
import { dateBetween, developers, distinctName, monthOf, reportYear, sqm, wan } from './helpers.js';
import { projectLabel, regionLabel } from './places.js';
import { makeProject, pickType, urban } from './projects.js';

export const planProgress: CategoryGenerator = (f) => {
  const label = regionLabel(f);
  const { year, asOf, fullYear } = reportYear(f);
  const month = monthOf(asOf);
  // Building on the plateau runs April to October: most starts come by mid-year.
  const expected = fullYear ? 100 : Math.min(100, (Math.max(0, month - 3) / 6) * 100);
  const percent = Math.round(Math.max(5, Math.min(fullYear ? 108 : 100, expected * (0.75 + f.rng.next() * 0.35))) * 10) / 10;
  const small = f.region.level === 'COUNTY' && !urban(label);
  const startedCount = Math.max(1, Math.round((small ? f.rng.int(1, 3) : f.rng.int(2, 6)) * Math.min(1, percent / 50)));
  const startedPlans = Array.from({ length: startedCount }, () => makeProject(f, projectLabel(f, label), pickType(f, year), year));
  const started = startedPlans.map((p, i) => ({
    name: distinctName(startedPlans, i),
    projectType: p.projectType,
    location: p.location,
    units: p.units,
    floorArea: f.rng.chance(0.8) ? sqm(p.floorArea) : null,
    startedOn: dateBetween(f.rng, `${year}-03-15`, asOf),
  }));
  // Completions come in the building season, from May.
  const completedCount = asOf < `${year}-05-01` ? 0 : f.rng.int(0, small ? 2 : 4);
  const completed = Array.from({ length: completedCount }, () => {
    // Completed projects were started in earlier years' plans.
    const planYear = year - f.rng.int(1, 2);
    const p = makeProject(f, projectLabel(f, label), pickType(f, planYear), planYear);
    return {
      name: p.name,
      projectType: p.projectType,
      location: p.location,
      units: p.units,
      floorArea: f.rng.chance(0.8) ? sqm(p.floorArea) : null,
      completedOn: dateBetween(f.rng, `${year}-05-01`, asOf),
    };
  });
  const isOld = (p: { projectType: HousingProjectType }) => p.projectType === HousingProjectType.OLD_COMMUNITY_RENOVATION;
  const startedUnits = startedPlans.filter((p) => !isOld(p)).reduce((s, p) => s + p.units, 0);
  const oldPlans = startedPlans.filter(isOld);
  const asOfZh = fullYear ? `${year}年底` : `${year}年${month}月底`;
  // The listed projects are the main ones: the year's target and the total started cover them and more.
  const subsetFactor = 1 + (f.region.level === 'PROVINCE' ? 0.5 + f.rng.next() * 2.5 : f.rng.next() * 0.5);
  const target = Math.max(1, Math.round(((startedUnits || f.rng.int(50, 300)) * subsetFactor) / (Math.min(percent, 100) / 100)));
  const startedTotal = Math.max(startedUnits, Math.round((target * percent) / 100));
  const note =
    `截至${asOfZh}，${label === '青海省' ? '全省' : label}城镇保障性安居工程新开工${startedTotal}套，占年度目标任务${target}套的${percent}%` +
    (oldPlans.length
      ? `；开工改造城镇老旧小区${oldPlans.reduce((s, p) => s + p.estates, 0)}个、${oldPlans.reduce((s, p) => s + p.units, 0)}户`
      : '') +
    (completed.some((p) => !isOld(p)) ? `；竣工${completed.filter((p) => !isOld(p)).reduce((s, p) => s + p.units, 0)}套` : '') +
    `；完成投资${wan(startedPlans.reduce((s, p) => s + p.investment, 0) * (0.3 + f.rng.next() * 0.5), 1)}万元。`;
  const roads = (f.rng.int(5, 80) / 10).toFixed(1);
  const facilities =
    `同步推进配套基础设施建设，新建改造小区道路${roads}公里、供排水管网${(f.rng.int(5, 120) / 10).toFixed(1)}公里、供热管网${(f.rng.int(3, 60) / 10).toFixed(1)}公里，` +
    `${f.rng.pick(['配套建设社区服务中心', '配套建设幼儿园和社区卫生服务站', '配套建设社区综合服务用房和停车场', '完成小区绿化及路灯安装'])}，` +
    `完成配套基础设施投资${wan(f.rng.int(200, 20_000) * 10_000)}万元。`;
  return {
    title: f.rng.chance(0.6)
      ? `${label}${year}年城镇保障性安居工程建设计划完成情况（截至${fullYear ? '12' : month}月底）`
      : `${label}${year}年保障性安居工程建设进度公示`,
    details: {
      year,
      progress: { percent, asOf, note },
      startedProjects: started,
      completedProjects: completed,
      supportingFacilities: facilities,
    },
    parties: f.region.level === 'PROVINCE' ? [] : developers(f, f.rng.int(1, Math.min(3, started.length || 1))),
  };
};
