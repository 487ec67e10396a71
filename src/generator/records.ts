import { addDays, yearOf } from '../kernel/time/calendar-dates.js';
import { deadlineOf, type TimeLimitRule, type TimeLimitRules } from '../kernel/time/time-limits.js';
import type { WorkingDayCalendar } from '../kernel/time/working-days.js';
import type { CatalogueRow } from '../reference-data/catalogue.js';
import type { DepartmentRow } from '../reference-data/responsibility-expansion.js';
import { categoryManifestOf, manifestOf } from '../entities/departments/manifests.js';
import { categoryGenerators } from './department-generators.js';
import type { CategoryGenerator, GeneratedParty } from './category-generator.js';
import { placeWord } from './names.js';
import type { PublisherPicker } from './publishers.js';
import type { RegionPicker } from './regions.js';
import { HistoryDays } from './history.js';
import { Rng } from './rng.js';
import type { SubjectRegistry } from './subjects.js';

/** The plan took effect on 2018-03-14; the generated history starts the next day. */
export { HISTORY_START } from './history.js';

/**
 * A category's share of the generated records: its domain's share (the manifest's recordWeight)
 * times its own within the domain (its demoWeight, where notices and results far outnumber plans
 * and assessments; otherwise an even split of 100).
 */
function recordWeight(domain: string, code: string, categoriesInDomain: number): number {
  const category = categoryManifestOf(domain, code);
  return (manifestOf(domain)?.demo.recordWeight ?? 5) * (category?.demoWeight ?? 100 / categoriesInDomain);
}

export interface GeneratedRecord {
  envelope: {
    id: number;
    domain: string;
    category: string;
    title: string;
    region: string;
    publisher: string;
    amount: string | null;
    formedOn: string;
    deadline: string;
    deadlineProvisional: boolean;
    publishedOn: string | null;
    projectCode: string | null;
    status: 'PENDING' | 'PUBLISHED' | 'RETRACTED';
    exemption: string;
    exemptionBasis: string | null;
    version: number;
    retractedOn: string | null;
    retractionReason: string | null;
  };
  details: Record<string, unknown>;
  parties: { role: string; creditCode: string; rank: number | null }[];
  generatedParties: GeneratedParty[];
  publications: { channel: string; publishedOn: string; url: string | null }[];
  revisions: { version: number; changedOn: string; reason: string; title: string; amount: string | null; formedOn: string; snapshot: Record<string, unknown> }[];
}

export interface RecordFactoryInput {
  seed: string;
  until: string;
  regions: RegionPicker;
  subjects: SubjectRegistry;
  publishers: PublisherPicker;
  departments: readonly DepartmentRow[];
  catalogue: readonly CatalogueRow[];
  calendar: WorkingDayCalendar;
  /** The catalogue's time limits with their history, as the database holds them. */
  timeLimits: TimeLimitRules;
}

interface CategoryEntry {
  domain: string;
  code: string;
  generate: CategoryGenerator;
  limit: CatalogueRow;
}

/**
 * Builds record number `id` from (seed, id) alone, so a run is the same
 * whatever the batch size, and records can be generated in any order.
 */
export class RecordFactory {
  readonly categories: CategoryEntry[] = [];
  private readonly weights: (readonly [CategoryEntry, number])[] = [];
  private readonly departments: Map<string, DepartmentRow>;
  private readonly history: HistoryDays;

  constructor(private readonly input: RecordFactoryInput) {
    this.departments = new Map(input.departments.map((d) => [d.code, d]));
    for (const row of input.catalogue) {
      const generate = categoryGenerators[row.domain]?.[row.category];
      if (!generate) continue;
      const entry = { domain: row.domain, code: row.category, generate, limit: row };
      this.categories.push(entry);
      const perDomain = input.catalogue.filter((c) => c.domain === row.domain).length;
      this.weights.push([entry, recordWeight(row.domain, row.category, perDomain)]);
    }
    // More records each year, as disclosure took hold: 2018 is three quarters of a year.
    this.history = new HistoryDays(input.until, input.calendar, 0.2);
  }

