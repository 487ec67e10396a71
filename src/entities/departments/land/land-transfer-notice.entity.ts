import { Entity, Enum, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Disclosure } from '../../hub/published.js';
import { Area } from '../../../kernel/values/area.js';
import { PlanningIndicators } from '../../../kernel/values/values.js';
import { Node } from '../../../kernel/node.js';
import { DateTimeScalar, DecimalScalar } from '../../../kernel/scalars/index.js';
import { LandTransferMethod, LandUse } from './land-enums.js';

/** One parcel offered: a notice often offers several, each with its own use, term and starting price. */
@ObjectType({ description: '出让地块' })
export class LandParcel {
  @Field({ description: '地块编号' })
  parcelNo!: string;

  @Field({ description: '位置（四至）' })
  location!: string;

  @Field(() => Area, { description: '出让面积' })
  area!: Area;

  @Field(() => LandUse, { description: '土地用途' })
  landUse!: LandUse;

  @Field(() => Int, { description: '出让年限（年）' })
  termYears!: number;

  @Field(() => DecimalScalar, { description: '起始价（元）' })
  startingPrice!: string;

  @Field(() => DecimalScalar, { description: '竞买保证金（元）' })
  deposit!: string;
}

/** The planning conditions are set per parcel, so each carries the parcel number it applies to. */
@ObjectType({ description: '地块规划指标要求' })
export class ParcelPlanningIndicators extends PlanningIndicators {
  @Field({ description: '地块编号' })
  parcelNo!: string;
}

/**
 * 交易时间安排. Date-times with their offset (China time); kept in the JSON
 * column as ISO 8601 strings.
 */
@ObjectType({ description: '交易时间安排' })
export class LandTransferSchedule {
  @Field(() => DateTimeScalar, { description: '报名（领取出让文件）起始时间' })
  registrationFrom!: string;

  @Field(() => DateTimeScalar, { description: '报名截止时间' })
  registrationUntil!: string;

  @Field(() => DateTimeScalar, { description: '竞买保证金缴纳截止时间' })
  depositDeadline!: string;

  @Field(() => DateTimeScalar, { description: '挂牌起始时间、拍卖会开始时间或投标开始时间' })
  biddingFrom!: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: '挂牌截止时间或投标截止时间（拍卖只有开始时间，为空）',
  })
  biddingUntil?: string | null;
}

@Entity({ tableName: 'land_transfer_notice' })
@ObjectType({ implements: [Node, Disclosure], description: '国有土地使用权出让 · 出让公告' })
export class LandTransferNotice {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Enum({ items: () => LandTransferMethod, nativeEnumName: 'land_transfer_method' })
  @Field(() => LandTransferMethod, { description: '出让方式' })
  transferMethod!: LandTransferMethod;

  @Property({ type: 'json' })
  @Field(() => [LandParcel], { description: '出让土地基本情况（各地块）' })
  parcelInfo!: LandParcel[];

  @Property({ type: 'json' })
  @Field(() => [ParcelPlanningIndicators], { description: '规划指标要求（各地块）' })
  planningIndicators!: ParcelPlanningIndicators[];

  @Property({ type: 'text' })
  @Field({ description: '竞买人资格条件' })
  bidderQualifications!: string;

  @Property({ type: 'json' })
  @Field(() => LandTransferSchedule, { description: '交易时间安排' })
  schedule!: LandTransferSchedule;
}
