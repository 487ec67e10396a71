import { Entity, Enum, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Disclosure, Subject } from '../../hub/published.js';
import { Node } from '../../../kernel/node.js';
import { DateScalar } from '../../../kernel/scalars/index.js';
import { MiningApplicationType, MiningRightKind } from './mining-enums.js';

/**
 * 审批结果: the grant, extension, change, transfer, retention or cancellation
 * of an exploration or mining licence is an administrative licensing
 * decision (行政许可), so it must be public within 7 working days of the
 * decision rather than the usual 20.
 */
@Entity({ tableName: 'mining_approval' })
@ObjectType({ implements: [Node, Disclosure], description: '矿业权出让 · 审批结果' })
export class MiningRightApproval {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Field(() => Subject, { nullable: true, description: '矿业权人' })
  rightHolder?: Subject;

  @Enum({ items: () => MiningRightKind, nativeEnumName: 'mining_right_kind' })
  @Field(() => MiningRightKind, { description: '矿业权类别（采矿许可证或勘查许可证）' })
  rightKind!: MiningRightKind;

  @Property({ type: 'string', length: 64 })
  @Field({ description: '许可证号' })
  licenseNo!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '有效期止' })
  validUntil!: string;

  @Enum({ items: () => MiningApplicationType, nativeEnumName: 'mining_application_type' })
  @Field(() => MiningApplicationType, { description: '申请类型' })
  applicationType!: MiningApplicationType;
}
