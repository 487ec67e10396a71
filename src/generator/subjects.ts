import { SubjectKind } from '../entities/credit/subject.entity.js';
import { CREDIT_CODE_CHARSET, makeCreditCode } from '../kernel/scalars/credit-code.js';
import { enterpriseName, institutionName, organName, personName, placeWord, type Industry } from './names.js';
import { Rng, ZipfSampler } from './rng.js';
import type { RegionPicker } from './regions.js';

/** A generated market subject, as written to the subject table. */
export interface GeneratedSubject {
  creditCode: string;
  name: string;
  kind: SubjectKind;
  regionCode: string | null;
  legalRepresentative: string;
  creditLevel: string | null;
  performanceCapacity: string | null;
  personnelReputation: string | null;
}

export type Pool = Industry | 'purchaser';

/**
 * Every subject of a run, grouped in pools by what they do (builders win
 * bids, pharma firms supply drugs …). A core of builders also buys land and
 * supplies goods, so one enterprise appears in several domains; within each
 * pool, draws follow a Zipf law, so a few subjects name thousands of records.
 */
export class SubjectRegistry {
  readonly subjects: GeneratedSubject[] = [];
  private readonly pools = new Map<Pool, { members: number[]; sampler: ZipfSampler }>();
  private readonly codes = new Set<string>();

  constructor(rng: Rng, regions: RegionPicker, total: number) {
    const share: readonly (readonly [Pool, number])[] = [
      ['builder', 0.22],
      ['supplier', 0.22],
      ['purchaser', 0.16],
      ['agency', 0.05],
      ['miner', 0.06],
      ['pharma', 0.07],
      ['emitter', 0.08],
      ['developer', 0.08],
      ['stateOwned', 0.06],
    ];
    const members = new Map<Pool, number[]>();
    for (const [pool, fraction] of share) {
      const list: number[] = [];
      const count = Math.max(8, Math.round(total * fraction));
      for (let i = 0; i < count; i++) list.push(this.add(this.makeSubject(rng, regions, pool)));
      members.set(pool, list);
    }
    // The cross-domain core: the busiest builders also buy land and supply goods,
    // and some developers build; listed first, so the Zipf law favours them there too.
    const core = members.get('builder')!.slice(0, Math.max(4, Math.round(members.get('builder')!.length * 0.1)));
    members.set('developer', [...core.slice(0, Math.ceil(core.length / 2)), ...members.get('developer')!]);
    members.set('supplier', [...core.slice(Math.floor(core.length / 2)), ...members.get('supplier')!]);
    for (const [pool, list] of members) this.pools.set(pool, { members: list, sampler: new ZipfSampler(list.length) });
  }

  /** A subject of the pool, drawn by popularity. */
  draw(rng: Rng, pool: Pool): GeneratedSubject {
    const { members, sampler } = this.pools.get(pool)!;
    return this.subjects[members[sampler.draw(rng)]!]!;
  }

  /** k distinct subjects of the pool (ranked candidates, say). */
  drawDistinct(rng: Rng, pool: Pool, k: number): GeneratedSubject[] {
    const chosen = new Map<string, GeneratedSubject>();
    for (let attempts = 0; chosen.size < k && attempts < k * 20; attempts++) {
      const s = this.draw(rng, pool);
      chosen.set(s.creditCode, s);
    }
    return [...chosen.values()];
  }

  private add(subject: GeneratedSubject): number {
    this.subjects.push(subject);
    return this.subjects.length - 1;
  }

  private makeSubject(rng: Rng, regions: RegionPicker, pool: Pool): GeneratedSubject {
    const region = regions.pick(rng);
    const provinceLevel = region.level === 'PROVINCE';
    let kind = SubjectKind.ENTERPRISE;
    let name: string;
    let prefix = '91'; // 工商 · 企业
    if (pool === 'purchaser') {
      const organ = rng.chance(0.45);
      kind = organ ? SubjectKind.GOVERNMENT_ORGAN : SubjectKind.INSTITUTION;
      prefix = organ ? '11' : '12'; // 机构编制 · 机关 / 事业单位
      const regionName = provinceLevel ? '青海省' : region.name;
      name = organ ? organName(rng, regionName) : institutionName(rng, regionName);
    } else {
      name = enterpriseName(rng, placeWord(region.name, provinceLevel), pool);
    }
    const creditCode = this.uniqueCode(rng, prefix, region.code);
    const enterprise = kind === SubjectKind.ENTERPRISE;
    return {
      creditCode,
      name,
      kind,
      regionCode: region.code,
      legalRepresentative: personName(rng),
      creditLevel: enterprise ? rng.weighted([['AAA', 2], ['AA', 4], ['A', 3], ['B', 1], [null, 2]] as const) : null,
      performanceCapacity: enterprise && rng.chance(0.6) ? rng.pick(['良好', '较好', '一般']) : null,
      personnelReputation: enterprise && rng.chance(0.6) ? rng.pick(['良好', '无不良记录', '较好']) : null,
    };
  }

  /** Positions 3–8 are the registering authority's region; 9–17 an organisation code with its GB 11714 check. */
  private uniqueCode(rng: Rng, prefix: string, regionCode: string): string {
    for (;;) {
      const body = rng.chance(0.45)
        ? `MA${randomChars(rng, 6)}`
        : rng.digits(8);
      const code = makeCreditCode(`${prefix}${regionCode}${body}${organisationCheck(body)}`);
      if (!this.codes.has(code)) {
        this.codes.add(code);
        return code;
      }
    }
  }
}

function randomChars(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += CREDIT_CODE_CHARSET[rng.int(0, CREDIT_CODE_CHARSET.length - 1)];
  return s;
}

/** GB 11714 organisation-code check digit over 8 characters (X for 10). */
function organisationCheck(body: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body[i]!;
    const v = c >= '0' && c <= '9' ? Number(c) : c.charCodeAt(0) - 55;
    sum += v * weights[i]!;
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}
