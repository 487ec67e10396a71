import { Embedded, Entity, Enum, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Disclosure } from '../../hub/published.js';
import { Area } from '../../../kernel/values/area.js';
import { GeoPoint } from '../../../kernel/values/values.js';
import { Node } from '../../../kernel/node.js';
import { DateTimeScalar } from '../../../kernel/scalars/index.js';
import { ExplorationDegree, MiningTransferMethod } from './mining-enums.js';

/**
 * 时间规定: the dates a bidder must keep. Date-times with their offset
 * (China time), kept in the JSON column as ISO 8601 strings.
 */
@ObjectType({ description: '时间规定（矿业权出让）' })
export class MiningTransferSchedule {
  @Field(() => DateTimeScalar, { description: '报名（领取出让文件）起始时间' })
  registrationFrom!: string;

  @Field(() => DateTimeScalar, { description: '报名截止时间' })
  registrationUntil!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '保证金缴纳截止时间（申请在先、协议出让无保证金时为空）' })
  depositDeadline?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '挂牌起始时间、拍卖会开始时间或投标开始时间（申请在先、协议出让为空）' })
  biddingFrom?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '挂牌截止时间或投标截止时间（拍卖只有开始时间，为空）' })
  biddingUntil?: string | null;

  @Field(() => String, { nullable: true, description: '其他时间要求（如取得勘查许可证后开展工作的期限）' })
  note?: string | null;
}

@Entity({ tableName: 'mining_exploration_notice' })
@ObjectType({ implements: [Node, Disclosure], description: '矿业权出让 · 探矿权出让公告' })
export class ExplorationRightNotice {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Property({ type: 'string', length: 300 })
  @Field({ description: '项目名称' })
  projectName!: string;

  @Property({ type: 'string', length: 500 })
  @Field({ description: '地理位置' })
  location!: string;

  @Property({ type: 'string', length: 100 })
  @Field({ description: '勘查矿种（如锂、钾盐、铜、铅锌、金、煤）' })
  mineral!: string;

  @Property({ type: 'json' })
  @Field(() => [GeoPoint], { description: '范围坐标（拐点坐标，按顺序闭合）' })
  boundaryCoordinates!: GeoPoint[];

  @Embedded(() => Area, { prefix: 'area_' })
  @Field(() => Area, { description: '面积（勘查区块面积）' })
  area!: Area;

  @Enum({ items: () => ExplorationDegree, nativeEnumName: 'mining_exploration_degree' })
  @Field(() => ExplorationDegree, { description: '勘查工作程度' })
  explorationDegree!: ExplorationDegree;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: '出让年限（年）' })
  termYears!: number;

  @Enum({ items: () => MiningTransferMethod, nativeEnumName: 'mining_transfer_method' })
  @Field(() => MiningTransferMethod, { description: '出让方式' })
  transferMethod!: MiningTransferMethod;

  @Property({ type: 'text' })
  @Field({ description: '资质条件' })
  qualifications!: string;

  @Property({ type: 'json' })
  @Field(() => MiningTransferSchedule, { description: '时间规定' })
  timeRules!: MiningTransferSchedule;

  @Property({ type: 'text' })
  @Field({ description: '竞买要求' })
  biddingRequirements!: string;
}
