import { addDays } from '../kernel/time/calendar-dates.js';
import type { DomainManifest } from '../entities/core/domain-manifest.js';
import { DOMAIN_MANIFESTS } from '../entities/departments/manifests.js';
import { loadResponsibilities } from '../reference-data/responsibility-expansion.js';
import type { GeneratedRecord } from './records.js';
import { Rng } from './rng.js';

export interface GeneratedCreditEntry {
  list: 'RED' | 'BLACK';
  subject: string;
  reason: string;
  legalBasis: string;
  decidedBy: string;
  decidedOn: string;
  validFrom: string;
  validUntil: string | null;
  measures: { kind: 'INCENTIVE' | 'PUNISHMENT'; description: string }[];
  revokedOn: string | null;
  revocationReason: string | null;
  basisDisclosure: number | null;
}

/** The first lead unit the plan names per domain decides list entries that follow no penalty record. */
const DOMAIN_LEADS = new Map<string, string>();
for (const row of loadResponsibilities()) {
  if (row.role === 'LEAD' && 'department' in row.unit && !DOMAIN_LEADS.has(row.domain)) {
    DOMAIN_LEADS.set(row.domain, row.unit.department);
  }
}

/** Why a subject is black-listed, per domain: each department's manifest says it for its own. */
const BLACK_REASONS = new Map<string, DomainManifest['demo']['blackListReasons']>(
  DOMAIN_MANIFESTS.map((m) => [m.domain, m.demo.blackListReasons]),
);

const PUNISHMENTS = ['限制参与政府采购、招标投标活动', '限制取得政府供应土地', '从严审核行政许可', '限制获得政府资金支持', '在信用中国（青海）公示'];
const INCENTIVES = ['行政审批"绿色通道"', '在招标投标中予以信用加分', '优先安排政府资金支持', '减少日常监管检查频次'];

/**
 * Red and black list entries tied to the records that justify them: a
 * supervision penalty black-lists the sanctioned supplier; a few winners of
 * results and deals earn a red entry; rarely, a winner is black-listed later.
 * Some entries have expired by `until`, some were revoked.
 */
export function creditEntriesFor(seed: string, record: GeneratedRecord, until: string): GeneratedCreditEntry[] {
  const rng = new Rng(`${seed}:credit:${record.envelope.id}`);
  const { domain, id, formedOn, publisher } = record.envelope;
  const out: GeneratedCreditEntry[] = [];
  const sanctioned = record.parties.find((p) => p.role === 'SANCTIONED');
  const winner = record.parties.find((p) => ['WINNER', 'GRANTEE', 'TRADING_ENTERPRISE', 'RIGHT_HOLDER'].includes(p.role));
  if (sanctioned && record.details.kind === 'VIOLATION_RECORD') {
    out.push(entry(rng, 'BLACK', sanctioned.creditCode, domain, publisher, formedOn, until, id));
  } else if (winner && rng.chance(0.004)) {
    out.push(entry(rng, 'BLACK', winner.creditCode, domain, DOMAIN_LEADS.get(domain)!, addDays(formedOn, rng.int(30, 400)), until, null));
  } else if (winner && rng.chance(0.008)) {
    out.push(entry(rng, 'RED', winner.creditCode, domain, DOMAIN_LEADS.get(domain)!, addDays(formedOn, rng.int(10, 200)), until, null));
  }
  return out.filter((e) => e.decidedOn <= until);
}

function entry(
  rng: Rng,
  list: 'RED' | 'BLACK',
  subject: string,
  domain: string,
  decidedBy: string,
  decidedOn: string,
  until: string,
  basisDisclosure: number | null,
): GeneratedCreditEntry {
  const [reason, legalBasis] =
    list === 'BLACK'
      ? rng.pick(BLACK_REASONS.get(domain)!)
      : rng.pick([
          ['纳税信用A级纳税人', '《关于对纳税信用A级纳税人实施联合激励措施的合作备忘录》（发改财金〔2016〕1467号）'],
          ['守合同重信用企业', '《关于印发〈青海省守信联合激励和失信联合惩戒实施办法〉的通知》'],
        ] as const);
  const years = list === 'BLACK' ? rng.int(1, 3) : 3;
  const validUntil = rng.chance(0.1) ? null : addDays(addDays(decidedOn, 365 * years), -1);
  let revokedOn: string | null = null;
  if (rng.chance(0.1)) {
    const candidate = addDays(decidedOn, rng.int(30, 700));
    if (candidate <= until && (!validUntil || candidate <= validUntil)) revokedOn = candidate;
  }
  const measures = rng.sample(list === 'BLACK' ? PUNISHMENTS : INCENTIVES, rng.int(1, 3)).map((description) => ({
    kind: list === 'BLACK' ? ('PUNISHMENT' as const) : ('INCENTIVE' as const),
    description,
  }));
  return {
    list,
    subject,
    reason,
    legalBasis,
    decidedBy,
    decidedOn,
    validFrom: decidedOn,
    validUntil,
    measures,
    revokedOn,
    revocationReason: revokedOn ? rng.pick(['信用修复，已整改到位', '行政复议撤销原决定', '失信行为已纠正']) : null,
    basisDisclosure,
  };
}
