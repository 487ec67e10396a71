import { yearOf } from '../../../../kernel/time/calendar-dates.js';
import type { RecordFrame } from '../../../../generator/category-generator.js';
import type { GeneratedSubject, Pool } from '../../../../generator/subjects.js';
import { investment } from './dates.js';
import { areaOf, fullArea, prefectureOf, PROVINCE } from './places.js';
import { areaLots, type Project, type ProjectSite } from './project.js';
import { buildingProject } from './projects-buildings.js';
import { infrastructureProject } from './projects-infrastructure.js';
import { INSTITUTION, PUBLISHER_SECTORS, type Sector, SECTOR_WEIGHTS, sectorsOf } from './sectors.js';
import { XINING_CITY } from './words.js';

export interface Tenderer {
  subject: GeneratedSubject;
  project: Project;
}

/** 2: the record's own region; 1: its prefecture (or any, for provincial records); 0: elsewhere. */
function locality(f: RecordFrame, code: string | null): number {
  if (!code) return 0;
  if (f.region.level === 'PROVINCE') return code === PROVINCE ? 2 : 1;
  if (code === f.region.code) return 2;
  if (code !== PROVINCE && code.slice(0, 4) === f.region.code.slice(0, 4)) return 1;
  return code === PROVINCE ? 0.5 : 0;
}

/** Draws from the pool by popularity, keeping the best-scored of up to `tries` draws. */
function drawBest(f: RecordFrame, pool: Pool, score: (s: GeneratedSubject) => number, best: number, tries = 40): GeneratedSubject {
  let chosen = f.subjects.draw(f.rng, pool);
  let chosenScore = score(chosen);
  for (let i = 1; i < tries && chosenScore < best; i++) {
    const s = f.subjects.draw(f.rng, pool);
    const sc = score(s);
    if (sc > chosenScore) {
      chosen = s;
      chosenScore = sc;
    }
  }
  return chosen;
}

/** The project's year: mostly the record's, early in the year sometimes last year's plan. */
export function projectYear(f: RecordFrame, date: string): number {
  const year = yearOf(date);
  return Number(date.slice(5, 7)) <= 3 && f.rng.chance(0.3) ? year - 1 : year;
}

/** The project a tenderer of this sector puts out to tender, in the area it is built in. */
function makeProject(f: RecordFrame, t: GeneratedSubject, sector: Sector, regionCode: string, year: number): Project {
  const { rng } = f;
  const area = areaOf(regionCode);
  const prefecture = prefectureOf(regionCode) ?? '630100';
  const Y = `${year}年`;
  const gov = (fund: readonly string[]) => rng.pick(fund);
  // Remote counties build smaller than Xining.
  const scale = XINING_CITY.includes(regionCode) || regionCode === PROVINCE ? 1 : ['630100', '630200', '632800'].includes(prefecture) ? 0.7 : 0.45;
  const invest = (min: number, max: number) => investment(rng, min, Math.max(min * 2, max * scale));
  // Provincial institutions sit in Xining.
  const location = regionCode === PROVINCE ? '青海省西宁市' : fullArea(regionCode);
  const base = { sector, government: true, location, regionCode, lotPart: areaLots };
  const site: ProjectSite = { rng, area, prefecture, regionCode, Y, gov, invest, base };
  switch (sector) {
    case 'education':
    case 'health':
    case 'housing':
    case 'public':
    case 'realEstate':
      return buildingProject(t, sector, site);
    default:
      return infrastructureProject(sector, site);
  }
}

/** Picks the tenderer (by the publisher's business, near the record's region) and its project. */
export function tendererAndProject(f: RecordFrame, date: string = f.formedOn): Tenderer {
  const own = PUBLISHER_SECTORS[f.publisher.code];
  const desired: Sector = own && f.rng.chance(0.85) ? f.rng.pick(own) : f.rng.weighted(SECTOR_WEIGHTS);
  const pool: Pool =
    desired === 'realEstate'
      ? 'developer'
      : desired === 'municipal' || desired === 'housing'
        ? f.rng.chance(0.35)
          ? 'developer'
          : 'purchaser'
        : desired === 'road' || desired === 'environment'
          ? f.rng.chance(0.15)
            ? 'developer'
            : 'purchaser'
          : 'purchaser';
  // A county's projects are tendered by its own bureaus, in the publisher's line of business where one fits.
  // Hospitals and schools tender only their own buildings: keep them out of other lines of business.
  const subject = drawBest(
    f,
    pool,
    (s) => 2 * locality(f, s.regionCode) + (sectorsOf(s.name).includes(desired) ? 1.5 : INSTITUTION.test(s.name) ? -1 : 0),
    5.5,
    80,
  );
  const possible = sectorsOf(subject.name);
  const sector = possible.includes(desired) ? desired : f.rng.pick(possible);
  const home = subject.regionCode ?? f.region.code;
  const regionCode =
    home === PROVINCE
      ? sector === 'road' || sector === 'water'
        ? PROVINCE
        : f.region.code
      : locality(f, home) > 0
        ? home
        : f.region.code;
  const project = makeProject(f, subject, sector, regionCode, projectYear(f, date));
  // Enterprise-invested roads and water works under concession are 核准, not 审批.
  if (pool === 'developer' && (sector === 'road' || sector === 'water') && f.rng.chance(0.4)) {
    project.government = false;
    project.fund = '企业自筹及银行贷款';
  }
  return { subject, project };
}
