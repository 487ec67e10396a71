import { Entity, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Disclosure, Subject } from '../../hub/published.js';
import { Node } from '../../../kernel/node.js';
import { DateScalar, DecimalScalar } from '../../../kernel/scalars/index.js';

@Entity({ tableName: 'procurement_contract' })
@ObjectType({ implements: [Node, Disclosure], description: '政府采购 · 采购合同' })
export class ProcurementContract {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Property({ type: 'string', length: 64 })
  @Field({ description: '合同编号' })
  contractNo!: string;

  @Property({ type: 'string', length: 64 })
  @Field({ description: '项目编号' })
  projectNo!: string;

  /** The record's main money figure, so it is the hub's `amount`; declared here for its own name and non-null type. */
  @Field(() => DecimalScalar, { description: '合同金额（元）' })
  amount!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '订立日期' })
  signedOn!: string;

  @Field(() => Subject, { nullable: true, description: '采购人' })
  purchaser?: Subject;

  @Field(() => Subject, { nullable: true, description: '供应商' })
  supplier?: Subject;
}
