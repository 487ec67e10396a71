import { addDays, toDayNumber } from '../../../../kernel/time/calendar-dates.js';
import { AreaUnit } from '../../../../kernel/values/area.js';
import { PartyRole } from '../../../hub/published.js';
import type { GeneratedParty, RecordFrame } from '../../../../generator/category-generator.js';
import type { Rng } from '../../../../generator/rng.js';
import type { GeneratedSubject } from '../../../../generator/subjects.js';
import { regionLabel } from './places.js';
import { urban } from './projects.js';

export function sqm(value: number): { value: string; unit: AreaUnit } {
  return { value: value.toFixed(2), unit: AreaUnit.SQUARE_METRE };
}

export function wan(value: number, digits = 2): string {
  return (value / 10_000).toFixed(digits).replace(/\.?0+$/, '');
}

export function yuan(value: number): string {
  return `${Math.round(value)}.00`;
}

/** Last day of the month before `date`. */
function endOfPreviousMonth(date: string): string {
  return addDays(`${date.slice(0, 8)}01`, -1);
}

export function monthOf(date: string): number {
  return Number(date.slice(5, 7));
}

/** A date uniformly between two dates (both included). */
export function dateBetween(rng: Rng, from: string, until: string): string {
  return addDays(from, rng.int(0, Math.max(0, toDayNumber(until) - toDayNumber(from))));
}

const PHASES = ['一期', '二期', '三期', '四期', '五期', '六期'];

/** A project's name, with 二期, 三期 … where an earlier project of the list has the same name. */
export function distinctName(projects: readonly { name: string }[], i: number): string {
  const name = projects[i]!.name;
  const same = projects.slice(0, i).filter((p) => p.name === name).length;
  if (same === 0) return name;
  return name.endsWith('项目') ? `${name.slice(0, -2)}（${PHASES[same] ?? `第${same + 1}期`}）项目` : `${name}（${PHASES[same] ?? `第${same + 1}期`}）`;
}

/** Splits `total` into `parts` positive whole shares. */
export function split(rng: Rng, total: number, parts: number): number[] {
  const n = Math.max(1, Math.min(parts, total));
  const weights = Array.from({ length: n }, () => 0.5 + rng.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.max(1, Math.floor((w / sum) * total)));
  shares[0]! += total - shares.reduce((a, b) => a + b, 0);
  return shares;
}

/** 投资项目统一代码 (投资项目在线审批监管平台): 2023-630105-47-01-012345. */
export function investmentProjectCode(f: RecordFrame, year: number): string {
  return `${year}-${f.region.code}-${f.rng.pick(['47', '70'])}-01-${f.rng.digits(6)}`;
}

/** Builders of a plan's projects, named as 建设单位. */
export function developers(f: RecordFrame, k: number): GeneratedParty[] {
  return f.subjects.drawDistinct(f.rng, 'developer', k).map((subject: GeneratedSubject) => ({ role: PartyRole.DEVELOPER, subject }));
}

/** The year a progress report covers: in the first quarter, reports sum up the year before. */
export function reportYear(f: RecordFrame): { year: number; asOf: string; fullYear: boolean } {
  if (monthOf(f.formedOn) <= 3) {
    const year = f.year - 1;
    return { year, asOf: `${year}-12-31`, fullYear: true };
  }
  return { year: f.year, asOf: endOfPreviousMonth(f.formedOn), fullYear: false };
}

/** Scale of a plan by level: the province's plan is the sum of its eight 市州. */
export function levelFactor(f: RecordFrame): number {
  if (f.region.level === 'PROVINCE') return 10;
  if (f.region.level === 'PREFECTURE') return f.region.code === '630100' ? 4 : 3;
  return urban(regionLabel(f)) ? 1 : 0.35;
}
