import { Embedded, Entity, Enum, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Disclosure } from '../../hub/published.js';
import { Area } from '../../../kernel/values/area.js';
import { PlanningIndicators } from '../../../kernel/values/values.js';
import { Node } from '../../../kernel/node.js';
import { HousingProjectType } from './housing-enums.js';

/** 城镇保障性安居工程 · 规划建设方案: one project's site and planning conditions. */
@Entity({ tableName: 'housing_scheme' })
@ObjectType({ implements: [Node, Disclosure], description: '住房保障 · 规划建设方案' })
export class HousingScheme {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Property({ type: 'string', length: 300 })
  @Field({ description: '项目名称' })
  projectName!: string;

  @Enum({ items: () => HousingProjectType, nativeEnumName: 'housing_project_type' })
  @Field(() => HousingProjectType, { description: '项目类型 (保障性安居工程类型)' })
  projectType!: HousingProjectType;

  @Property({ type: 'string', length: 500 })
  @Field({ description: '建设地点' })
  location!: string;

  /** As the planning permit words it (e.g. 二类居住用地, 划拨): no single national list is used across 市州. */
  @Property({ type: 'string', length: 100 })
  @Field({ description: '用地性质' })
  landNature!: string;

  @Embedded(() => Area, { prefix: 'site_area_' })
  @Field(() => Area, { description: '占地面积' })
  siteArea!: Area;

  @Property({ type: 'text' })
  @Field({ description: '建设内容' })
  constructionContent!: string;

  @Property({ type: 'json' })
  @Field(() => PlanningIndicators, { description: '规划指标' })
  planningIndicators!: PlanningIndicators;
}
