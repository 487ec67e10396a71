import { Entity, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Disclosure, Subject } from '../../hub/published.js';
import { Node } from '../../../kernel/node.js';
import { DecimalScalar } from '../../../kernel/scalars/index.js';

@Entity({ tableName: 'bidding_result' })
@ObjectType({ implements: [Node, Disclosure], description: '工程建设项目招标投标 · 中标结果' })
export class BidResult {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Field(() => Subject, { nullable: true, description: '中标人' })
  winner?: Subject;

  @Property({ type: 'decimal', precision: 18, scale: 2 })
  @Field(() => DecimalScalar, { description: '中标价（元）' })
  winningBid!: string;

  @Property({ type: 'text' })
  @Field({ description: '投诉渠道 (the supervising department and how to reach it)' })
  complaintChannel!: string;

  @Property({ type: 'text' })
  @Field({ description: '投诉方式 (e.g. 书面投诉, with the time limit)' })
  complaintMethod!: string;

  @Field(() => Subject, { nullable: true, description: '招标人' })
  tenderer?: Subject;
}
