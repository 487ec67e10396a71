import { Entity, Enum, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Disclosure, Subject } from '../../hub/published.js';
import { Node } from '../../../kernel/node.js';
import { DecimalScalar } from '../../../kernel/scalars/index.js';
import { DrugType } from './drug-enums.js';

@Entity({ tableName: 'drug_result' })
@ObjectType({ implements: [Node, Disclosure], description: '药品（疫苗）采购 · 采购结果' })
export class DrugProcurementResult {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Field(() => Subject, { nullable: true, description: '中标单位' })
  winner?: Subject;

  @Property({ type: 'string', length: 200 })
  @Field({ description: '药品（疫苗）名称' })
  drugName!: string;

  @Enum({ items: () => DrugType, nativeEnumName: 'drug_drug_type' })
  @Field(() => DrugType, { description: '种类 (药品（疫苗）类型)' })
  drugType!: DrugType;

  @Property({ type: 'decimal', precision: 18, scale: 2 })
  @Field(() => DecimalScalar, { description: '中标价格（元，按所列规格包装的单价）' })
  price!: string;

  @Property({ type: 'string', length: 200 })
  @Field({ description: '规格包装 (e.g. 0.5ml/支，1支/盒)' })
  specPackaging!: string;
}
