import type { TimeLimitRules } from '../kernel/time/time-limits.js';
import type { WorkingDayCalendar } from '../kernel/time/working-days.js';
import { loadCatalogue } from '../reference-data/catalogue.js';
import {
  expandResponsibilities,
  loadDepartments,
  loadRegions,
  loadResponsibilities,
} from '../reference-data/responsibility-expansion.js';
import { PublisherPicker } from './publishers.js';
import { RecordFactory } from './records.js';
import { RegionPicker } from './regions.js';
import { RequestFactory } from './requests.js';
import { Rng } from './rng.js';
import { SubjectRegistry } from './subjects.js';

export interface GenerationPlan {
  scale: number;
  seed: string;
  /** Last day of the generated history (YYYY-MM-DD); part of what makes a run reproducible. */
  until: string;
}

/** Subjects per disclosure: about one new subject for every 20 records, never fewer than 200. */
function subjectCount(scale: number): number {
  return Math.max(200, Math.round(scale / 20));
}

/** The database's view of time: its working-day calendar and the catalogue's time limits. */
export interface GenerationRules {
  calendar: WorkingDayCalendar;
  timeLimits: TimeLimitRules;
}

export function prepareGeneration(plan: GenerationPlan, { calendar, timeLimits }: GenerationRules) {
  const departments = loadDepartments();
  const regions = new RegionPicker(loadRegions());
  const publishers = new PublisherPicker(expandResponsibilities(loadResponsibilities(), departments), departments);
  const subjects = new SubjectRegistry(new Rng(`${plan.seed}:subjects`), regions, subjectCount(plan.scale));
  const factory = new RecordFactory({
    seed: plan.seed,
    until: plan.until,
    regions,
    subjects,
    publishers,
    departments,
    catalogue: loadCatalogue(),
    calendar,
    timeLimits,
  });
  const requests = new RequestFactory({ seed: plan.seed, until: plan.until, regions, publishers, departments, calendar });
  return { factory, requests, subjects, regions, publishers, calendar, departments };
}
