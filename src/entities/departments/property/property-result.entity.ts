import { Entity, Enum, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Disclosure, Subject } from '../../hub/published.js';
import { Node } from '../../../kernel/node.js';
import { DateTimeScalar, DecimalScalar } from '../../../kernel/scalars/index.js';
import { PropertyTransferMethod } from './property-enums.js';

@Entity({ tableName: 'property_result' })
@ObjectType({ implements: [Node, Disclosure], description: '国有产权交易 · 交易结果' })
export class PropertyRightsResult {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Property({ type: 'string', length: 64 })
  @Field({ description: '项目编号' })
  projectNo!: string;

  @Property({ type: 'string', length: 300 })
  @Field({ description: '标的名称' })
  objectName!: string;

  @Property({ type: 'decimal', precision: 18, scale: 2 })
  @Field(() => DecimalScalar, { description: '成交价格（元）' })
  price!: string;

  @Property({ type: 'datetime' })
  @Field(() => DateTimeScalar, { description: '成交时间' })
  dealTime!: Date;

  @Enum({ items: () => PropertyTransferMethod, nativeEnumName: 'property_transfer_method' })
  @Field(() => PropertyTransferMethod, { description: '转让方式' })
  transferMethod!: PropertyTransferMethod;

  @Field(() => Subject, { nullable: true, description: '转让方' })
  transferor?: Subject;

  @Field(() => Subject, { nullable: true, description: '受让方' })
  transferee?: Subject;
}
