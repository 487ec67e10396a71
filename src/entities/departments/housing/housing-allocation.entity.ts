import { Entity, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Disclosure } from '../../hub/published.js';
import { Area } from '../../../kernel/values/area.js';
import { Node } from '../../../kernel/node.js';
import { HousingProjectType } from './housing-enums.js';

@ObjectType({ description: '分配房源' })
export class AllocationHousingSource {
  @Field({ description: '项目名称' })
  projectName!: string;

  @Field(() => HousingProjectType, { description: '住房类型' })
  projectType!: HousingProjectType;

  @Field({ description: '坐落' })
  location!: string;

  @Field(() => Int, { description: '套数（套）' })
  units!: number;

  @Field(() => Area, { nullable: true, description: '套型建筑面积' })
  unitFloorArea?: Area | null;
}

/**
 * 分配结果 as aggregates only: the households are natural persons, and a
 * list of them would be personal information (个人隐私) that the record must
 * not make public; the roster itself is posted where the allocation is held.
 */
@ObjectType({ description: '分配结果 (counts and a summary; never a list of persons)' })
export class HousingAllocationResult {
  @Field(() => Int, { nullable: true, description: '申请户数' })
  applicantHouseholds?: number | null;

  @Field(() => Int, { nullable: true, description: '审核合格户数' })
  qualifiedHouseholds?: number | null;

  @Field(() => Int, { description: '分配户数' })
  allocatedHouseholds!: number;

  @Field(() => Int, { description: '分配套数' })
  allocatedUnits!: number;

  @Field({ description: '结果说明' })
  summary!: string;
}

/**
 * 保障性住房分配. An allocation is usually announced before its lottery or
 * ranking is held, so `process` and `result` are null until the record is
 * changed (变更) with them.
 */
@Entity({ tableName: 'housing_allocation' })
@ObjectType({ implements: [Node, Disclosure], description: '住房保障 · 保障性住房分配' })
export class HousingAllocation {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Property({ type: 'text' })
  @Field({ description: '分配政策' })
  policy!: string;

  @Property({ type: 'text' })
  @Field({ description: '分配对象 (eligible groups and conditions, not persons)' })
  recipients!: string;

  @Property({ type: 'json' })
  @Field(() => [AllocationHousingSource], { description: '分配房源' })
  housingStock!: AllocationHousingSource[];

  @Property({ type: 'text' })
  @Field({ description: '分配程序' })
  procedure!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '分配过程 (null until the allocation is held)' })
  process?: string | null;

  @Property({ type: 'json', nullable: true })
  @Field(() => HousingAllocationResult, { nullable: true, description: '分配结果 (null until the allocation is held)' })
  result?: HousingAllocationResult | null;
}
