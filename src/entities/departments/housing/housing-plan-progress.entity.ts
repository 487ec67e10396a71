import { Entity, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Disclosure } from '../../hub/published.js';
import { Area } from '../../../kernel/values/area.js';
import { ProgressReport } from '../../../kernel/values/values.js';
import { Node } from '../../../kernel/node.js';
import { DateScalar } from '../../../kernel/scalars/index.js';
import { HousingProjectType } from './housing-enums.js';

/** What the plan asks of a started or completed project (项目基本信息); the two differ only by their date. */
// Registered so subclasses inherit its fields; not reachable, so never in the schema itself.
@ObjectType()
abstract class HousingProjectBasics {
  @Field({ description: '项目名称' })
  name!: string;

  @Field(() => HousingProjectType, { description: '项目类型' })
  projectType!: HousingProjectType;

  @Field({ description: '建设地点' })
  location!: string;

  @Field(() => Int, { description: '套数（套）' })
  units!: number;

  @Field(() => Area, { nullable: true, description: '建筑面积' })
  floorArea?: Area | null;
}

@ObjectType({ description: '已开工项目基本信息' })
export class StartedHousingProject extends HousingProjectBasics {
  @Field(() => DateScalar, { description: '开工日期' })
  startedOn!: string;
}

@ObjectType({ description: '已竣工项目基本信息' })
export class CompletedHousingProject extends HousingProjectBasics {
  @Field(() => DateScalar, { description: '竣工日期' })
  completedOn!: string;
}

@Entity({ tableName: 'housing_plan_progress' })
@ObjectType({ implements: [Node, Disclosure], description: '住房保障 · 建设计划完成情况' })
export class HousingPlanProgress {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: '计划年度' })
  year!: number;

  @Property({ type: 'json' })
  @Field(() => ProgressReport, { description: '任务完成进度' })
  progress!: ProgressReport;

  @Property({ type: 'json' })
  @Field(() => [StartedHousingProject], { description: '已开工项目' })
  startedProjects!: StartedHousingProject[];

  @Property({ type: 'json' })
  @Field(() => [CompletedHousingProject], { description: '已竣工项目' })
  completedProjects!: CompletedHousingProject[];

  @Property({ type: 'text' })
  @Field({ description: '配套设施建设' })
  supportingFacilities!: string;
}
