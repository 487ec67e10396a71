import { Entity, Enum, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Disclosure, Subject } from '../../hub/published.js';
import { DateRange, Quantity } from '../../../kernel/values/values.js';
import { Node } from '../../../kernel/node.js';
import { DrugProcurementMethod } from './drug-enums.js';

@Entity({ tableName: 'drug_notice' })
@ObjectType({ implements: [Node, Disclosure], description: '药品（疫苗）采购 · 采购公告' })
export class DrugProcurementNotice {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Field(() => Subject, { nullable: true, description: '采购人' })
  purchaser?: Subject;

  @Field(() => Subject, { nullable: true, description: '采购机构' })
  agency?: Subject;

  @Property({ type: 'text' })
  @Field({ description: '采购范围' })
  scope!: string;

  @Enum({ items: () => DrugProcurementMethod, nativeEnumName: 'drug_procurement_method' })
  @Field(() => DrugProcurementMethod, { description: '采购方式' })
  method!: DrugProcurementMethod;

  @Property({ type: 'json' })
  @Field(() => DateRange, { description: '采购周期' })
  period!: DateRange;

  @Property({ type: 'json' })
  @Field(() => Quantity, { description: '采购数量 (e.g. 120000 支)' })
  quantity!: Quantity;
}
