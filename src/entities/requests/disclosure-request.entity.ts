import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Opt, type Rel } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Department } from '../core/department.entity.js';
import { Domain } from '../core/domain.js';
import { Node, toGlobalId } from '../../kernel/node.js';
import { DateScalar } from '../../kernel/scalars/index.js';
import { RequesterKind, RequestOutcome } from './request-enums.js';

/**
 * A request for disclosure (依申请公开): what was asked, of whom, when, and how
 * and when it was answered. Deadlines are stored, computed on the working-day
 * calendar when the request is written, so "overdue" is a range condition.
 * The checks keep a row coherent whatever writes it.
 */
@Entity({ tableName: 'disclosure_request' })
@Index({ properties: ['receivedOn', 'requestId'] })
@Index({ properties: ['department', 'receivedOn', 'requestId'] })
@Index({ properties: ['domain', 'receivedOn'] })
@Check({ name: 'disclosure_request_content_given', expression: 'length(btrim(content)) > 0' })
@Check({ name: 'disclosure_request_deadline_after_receipt', expression: 'deadline > received_on' })
@Check({ name: 'disclosure_request_answer_not_before_receipt', expression: 'answered_on >= received_on' })
@Check({ name: 'disclosure_request_answer_has_outcome', expression: '(answered_on is null) = (outcome is null)' })
@Check({
  name: 'disclosure_request_extension_complete',
  expression: '(extended_on is null) = (extended_deadline is null) and (extended_on is null) = (extension_reason is null)',
})
@Check({ name: 'disclosure_request_extension_reason_given', expression: 'length(btrim(extension_reason)) > 0' })
// 第三十三条: the extension is decided while the original limit runs, and adds time.
@Check({ name: 'disclosure_request_extension_within_limit', expression: 'extended_on >= received_on and extended_on <= deadline' })
@Check({ name: 'disclosure_request_extension_adds_time', expression: 'extended_deadline > deadline' })
@Check({ name: 'disclosure_request_extension_before_answer', expression: 'extended_on <= answered_on' })
@Check({
  name: 'disclosure_request_extension_provisional',
  expression: 'extended_deadline is not null or not extended_deadline_provisional',
})
@ObjectType({ implements: Node, description: '政府信息公开申请 (a request for disclosure, 依申请公开)' })
export class DisclosureRequest {
  [OptionalProps]?: 'requestId';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  requestId!: number;

  @Field(() => ID, { description: '全局标识 (opaque global id)' })
  get id(): string {
    return toGlobalId('DisclosureRequest', String(this.requestId));
  }

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '收到申请日期' })
  receivedOn!: string;

  @Enum({ items: () => RequesterKind, nativeEnumName: 'requester_kind' })
  @Field(() => RequesterKind, { description: '申请人类别（公民、法人或者其他组织）' })
  requesterKind!: RequesterKind;

  @Property({ type: 'text' })
  @Field({ description: '申请公开的内容' })
  content!: string;

  /** The body asked; the request's region is that department's. */
  @ManyToOne(() => Department, { fieldName: 'department_code' })
  department!: Rel<Department>;

  @Enum({ items: () => Domain, nativeEnumName: 'domain', nullable: true })
  @Field(() => Domain, { nullable: true, description: '所涉领域 (null: none of the eight)' })
  domain?: Domain | null;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '法定答复期限: the 20th working day after receipt (第三十三条; the day of receipt not counted)' })
  deadline!: string;

  @Property({ type: 'boolean', default: false })
  @Field(() => Boolean, { description: '期限为暂定: the count crossed a year whose holiday schedule is not yet published' })
  deadlineProvisional: Opt<boolean> = false;

  /** The day the extension was decided and the requester told. */
  @Property({ type: 'date', nullable: true })
  extendedOn?: string | null;

  /** 20 working days after the original deadline. */
  @Property({ type: 'date', nullable: true })
  extendedDeadline?: string | null;

  @Property({ type: 'boolean', default: false })
  extendedDeadlineProvisional: Opt<boolean> = false;

  @Property({ type: 'text', nullable: true })
  extensionReason?: string | null;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: '答复日期 (null: not yet answered)' })
  answeredOn?: string | null;

  @Enum({ items: () => RequestOutcome, nativeEnumName: 'request_outcome', nullable: true })
  @Field(() => RequestOutcome, { nullable: true, description: '答复结果 (null: not yet answered)' })
  outcome?: RequestOutcome | null;
}
