import { Entity, Enum, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Disclosure, Subject } from '../../hub/published.js';
import { Node } from '../../../kernel/node.js';
import { DecimalScalar } from '../../../kernel/scalars/index.js';
import { ProcurementMethod } from './procurement-enums.js';

@Entity({ tableName: 'procurement_notice' })
@ObjectType({ implements: [Node, Disclosure], description: '政府采购 · 采购公告' })
export class ProcurementNotice {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Field(() => Subject, { nullable: true, description: '采购人' })
  purchaser?: Subject;

  @Field(() => Subject, { nullable: true, description: '采购代理机构' })
  agency?: Subject;

  @Enum({ items: () => ProcurementMethod, nativeEnumName: 'procurement_method' })
  @Field(() => ProcurementMethod, { description: '采购方式' })
  method!: ProcurementMethod;

  @Property({ type: 'text' })
  @Field({ description: '供应商资格要求' })
  supplierQualifications!: string;

  @Property({ type: 'text' })
  @Field({ description: '采购项目内容' })
  content!: string;

  @Property({ type: 'decimal', precision: 18, scale: 2 })
  @Field(() => DecimalScalar, { description: '预算金额（元）' })
  budget!: string;
}
