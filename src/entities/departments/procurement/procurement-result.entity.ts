import { Entity, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Disclosure, Subject } from '../../hub/published.js';
import { Node } from '../../../kernel/node.js';
import { DecimalScalar } from '../../../kernel/scalars/index.js';
import { ExpertRole } from './procurement-enums.js';

@ObjectType({ description: '评审专家' })
export class ReviewExpert {
  @Field({ description: '姓名' })
  name!: string;

  @Field(() => ExpertRole, { description: '身份' })
  role!: ExpertRole;
}

@Entity({ tableName: 'procurement_result' })
@ObjectType({ implements: [Node, Disclosure], description: '政府采购 · 采购结果（中标、成交结果）' })
export class ProcurementResult {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Property({ type: 'string', length: 300 })
  @Field({ description: '项目名称' })
  projectName!: string;

  @Property({ type: 'decimal', precision: 18, scale: 2 })
  @Field(() => DecimalScalar, { description: '中标金额（成交金额，元）' })
  awardAmount!: string;

  @Field(() => Subject, { nullable: true, description: '中标供应商（成交供应商）' })
  winningSupplier?: Subject;

  @Property({ type: 'json' })
  @Field(() => [ReviewExpert], { description: '评审专家' })
  reviewExperts!: ReviewExpert[];
}
