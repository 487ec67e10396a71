import { Entity, Enum, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Disclosure, Subject } from '../../hub/published.js';
import { Area } from '../../../kernel/values/area.js';
import { Node } from '../../../kernel/node.js';
import { DateTimeScalar, DecimalScalar } from '../../../kernel/scalars/index.js';
import { MiningPaymentMethod, MiningRightKind } from './mining-enums.js';

@ObjectType({ description: '矿业权简要情况' })
export class MiningRightSummary {
  @Field(() => MiningRightKind, { description: '矿业权类别（采矿权、探矿权）' })
  rightKind!: MiningRightKind;

  @Field({ description: '项目名称' })
  projectName!: string;

  @Field({ description: '矿种' })
  mineral!: string;

  @Field({ description: '地理位置' })
  location!: string;

  @Field(() => Area, { description: '面积' })
  area!: Area;
}

@Entity({ tableName: 'mining_deal' })
@ObjectType({ implements: [Node, Disclosure], description: '矿业权出让 · 交易结果' })
export class MiningRightDeal {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Field(() => Subject, { nullable: true, description: '中标人/竞得人' })
  winner?: Subject;

  @Property({ type: 'json' })
  @Field(() => MiningRightSummary, { description: '矿业权简要情况（中标或竞得的矿业权）' })
  rightSummary!: MiningRightSummary;

  @Property({ type: 'datetime' })
  @Field(() => DateTimeScalar, { description: '成交时间' })
  dealTime!: Date;

  @Property({ type: 'string', length: 300 })
  @Field({ description: '成交地点' })
  dealPlace!: string;

  @Property({ type: 'decimal', precision: 18, scale: 2 })
  @Field(() => DecimalScalar, { description: '成交价格（元）' })
  price!: string;

  @Enum({ items: () => MiningPaymentMethod, nativeEnumName: 'mining_payment_method' })
  @Field(() => MiningPaymentMethod, { description: '缴纳方式' })
  paymentMethod!: MiningPaymentMethod;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '分期缴纳安排（首期比例、期数、期限；一次性缴纳为空）' })
  paymentTerms?: string | null;
}
