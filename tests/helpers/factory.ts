import type { EntityManager } from '@mikro-orm/postgresql';
import { Domain } from '../../src/entities/core/domain.js';
import { CreditEntry, CreditList, CreditMeasureKind } from '../../src/entities/credit/credit-entry.entity.js';
import { Subject, SubjectKind } from '../../src/entities/credit/subject.entity.js';
import { Disclosure } from '../../src/entities/hub/disclosure.entity.js';
import { Channel, DisclosureStatus, PartyRole } from '../../src/entities/hub/enums.js';
import { Party } from '../../src/entities/hub/party.entity.js';
import { ChannelPublication } from '../../src/entities/hub/publication.entity.js';
import { DisclosureRevision } from '../../src/entities/hub/revision.entity.js';
import { ExpertRole } from '../../src/entities/departments/procurement/procurement-enums.js';
import { ProcurementResult } from '../../src/entities/departments/procurement/procurement-result.entity.js';
import { makeCreditCode } from '../../src/kernel/scalars/credit-code.js';

let serial = 0;

/** A valid credit code registered in `regionCode` (positions 3–8), distinct per call. */
export function nextCreditCode(regionCode = '630100'): string {
  serial++;
  return makeCreditCode(`91${regionCode}MA${String(serial).padStart(7, '0')}`);
}

export async function createSubject(em: EntityManager, name: string, regionCode = '630100'): Promise<Subject> {
  const subject = em.create(Subject, {
    creditCode: nextCreditCode(regionCode),
    name,
    kind: SubjectKind.ENTERPRISE,
    region: regionCode,
    legalRepresentative: '张三',
    creditLevel: 'AA',
  });
  await em.flush();
  return subject;
}

/** One procurement result, with its parties, a channel publication and one earlier version. */
export async function createProcurementResult(
  em: EntityManager,
  opts: { winner: Subject; purchaser: Subject; awardAmount: string; title?: string },
): Promise<Disclosure> {
  const record = em.create(Disclosure, {
    domain: Domain.GOVERNMENT_PROCUREMENT,
    category: 'RESULT',
    title: opts.title ?? '西宁市第一人民医院医疗设备采购项目中标结果公告',
    region: '630100',
    publisher: 'GOV-630100',
    amount: opts.awardAmount,
    formedOn: '2024-03-01',
    // 2 working days (政府采购法实施条例 第四十三条) after Friday 1 March: Tuesday 5 March.
    deadline: '2024-03-05',
    publishedOn: '2024-03-04',
    projectCode: 'QHZC-2024-001',
    status: DisclosureStatus.PUBLISHED,
    version: 2,
  });
  await em.flush();
  em.create(ProcurementResult, {
    disclosure: record,
    projectName: '医疗设备采购项目',
    awardAmount: opts.awardAmount,
    reviewExperts: [
      { name: '李四', role: ExpertRole.LEADER },
      { name: '王五', role: ExpertRole.MEMBER },
    ],
  });
  em.create(Party, { disclosure: record, domain: record.domain, formedOn: record.formedOn, role: PartyRole.WINNER, creditCode: opts.winner.creditCode });
  em.create(Party, { disclosure: record, domain: record.domain, formedOn: record.formedOn, role: PartyRole.PURCHASER, creditCode: opts.purchaser.creditCode });
  em.create(ChannelPublication, {
    disclosure: record,
    channel: Channel.GOVERNMENT_WEBSITE,
    publishedOn: '2024-03-04',
    url: 'https://www.qinghai.gov.cn/example',
  });
  em.create(DisclosureRevision, {
    disclosure: record,
    version: 1,
    changedOn: '2024-03-03',
    reason: '更正中标金额',
    title: record.title,
    amount: '1.00',
    formedOn: '2024-02-28',
    snapshot: { amount: '1.00' },
  });
  await em.flush();
  return record;
}

export async function createCreditEntry(
  em: EntityManager,
  subject: Subject,
  list: CreditList,
  dates: { validFrom: string; validUntil?: string | null; revokedOn?: string | null },
): Promise<CreditEntry> {
  const entry = em.create(CreditEntry, {
    list,
    subject,
    reason: list === CreditList.BLACK ? '提供虚假材料谋取中标' : '纳税信用A级',
    legalBasis: '《政府采购法》第七十七条',
    decidedBy: 'QH-FINANCE',
    decidedOn: dates.validFrom,
    validFrom: dates.validFrom,
    validUntil: dates.validUntil ?? null,
    revokedOn: dates.revokedOn ?? null,
    revocationReason: dates.revokedOn ? '信用修复' : null,
    measures: [{ kind: list === CreditList.BLACK ? CreditMeasureKind.PUNISHMENT : CreditMeasureKind.INCENTIVE, description: '限制参与政府采购活动' }],
  });
  await em.flush();
  return entry;
}
