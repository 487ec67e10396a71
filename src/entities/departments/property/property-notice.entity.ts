import { Entity, Enum, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Disclosure, Subject } from '../../hub/published.js';
import { DateRange } from '../../../kernel/values/values.js';
import { Node } from '../../../kernel/node.js';
import { DateScalar, DecimalScalar } from '../../../kernel/scalars/index.js';
import { PropertyBiddingMethod } from './property-enums.js';

@ObjectType({ description: '资产评估情况' })
export class AssetValuation {
  @Field({ description: '评估机构' })
  appraiser!: string;

  @Field(() => DateScalar, { description: '评估基准日' })
  baseDate!: string;

  @Field(() => DecimalScalar, { description: '账面价值（元）' })
  bookValue!: string;

  @Field(() => DecimalScalar, { description: '评估价值（元）' })
  appraisedValue!: string;

  @Field(() => String, { nullable: true, description: '评估结果核准或备案文号（公告未载明为空）' })
  filingNo?: string | null;
}

@Entity({ tableName: 'property_notice' })
@ObjectType({ implements: [Node, Disclosure], description: '国有产权交易 · 交易公告' })
export class PropertyRightsNotice {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  /** Not in the plan's list, but the notice is the transferor's offer: who sells is part of it. */
  @Field(() => Subject, { nullable: true, description: '转让主体（转让方）' })
  transferor?: Subject;

  @Property({ type: 'text' })
  @Field({ description: '项目概况' })
  overview!: string;

  @Property({ type: 'decimal', precision: 18, scale: 2 })
  @Field(() => DecimalScalar, { description: '转让底价（挂牌价格，元）' })
  listingPrice!: string;

  /** 32号令 第十三条: an equity transfer is listed for at least 20 working days. */
  @Property({ type: 'json' })
  @Field(() => DateRange, { description: '信息披露期（挂牌期）' })
  listingPeriod!: DateRange;

  @Property({ type: 'json' })
  @Field(() => AssetValuation, { description: '资产评估情况' })
  assetValuation!: AssetValuation;

  @Enum({ items: () => PropertyBiddingMethod, nativeEnumName: 'property_bidding_method' })
  @Field(() => PropertyBiddingMethod, { description: '竞价方式' })
  biddingMethod!: PropertyBiddingMethod;

  @Property({ type: 'text' })
  @Field({ description: '交易条件' })
  conditions!: string;

  @Property({ type: 'text' })
  @Field({ description: '受让方资格条件' })
  transfereeQualifications!: string;
}
