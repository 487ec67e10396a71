import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { requireRole } from '../access/policy.js';
import { Role } from '../../kernel/viewer.js';
import { calendarFor } from '../calendar/calendar-store.js';
import { todayInChina } from '../../kernel/time/china-date.js';
import { answerDeadline, extendedDeadline } from './request-deadlines.js';
import { Domain } from '../../entities/core/domain.js';
import { DisclosureRequest } from '../../entities/requests/disclosure-request.entity.js';
import { RequesterKind, RequestOutcome } from '../../entities/requests/request-enums.js';
import type { Context } from '../../kernel/context.js';
import { ConflictError, ForbiddenError, InputIssues, NotFoundError } from '../../kernel/errors.js';
import { DateScalar } from '../../kernel/scalars/index.js';
import { numericIdOf, writeAudited, type ConstraintMeanings } from '../audit/audited-write.js';
import { insertRequest, lockRequestRow, markAnswered, markExtended, type StoredRequest } from './request-writes.repository.js';

@InputType({ description: '收到的政府信息公开申请 (nothing identifying the requester is stored)' })
export class DisclosureRequestInput {
  @Field(() => DateScalar, { description: '收到申请日期 (not after today in China)' })
  receivedOn!: string;

  @Field(() => RequesterKind, { description: '申请人类别' })
  requesterKind!: RequesterKind;

  @Field({ description: '申请公开的内容 (1–5000 characters)' })
  content!: string;

  @Field({ description: '受理部门代码 (the token\'s own department)' })
  departmentCode!: string;

  @Field(() => Domain, { nullable: true, description: '所涉领域' })
  domain?: Domain | null;
}

/** The database's checks on a request, in the mutations' terms (see the entity). */
const REQUEST_CHECKS: ConstraintMeanings = {
  disclosure_request_content_given: { field: 'input.content', message: 'input.content must not be blank' },
  disclosure_request_answer_not_before_receipt: { field: 'answeredOn', message: 'answeredOn is before the request was received' },
  disclosure_request_extension_reason_given: { field: 'reason', message: 'reason must not be blank' },
  disclosure_request_extension_within_limit: {
    field: 'extendedOn',
    message: 'extendedOn must fall between receipt and the original deadline (第三十三条: the extension is decided while the limit runs)',
  },
  disclosure_request_extension_before_answer: { field: 'extendedOn', message: 'the request was answered before extendedOn' },
};

/** Only the department asked may handle a request. */
function assertOwnRequest(ctx: Context, departmentCode: string): void {
  requireRole(ctx.viewer, Role.PUBLISHER);
  if (ctx.viewer.departmentCode !== departmentCode) {
    throw new ForbiddenError(`the request was made to ${departmentCode}; ${ctx.viewer.departmentCode} may not handle it`);
  }
}

function notInFuture(issues: InputIssues, path: string, date: string): void {
  const today = todayInChina();
  if (date > today) issues.add(path, `${path} ${date} is after today (${today}, China time)`, 'IN_FUTURE');
}

@Resolver()
export class RequestMutationsResolver {
  @Mutation(() => DisclosureRequest, {
    description: '登记收到的政府信息公开申请 (PUBLISHER of the department asked): the deadline is the 20th working day after receipt (第三十三条)',
  })
  async receiveDisclosureRequest(
    @Ctx() ctx: Context,
    @Arg('input', () => DisclosureRequestInput) input: DisclosureRequestInput,
  ): Promise<DisclosureRequest> {
    assertOwnRequest(ctx, input.departmentCode);
    const issues = new InputIssues();
    if (input.content.length > 5000) issues.add('input.content', `input.content is ${input.content.length} characters long; at most 5000`, 'TOO_LONG');
    notInFuture(issues, 'input.receivedOn', input.receivedOn);
    issues.throwIfAny();
    const due = answerDeadline(await calendarFor(ctx.em), input.receivedOn);
    const id = await writeAudited(
      ctx,
      async (tx) => {
        const after = await insertRequest(tx, {
          receivedOn: input.receivedOn,
          requesterKind: input.requesterKind,
          content: input.content.trim(),
          departmentCode: input.departmentCode,
          domain: input.domain ?? null,
          deadline: due.date,
          deadlineProvisional: due.provisional,
        });
        return {
          result: after.requestId,
          audit: [{ action: 'receiveDisclosureRequest', entity: 'DisclosureRequest', entityKey: String(after.requestId), before: null, after }],
        };
      },
      REQUEST_CHECKS,
    );
    return ctx.em.fork().findOneOrFail(DisclosureRequest, { requestId: id });
  }

