import type { RecordFrame } from '../../../../generator/category-generator.js';
import type { GeneratedSubject } from '../../../../generator/subjects.js';
import type { Project } from './project.js';
import { BUILDER_FIT, SPECIALITY } from './sectors.js';

/** k distinct builders, preferring those whose trade fits the works. */
export function drawBuilders(f: RecordFrame, k: number, fit: RegExp): GeneratedSubject[] {
  const chosen = new Map<string, GeneratedSubject>();
  for (let i = 0; i < k * 25 && chosen.size < k; i++) {
    const s = f.subjects.draw(f.rng, 'builder');
    if (fit.test(s.name)) chosen.set(s.creditCode, s);
  }
  if (chosen.size < k) {
    for (const s of f.subjects.drawDistinct(f.rng, 'builder', k)) {
      if (chosen.size >= k) break;
      chosen.set(s.creditCode, s);
    }
  }
  return [...chosen.values()];
}

export function builderFit(project: Project): RegExp {
  return project.sector === 'forestry' ? /园林绿化|建设工程|市政/ : BUILDER_FIT[SPECIALITY[project.sector]]!;
}

/** Bids just under the ceiling: most between 88% and 99% of it. */
export function bidPrice(f: RecordFrame, ceiling: number): number {
  return Math.round(ceiling * (0.86 + f.rng.next() * 0.135) * 100) / 100;
}
