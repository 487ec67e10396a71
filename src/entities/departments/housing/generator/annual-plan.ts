import { HousingCountUnit, HousingProjectType, HousingTaskMeasure } from '../housing-enums.js';
import type { CategoryGenerator } from '../../../../generator/category-generator.js';
import { developers, distinctName, levelFactor, monthOf, split, sqm, yuan } from './helpers.js';
import { projectLabel, regionLabel } from './places.js';
import { makeProject, pickType, type Project } from './projects.js';

const LAYOUTS: readonly (readonly [string, number, number])[] = [
  ['一室一厅', 35, 50],
  ['两室一厅', 55, 75],
  ['两室两厅', 75, 95],
  ['三室一厅', 90, 110],
  ['三室两厅', 100, 125],
];

function round10(n: number, big: boolean): number {
  return big ? Math.max(10, Math.round(n / 10) * 10) : Math.max(1, Math.round(n));
}

export const annualPlan: CategoryGenerator = (f) => {
  const label = regionLabel(f);
  // Plans are issued early in the year; those formed in December are next year's.
  const year = monthOf(f.formedOn) === 12 ? f.year + 1 : f.year;
  const big = f.region.level === 'PROVINCE';
  const factor = levelFactor(f);
  const types = [...new Set(Array.from({ length: f.rng.int(1, 3) }, () => pickType(f, year, false)))];
  const tasks: { projectType: HousingProjectType; measure: HousingTaskMeasure; quantity: number; unit: HousingCountUnit }[] = [];
  const projects: Project[] = [];
  let taskQuantity = 0;
  for (const type of types) {
    const quantity = round10(f.rng.logUniform(80, 1500) * factor, big);
    taskQuantity += quantity;
    tasks.push({ projectType: type, measure: HousingTaskMeasure.NEW_START, quantity, unit: HousingCountUnit.DWELLING });
    if (f.rng.chance(0.6)) {
      tasks.push({ projectType: type, measure: HousingTaskMeasure.BASIC_COMPLETION, quantity: round10(quantity * (0.6 + f.rng.next() * 0.6), big), unit: HousingCountUnit.DWELLING });
    }
    // No project under about 40 dwellings: a small target is one project.
    const shares = split(f.rng, quantity, Math.min(big ? f.rng.int(3, 6) : f.rng.int(1, 3), Math.floor(quantity / 40) + 1));
    for (const units of shares) projects.push(makeProject(f, projectLabel(f, label), type, year, units));
  }
  if (year >= 2019 && f.rng.chance(year === 2019 ? 0.4 : 0.8)) {
    const households = round10(f.rng.logUniform(300, 4000) * factor, big);
    const estates = Math.max(1, Math.round(households / f.rng.int(80, 250)));
    tasks.push({ projectType: HousingProjectType.OLD_COMMUNITY_RENOVATION, measure: HousingTaskMeasure.NEW_START, quantity: estates, unit: HousingCountUnit.ESTATE });
    tasks.push({ projectType: HousingProjectType.OLD_COMMUNITY_RENOVATION, measure: HousingTaskMeasure.NEW_START, quantity: households, unit: HousingCountUnit.HOUSEHOLD });
    projects.push(makeProject(f, projectLabel(f, label), HousingProjectType.OLD_COMMUNITY_RENOVATION, year, households, estates));
  }
  if (year <= 2022 && f.rng.chance(0.6)) {
    tasks.push({ projectType: HousingProjectType.PUBLIC_RENTAL, measure: HousingTaskMeasure.RENTAL_SUBSIDY, quantity: round10(f.rng.logUniform(100, 2500) * factor, big), unit: HousingCountUnit.HOUSEHOLD });
  }
  if (f.rng.chance(0.35)) {
    tasks.push({ projectType: HousingProjectType.PUBLIC_RENTAL, measure: HousingTaskMeasure.ALLOCATION, quantity: round10(f.rng.logUniform(100, 1500) * factor, big), unit: HousingCountUnit.DWELLING });
  }
  // Unit types cover the new dwellings: small flats for rentals, larger ones for resettlement.
  const rentalOnly = types.every((t) => t === HousingProjectType.PUBLIC_RENTAL || t === HousingProjectType.AFFORDABLE_RENTAL || t === HousingProjectType.LOW_RENT);
  const first = rentalOnly ? 0 : f.rng.int(1, 2);
  const layouts = LAYOUTS.slice(first, first + f.rng.int(2, 3));
  const unitTypes = split(f.rng, taskQuantity, layouts.length).map((units, i) => {
    const [layout, lo, hi] = layouts[i]!;
    return { layout, floorArea: sqm(lo + Math.round(f.rng.next() * (hi - lo) * 100) / 100), units };
  });
  const total = projects.reduce((s, p) => s + p.investment, 0);
  const scope = label === '青海省' ? '全省' : label;
  const title = f.rng.weighted([
    [`${label}${year}年城镇保障性安居工程年度建设计划`, 4],
    [`关于下达${scope}${year}年城镇保障性安居工程建设计划任务的通知`, 3],
    [`${label}${year}年保障性安居工程建设计划公示`, 3],
  ] as const);
  return {
    title,
    amount: yuan(total),
    details: {
      year,
      taskQuantity,
      taskBreakdown: tasks,
      plannedProjects: projects.map((p, i) => ({
        name: distinctName(projects, i),
        projectType: p.projectType,
        location: p.location,
        units: p.units,
        floorArea: sqm(p.floorArea),
        plannedInvestment: yuan(p.investment),
      })),
      plannedUnitTypes: unitTypes,
    },
    parties: big ? [] : developers(f, Math.min(projects.length, f.rng.int(1, 3))),
  };
};