  @Mutation(() => DisclosureRequest, {
    description:
      '延长答复期限 (PUBLISHER of the department asked; 第三十三条第二款): once only, by 20 working days after the original deadline, ' +
      'decided while the original limit runs. A second extension is CONFLICT.',
  })
  async extendDisclosureRequest(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '申请的全局标识' }) id: string,
    @Arg('extendedOn', () => DateScalar, { description: '决定延长并告知申请人的日期' }) extendedOn: string,
    @Arg('reason', () => String, { description: '延长理由' }) reason: string,
  ): Promise<DisclosureRequest> {
    requireRole(ctx.viewer, Role.PUBLISHER);
    const requestId = numericIdOf(id, 'DisclosureRequest', 'id');
    const issues = new InputIssues();
    if (reason.length > 2000) issues.add('reason', `reason is ${reason.length} characters long; at most 2000`, 'TOO_LONG');
    notInFuture(issues, 'extendedOn', extendedOn);
    issues.throwIfAny();
    const calendar = await calendarFor(ctx.em);
    await writeAudited(
      ctx,
      async (tx) => {
        const before = await lockRequest(tx, requestId, id);
        assertOwnRequest(ctx, before.departmentCode);
        // One set of extension columns: the law allows one extension, and the table can hold only one.
        if (before.extendedOn) throw new ConflictError(`the request was already extended on ${before.extendedOn}; the limit may be extended once only`);
        const next = extendedDeadline(calendar, before.deadline);
        const after = await markExtended(tx, requestId, { extendedOn, deadline: next.date, provisional: next.provisional, reason: reason.trim() });
        return { result: undefined, audit: [{ action: 'extendDisclosureRequest', entity: 'DisclosureRequest', entityKey: String(requestId), before, after }] };
      },
      REQUEST_CHECKS,
    );
    return ctx.em.fork().findOneOrFail(DisclosureRequest, { requestId });
  }

  @Mutation(() => DisclosureRequest, {
    description: '答复申请 (PUBLISHER of the department asked): once; an answer already given is CONFLICT',
  })
  async answerDisclosureRequest(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '申请的全局标识' }) id: string,
    @Arg('answeredOn', () => DateScalar, { description: '答复日期' }) answeredOn: string,
    @Arg('outcome', () => RequestOutcome, { description: '答复结果' }) outcome: RequestOutcome,
  ): Promise<DisclosureRequest> {
    requireRole(ctx.viewer, Role.PUBLISHER);
    const requestId = numericIdOf(id, 'DisclosureRequest', 'id');
    const issues = new InputIssues();
    notInFuture(issues, 'answeredOn', answeredOn);
    issues.throwIfAny();
    await writeAudited(
      ctx,
      async (tx) => {
        const before = await lockRequest(tx, requestId, id);
        assertOwnRequest(ctx, before.departmentCode);
        if (before.answeredOn) throw new ConflictError(`the request was already answered on ${before.answeredOn} (${before.outcome})`);
        const after = await markAnswered(tx, requestId, answeredOn, outcome);
        return { result: undefined, audit: [{ action: 'answerDisclosureRequest', entity: 'DisclosureRequest', entityKey: String(requestId), before, after }] };
      },
      REQUEST_CHECKS,
    );
    return ctx.em.fork().findOneOrFail(DisclosureRequest, { requestId });
  }
}

async function lockRequest(tx: EntityManager, requestId: number, id: string): Promise<StoredRequest> {
  const row = await lockRequestRow(tx, requestId);
  if (!row) throw new NotFoundError(`no request for disclosure has id ${id}`);
  return row;
}
