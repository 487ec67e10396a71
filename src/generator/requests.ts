import { yearOf } from '../kernel/time/calendar-dates.js';
import { answerDeadline, extendedDeadline } from '../resolvers/requests/request-deadlines.js';
import type { WorkingDayCalendar } from '../kernel/time/working-days.js';
import { DOMAIN_MANIFESTS } from '../entities/departments/manifests.js';
import type { DepartmentRow } from '../reference-data/responsibility-expansion.js';
import { placeWord } from './names.js';
import type { PublisherPicker } from './publishers.js';
import { HistoryDays } from './history.js';
import type { RegionPicker } from './regions.js';
import { Rng } from './rng.js';

/** One request for about every ten records: `gongkai seed` writes one for record numbers ending the same way. */
export const RECORDS_PER_REQUEST = 10;

export interface GeneratedRequest {
  receivedOn: string;
  requesterKind: 'NATURAL_PERSON' | 'LEGAL_PERSON' | 'OTHER_ORGANIZATION';
  content: string;
  department: string;
  domain: string | null;
  deadline: string;
  deadlineProvisional: boolean;
  extendedOn: string | null;
  extendedDeadline: string | null;
  extendedDeadlineProvisional: boolean;
  extensionReason: string | null;
  answeredOn: string | null;
  outcome: string | null;
}

/**
 * What people ask for, per domain (each department's manifest says it for its own; the things a
 * disclosure leaves out or they could not find), and for no domain at all.
 */
const TOPICS = new Map<string | null, readonly string[]>([
  ...DOMAIN_MANIFESTS.map((m) => [m.domain, m.demo.requestTopics] as const),
  [null, ['部门年度预决算', '行政处罚决定书', '建设项目规划许可文件', '信访事项处理结果', '财政专项资金分配情况']],
]);

/** Which domain a request is about: each manifest's share, in the plan's order, then a fifth naming none. */
const DOMAIN_WEIGHTS: readonly (readonly [string | null, number])[] = [
  ...DOMAIN_MANIFESTS.map((m) => [m.domain, m.demo.requestWeight] as const),
  [null, 20],
];

const REQUESTER_KINDS: readonly (readonly [GeneratedRequest['requesterKind'], number])[] = [
  ['NATURAL_PERSON', 72],
  ['LEGAL_PERSON', 21],
  ['OTHER_ORGANIZATION', 7],
];

/** Roughly the mix the yearly reports of Chinese governments show. */
const OUTCOMES: readonly (readonly [string, number])[] = [
  ['DISCLOSED', 36],
  ['PARTLY_DISCLOSED', 10],
  ['ALREADY_PUBLIC', 10],
  ['EXEMPT', 6],
  ['NOT_HELD', 15],
  ['NOT_THIS_BODY', 8],
  ['REPEAT_REQUEST', 2],
  ['OTHER_STATUTORY_ROUTE', 3],
  ['NEEDS_PROCESSING', 2],
  ['NOT_A_REQUEST', 4],
  ['WITHDRAWN', 4],
];

const EXTENSION_REASONS = [
  '申请公开的信息涉及第三方权益，需书面征求第三方意见',
  '申请内容涉及多个部门，需会商后答复',
  '所需信息数量较大，需调取历史档案',
  '需对拟公开信息进行保密审查',
];

export interface RequestFactoryInput {
  seed: string;
  until: string;
  regions: RegionPicker;
  publishers: PublisherPicker;
  departments: readonly DepartmentRow[];
  calendar: WorkingDayCalendar;
}

/**
 * Builds request number `n` from (seed, n) alone, like records: the same run
 * gives the same requests whatever the batch size. Most are answered in time,
 * some extended, some late, some still pending on `until`.
 */
export class RequestFactory {
  private readonly history: HistoryDays;
  private readonly byRegion = new Map<string, DepartmentRow>();
  private readonly provincial: DepartmentRow[];

  constructor(private readonly input: RequestFactoryInput) {
    this.history = new HistoryDays(input.until, input.calendar, 0.25);
    for (const d of input.departments) if (d.kind === 'PREFECTURE_GOVERNMENT') this.byRegion.set(d.regionCode, d);
    this.provincial = input.departments.filter((d) => d.kind === 'PROVINCIAL_DEPARTMENT');
  }

  make(n: number): GeneratedRequest {
    const rng = new Rng(`${this.input.seed}:request:${n}`);
    const { calendar, until } = this.input;
    const domain = rng.weighted(DOMAIN_WEIGHTS);
    const region = this.input.regions.pick(rng);
    // A request goes to whoever holds the information: for a domain, the body that publishes
    // it there; otherwise the local government or a provincial department.
    const local = region.prefectureCode ? this.byRegion.get(region.prefectureCode) : undefined;
    const department = domain
      ? this.input.publishers.pick(rng, domain, region)
      : local && rng.chance(0.6)
        ? local
        : rng.pick(this.provincial);
    const receivedOn = this.receivedOn(rng);
    const place = placeWord(region.name, region.level === 'PROVINCE');
    const topic = rng.pick(TOPICS.get(domain)!);
    const content = `申请公开${place}${yearOf(receivedOn) - rng.int(0, 2)}年${topic}`;

    const original = answerDeadline(calendar, receivedOn);
    let extension: { on: string; deadline: string; provisional: boolean; reason: string } | null = null;
    if (rng.chance(0.08)) {
      const on = calendar.addWorkingDays(receivedOn, rng.int(10, 20)).date;
      if (on <= until) {
        const later = extendedDeadline(calendar, original.date);
        extension = { on, deadline: later.date, provisional: later.provisional, reason: rng.pick(EXTENSION_REASONS) };
      }
    }
    const due = extension?.deadline ?? original.date;
    // Answers come after the extension was decided, never before receipt.
    const earliest = extension?.on ?? receivedOn;
    const onTime = () => calendar.addWorkingDays(earliest, rng.int(1, Math.max(1, calendar.workingDaysBetween(earliest, due)))).date;
    let answeredOn: string | null;
    if (due > until) {
      answeredOn = rng.chance(0.5) ? onTime() : null;
    } else {
      const roll = rng.next();
      if (roll < 0.86) answeredOn = onTime();
      else if (roll < 0.96) answeredOn = calendar.addWorkingDays(due, rng.int(1, 25)).date;
      else answeredOn = null;
    }
    if (answeredOn && answeredOn > until) answeredOn = null;
    return {
      receivedOn,
      requesterKind: rng.weighted(REQUESTER_KINDS),
      content,
      department: department.code,
      domain,
      deadline: original.date,
      deadlineProvisional: original.provisional,
      extendedOn: extension?.on ?? null,
      extendedDeadline: extension?.deadline ?? null,
      extendedDeadlineProvisional: extension?.provisional ?? false,
      extensionReason: extension?.reason ?? null,
      answeredOn,
      outcome: answeredOn ? rng.weighted(OUTCOMES) : null,
    };
  }

  /** A working day, weighted towards recent years, as requests grew with disclosure. */
  private receivedOn(rng: Rng): string {
    return this.history.workingDay(rng);
  }
}