  /** `only` forces a category (for checks); otherwise it is drawn by weight. */
  make(id: number, firstId: number, only?: { domain: string; code: string }): GeneratedRecord {
    const rng = new Rng(`${this.input.seed}:record:${id}`);
    // The first records of a run cover every category once, so even a small run has them all.
    const index = id - firstId;
    const category = only
      ? this.categories.find((c) => c.domain === only.domain && c.code === only.code)!
      : index < this.categories.length
        ? this.categories[index]!
        : rng.weighted(this.weights);
    const region = this.input.regions.pick(rng);
    const publisher = this.departments.get(this.input.publishers.pick(rng, category.domain, region).code)!;
    const formedOn = this.formationDate(rng);
    const output = category.generate({
      rng: rng.fork('details'),
      id,
      region,
      place: placeWord(region.name, region.level === 'PROVINCE'),
      publisher,
      formedOn,
      year: yearOf(formedOn),
      subjects: this.input.subjects,
    });
    // formedOn is the current version's formation or change day: revisions() dates the earlier
    // versions before it, so the clock (restarted by the latest change) starts here.
    const rule = this.input.timeLimits.ruleOrDefault(category.domain, category.code, region.code, formedOn);
    const timing = this.timing(rng, rule, formedOn);
    const exempt = rng.chance(0.004);
    let status: GeneratedRecord['envelope']['status'] = timing.publishedOn && !exempt ? 'PUBLISHED' : 'PENDING';
    const publishedOn = exempt ? null : timing.publishedOn;
    output.onTiming?.(publishedOn);
    let retractedOn: string | null = null;
    if (publishedOn && rng.chance(0.004)) {
      const candidate = addDays(publishedOn, rng.int(1, 60));
      if (candidate <= this.input.until) {
        retractedOn = candidate;
        status = 'RETRACTED';
      }
    }
    const revisions = this.revisions(rng, output.title, output.amount ?? null, formedOn);
    return {
      envelope: {
        id,
        domain: category.domain,
        category: category.code,
        title: revisions.length ? `${output.title}（变更）` : output.title,
        region: region.code,
        publisher: publisher.code,
        amount: output.amount ?? null,
        formedOn,
        deadline: timing.deadline,
        deadlineProvisional: timing.provisional,
        publishedOn,
        projectCode: output.projectCode ?? null,
        status,
        exemption: exempt ? rng.pick(['COMMERCIAL_SECRET', 'STATE_SECRET', 'OTHER']) : 'NONE',
        exemptionBasis: exempt ? '《中华人民共和国政府信息公开条例》第十四条、第十五条' : null,
        version: revisions.length + 1,
        retractedOn,
        retractionReason: retractedOn ? rng.pick(['信息有误，撤回后重新发布', '项目终止', '重复发布']) : null,
      },
      details: output.details,
      parties: dedupeParties(output.parties),
      generatedParties: output.parties,
      publications: publishedOn ? this.publications(rng, category.limit, id, publisher.code, publishedOn) : [],
      revisions,
    };
  }

  /** A working day, weighted towards recent years. */
  private formationDate(rng: Rng): string {
    return this.history.workingDay(rng);
  }

  /** Most records are published in time; some late; some not yet, on the real working-day calendar. */
  private timing(rng: Rng, rule: TimeLimitRule, formedOn: string): { publishedOn: string | null; deadline: string; provisional: boolean } {
    const { calendar, until } = this.input;
    const after = (n: number) => deadlineOf(calendar, { ...rule, amount: n }, formedOn);
    const { date: deadline, provisional } = after(rule.amount);
    const at = (publishedOn: string | null) => ({ publishedOn, deadline, provisional });
    const within = () => after(rng.int(rng.chance(0.1) ? 0 : 1, rule.amount)).date;
    if (deadline > until) {
      if (rng.chance(0.45)) return at(null);
      const on = within();
      return at(on <= until ? on : null);
    }
    const roll = rng.next();
    if (roll < 0.86) return at(within());
    if (roll < 0.95) {
      const late = calendar.addWorkingDays(deadline, rng.int(1, 30)).date;
      return at(late <= until ? late : null);
    }
    return at(null);
  }

  private publications(rng: Rng, limit: CatalogueRow, id: number, publisher: string, publishedOn: string) {
    const out: GeneratedRecord['publications'] = [];
    for (const channel of limit.channels) {
      if (channel !== 'GOVERNMENT_WEBSITE' && !rng.chance(0.5)) continue;
      const day = channel === 'GOVERNMENT_WEBSITE' ? publishedOn : addDays(publishedOn, rng.int(0, 2));
      out.push({
        channel,
        publishedOn: day <= this.input.until ? day : publishedOn,
        url: channelUrl(channel, id, publisher, publishedOn),
      });
    }
    return out;
  }

  private revisions(rng: Rng, title: string, amount: string | null, formedOn: string): GeneratedRecord['revisions'] {
    if (!rng.chance(0.04)) return [];
    const count = rng.chance(0.8) ? 1 : 2;
    const out: GeneratedRecord['revisions'] = [];
    // Earlier versions, newest last; each was replaced on the next one's formation day.
    let changedOn = formedOn;
    for (let version = count; version >= 1; version--) {
      const earlierFormed = addDays(changedOn, -rng.int(5, 60));
      const earlierAmount = amount ? (Number(amount) * (0.8 + rng.next() * 0.4)).toFixed(2) : null;
      out.unshift({
        version,
        changedOn,
        reason: rng.pick(['更正信息内容', '补充公开内容', '更正金额', '调整时间安排', '更正项目名称']),
        title,
        amount: earlierAmount,
        formedOn: earlierFormed,
        snapshot: { title, amount: earlierAmount, formedOn: earlierFormed },
      });
      changedOn = earlierFormed;
    }
    return out;
  }
}

function dedupeParties(parties: readonly GeneratedParty[]): GeneratedRecord['parties'] {
  const seen = new Map<string, GeneratedRecord['parties'][number]>();
  for (const p of parties) {
    const key = `${p.role}:${p.subject.creditCode}`;
    if (!seen.has(key)) seen.set(key, { role: p.role, creditCode: p.subject.creditCode, rank: p.rank ?? null });
  }
  return [...seen.values()];
}

function channelUrl(channel: string, id: number, publisher: string, publishedOn: string): string | null {
  switch (channel) {
    case 'GOVERNMENT_WEBSITE':
      return `https://zwgk.qinghai.gov.cn/${publisher.toLowerCase()}/${publishedOn.slice(0, 4)}/${id}.html`;
    case 'TRADING_PLATFORM':
      return `https://www.qhggzyjy.gov.cn/jyxx/${id}.html`;
    case 'CREDIT_CHINA_QINGHAI':
      return `https://credit.qinghai.gov.cn/gs/${id}.html`;
    default:
      return null;
  }
}
