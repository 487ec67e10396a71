import { Entity, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Disclosure } from '../../hub/published.js';
import { TaskCompletion } from '../../../kernel/values/values.js';
import { Node } from '../../../kernel/node.js';
import { DecimalScalar } from '../../../kernel/scalars/index.js';
import { RuralHouseholdCategory, RuralRenovationMethod } from './housing-enums.js';

/** One row of 资金补助标准: subsidies differ by household category and, in most years, by renovation method. */
@ObjectType({ description: '资金补助标准 (subsidy per household for one category)' })
export class RuralSubsidyStandard {
  @Field(() => RuralHouseholdCategory, { description: '补助对象类别' })
  householdCategory!: RuralHouseholdCategory;

  @Field(() => RuralRenovationMethod, { nullable: true, description: '改造方式 (null: the same for every method)' })
  renovationMethod?: RuralRenovationMethod | null;

  @Field(() => DecimalScalar, { description: '户均补助（元/户）' })
  yuanPerHousehold!: string;
}

/** 农村危房改造相关政策措施执行情况; names no market subject (recipients are rural households). */
@Entity({ tableName: 'housing_rural_renovation' })
@ObjectType({ implements: [Node, Disclosure], description: '住房保障 · 农村危房改造' })
export class RuralRenovation {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: '年度' })
  year!: number;

  @Property({ type: 'text' })
  @Field({ description: '政策 (农村危房改造政策)' })
  policy!: string;

  @Property({ type: 'text' })
  @Field({ description: '补助范围' })
  subsidyScope!: string;

  @Property({ type: 'text' })
  @Field({ description: '对象认定及工作程序' })
  targetIdentification!: string;

  @Property({ type: 'json' })
  @Field(() => [RuralSubsidyStandard], { description: '资金补助标准' })
  subsidyStandard!: RuralSubsidyStandard[];

  @Property({ type: 'json' })
  @Field(() => TaskCompletion, { description: '任务安排及完成情况（户）' })
  tasksAndCompletion!: TaskCompletion;
}
