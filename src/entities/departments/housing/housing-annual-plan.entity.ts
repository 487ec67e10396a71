import { Entity, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Disclosure } from '../../hub/published.js';
import { Area } from '../../../kernel/values/area.js';
import { Node } from '../../../kernel/node.js';
import { DecimalScalar } from '../../../kernel/scalars/index.js';
import { HousingCountUnit, HousingProjectType, HousingTaskMeasure } from './housing-enums.js';

/** One line of the breakdown of 计划任务量: targets are set per project type and measure (e.g. 棚户区改造 新开工 3000 套). */
@ObjectType({ description: '计划任务 (a target by project type and measure)' })
export class HousingTask {
  @Field(() => HousingProjectType, { description: '项目类型' })
  projectType!: HousingProjectType;

  @Field(() => HousingTaskMeasure, { description: '任务指标' })
  measure!: HousingTaskMeasure;

  @Field(() => Int, { description: '数量' })
  quantity!: number;

  @Field(() => HousingCountUnit, { description: '计量单位' })
  unit!: HousingCountUnit;
}

@ObjectType({ description: '计划项目' })
export class PlannedHousingProject {
  @Field({ description: '项目名称' })
  name!: string;

  @Field(() => HousingProjectType, { description: '项目类型' })
  projectType!: HousingProjectType;

  @Field({ description: '建设地点' })
  location!: string;

  @Field(() => Int, { description: '计划套数（套）' })
  units!: number;

  @Field(() => Area, { nullable: true, description: '建筑面积' })
  floorArea?: Area | null;

  @Field(() => DecimalScalar, { nullable: true, description: '计划投资（元）' })
  plannedInvestment?: string | null;
}

@ObjectType({ description: '计划户型' })
export class PlannedUnitType {
  @Field({ description: '户型 (e.g. 一室一厅)' })
  layout!: string;

  @Field(() => Area, { description: '套型建筑面积' })
  floorArea!: Area;

  @Field(() => Int, { description: '套数（套）' })
  units!: number;
}

@Entity({ tableName: 'housing_annual_plan' })
@ObjectType({ implements: [Node, Disclosure], description: '住房保障 · 年度建设计划' })
export class HousingAnnualPlan {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: '计划年度' })
  year!: number;

  /** The headline figure the plan names; measures that do not add up (基本建成, 租赁补贴 户) are in the breakdown. */
  @Property({ type: 'integer' })
  @Field(() => Int, { description: '计划任务量（套）: 计划新开工（改造）套数' })
  taskQuantity!: number;

  @Property({ type: 'json' })
  @Field(() => [HousingTask], { description: '计划任务分解 (by project type and measure)' })
  taskBreakdown!: HousingTask[];

  @Property({ type: 'json' })
  @Field(() => [PlannedHousingProject], { description: '计划项目' })
  plannedProjects!: PlannedHousingProject[];

  @Property({ type: 'json' })
  @Field(() => [PlannedUnitType], { description: '计划户型' })
  plannedUnitTypes!: PlannedUnitType[];
}
