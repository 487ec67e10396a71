import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { assertMayDecideCredit, requireRole } from '../access/policy.js';
import { readableRecord } from '../access/readable-record.js';
import { Role } from '../../kernel/viewer.js';
import { CreditEntry, CreditList, CreditMeasureKind } from '../../entities/credit/credit-entry.entity.js';
import type { Context } from '../../kernel/context.js';
import { ConflictError, InputIssues, NotFoundError } from '../../kernel/errors.js';
import { CreditCodeScalar, DateScalar } from '../../kernel/scalars/index.js';
import { numericIdOf, writeAudited } from '../audit/audited-write.js';
import { insertEntry, lockEntry, markRevoked, subjectExists } from './credit-entry-writes.repository.js';

@InputType({ description: '联合激励或惩戒措施' })
export class CreditMeasureInput {
  @Field(() => CreditMeasureKind, { description: '类别' })
  kind!: CreditMeasureKind;

  @Field({ description: '措施内容 (1–500 characters)' })
  description!: string;
}

@InputType({ description: '列入红黑名单 (an entry decided by the caller\'s own department)' })
export class CreditEntryInput {
  @Field(() => CreditList, { description: '名单' })
  list!: CreditList;

  @Field(() => CreditCodeScalar, { description: '市场主体的统一社会信用代码 (the subject must exist: upsertSubjects first)' })
  subjectCreditCode!: string;

  @Field({ description: '列入事由' })
  reason!: string;

  @Field({ description: '法律依据' })
  legalBasis!: string;

  @Field(() => String, { nullable: true, description: '决定部门代码 (default and only allowed value: the token\'s department)' })
  decidedByCode?: string | null;

  @Field(() => DateScalar, { description: '决定日期' })
  decidedOn!: string;

  @Field(() => DateScalar, { description: '有效期起' })
  validFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: '有效期止 (含当日; null: 长期)' })
  validUntil?: string | null;

  @Field(() => [CreditMeasureInput], { description: '联合激励或惩戒措施', defaultValue: [] })
  measures!: CreditMeasureInput[];

  @Field(() => ID, { nullable: true, description: '所依据的公开记录 (global id of a disclosure the caller may read; NOT_FOUND otherwise)' })
  basisRecordId?: string | null;
}

@Resolver()
export class CreditEntryMutationsResolver {
  @Mutation(() => CreditEntry, { description: '列入红黑名单 (PUBLISHER: the deciding department is the token\'s own)' })
  async addCreditEntry(@Ctx() ctx: Context, @Arg('input', () => CreditEntryInput) input: CreditEntryInput): Promise<CreditEntry> {
    requireRole(ctx.viewer, Role.PUBLISHER);
    assertMayDecideCredit(ctx.viewer, input.decidedByCode ?? ctx.viewer.departmentCode!);
    const issues = new InputIssues();
    issues.text('input.reason', input.reason, 2000);
    issues.text('input.legalBasis', input.legalBasis, 2000);
    input.measures.forEach((m, i) => issues.text(`input.measures[${i}].description`, m.description, 500));
    if (input.validUntil != null && input.validUntil < input.validFrom) {
      issues.add('input.validUntil', `input.validUntil ${input.validUntil} is before input.validFrom ${input.validFrom}`, 'DATE_ORDER');
    }
    if (input.validFrom < input.decidedOn) {
      issues.add('input.validFrom', `input.validFrom ${input.validFrom} is before the decision (${input.decidedOn})`, 'DATE_ORDER');
    }
    if (!(await subjectExists(ctx.em, input.subjectCreditCode))) {
      issues.add('input.subjectCreditCode', `no subject has credit code ${input.subjectCreditCode}`, 'UNKNOWN_SUBJECT');
    }
    issues.throwIfAny();
    // A basis the caller may not read is absent to it, as an unknown id is: same code, same message.
    const basis = input.basisRecordId == null ? undefined : await readableRecord(ctx.em, ctx.viewer, input.basisRecordId);
    if (input.basisRecordId != null && !basis) throw new NotFoundError(`no record has id ${input.basisRecordId}`, 'input.basisRecordId');
    const basisId = basis?.id ?? null;
    const entryId = await writeAudited(ctx, async (tx) => {
      const row = await insertEntry(tx, {
        list: input.list,
        subjectCreditCode: input.subjectCreditCode,
        reason: input.reason.trim(),
        legalBasis: input.legalBasis.trim(),
        decidedByCode: ctx.viewer.departmentCode!,
        decidedOn: input.decidedOn,
        validFrom: input.validFrom,
        validUntil: input.validUntil ?? null,
        measures: input.measures.map((m) => ({ kind: m.kind, description: m.description.trim() })),
        basisDisclosureId: basisId,
      });
      return { result: row.entryId, audit: [{ action: 'addCreditEntry', entity: 'CreditEntry', entityKey: String(row.entryId), before: null, after: row }] };
    });
    return ctx.em.fork().findOneOrFail(CreditEntry, { entryId });
  }

  @Mutation(() => CreditEntry, {
    description: '撤销红黑名单记录 (only the deciding department; the entry stays, marked revoked, and is audited)',
  })
  async revokeCreditEntry(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '名单记录的全局标识' }) id: string,
    @Arg('revokedOn', () => DateScalar, { description: '撤销日期 (not before the decision)' }) revokedOn: string,
    @Arg('reason', () => String, { description: '撤销理由' }) reason: string,
  ): Promise<CreditEntry> {
    requireRole(ctx.viewer, Role.PUBLISHER);
    const entryId = numericIdOf(id, 'CreditEntry', 'id');
    await writeAudited(ctx, async (tx) => {
      const before = await lockEntry(tx, entryId);
      if (!before) throw new NotFoundError(`no credit entry has id ${id}`);
      assertMayDecideCredit(ctx.viewer, before.decidedByCode);
      if (before.revokedOn) throw new ConflictError(`the entry was already revoked on ${before.revokedOn}`);
      const issues = new InputIssues();
      issues.text('reason', reason, 2000);
      if (revokedOn < before.decidedOn) issues.add('revokedOn', `revokedOn ${revokedOn} is before the decision (${before.decidedOn})`, 'DATE_ORDER');
      issues.throwIfAny();
      const after = await markRevoked(tx, entryId, revokedOn, reason.trim());
      return { result: undefined, audit: [{ action: 'revokeCreditEntry', entity: 'CreditEntry', entityKey: String(entryId), before, after }] };
    });
    return ctx.em.fork().findOneOrFail(CreditEntry, { entryId });
  }
}
