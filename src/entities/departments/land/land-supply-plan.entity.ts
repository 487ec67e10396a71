import { Embedded, Entity, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Disclosure } from '../../hub/published.js';
import { Area } from '../../../kernel/values/area.js';
import { Node } from '../../../kernel/node.js';
import { LandSupplyMethod, LandUse } from './land-enums.js';

@ObjectType({ description: '供应结构（按土地用途）' })
export class LandSupplyByUse {
  @Field(() => LandUse, { description: '土地用途' })
  landUse!: LandUse;

  @Field(() => Area, { description: '计划供应面积' })
  area!: Area;
}

/** One line of the layout: a region's share, optionally narrowed to a zone (片区、园区) within it. */
@ObjectType({ description: '供应布局（按区域）' })
export class LandSupplyByPlace {
  /** GB/T 2260 code; the `region` field is resolved from it (LandSupplyByPlaceResolver). */
  regionCode!: string;

  @Field(() => String, { nullable: true, description: '片区、园区（区域内的具体布局，无则为空）' })
  zone?: string | null;

  @Field(() => Area, { description: '计划供应面积' })
  area!: Area;
}

@ObjectType({ description: '供应方式（按方式分列的计划面积）' })
export class LandSupplyByMethod {
  @Field(() => LandSupplyMethod, { description: '供应方式' })
  method!: LandSupplyMethod;

  @Field(() => Area, { description: '计划供应面积' })
  area!: Area;
}

/**
 * 国有建设用地供应计划. A plan supplies land by several uses, places and
 * methods at once, so structure, layout and method are each a breakdown of
 * the total rather than a single value.
 */
@Entity({ tableName: 'land_supply_plan' })
@ObjectType({ implements: [Node, Disclosure], description: '国有土地使用权出让 · 土地供应计划' })
export class LandSupplyPlan {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: '计划年度' })
  planYear!: number;

  @Embedded(() => Area, { prefix: 'total_supply_' })
  @Field(() => Area, { description: '供应总量（国有建设用地计划供应面积）' })
  totalSupply!: Area;

  @Property({ type: 'json' })
  @Field(() => [LandSupplyByUse], { description: '供应结构（按土地用途分列）' })
  supplyStructure!: LandSupplyByUse[];

  @Property({ type: 'json' })
  @Field(() => [LandSupplyByPlace], { description: '供应布局（按区域分列）' })
  supplyLayout!: LandSupplyByPlace[];

  @Property({ type: 'json' })
  @Field(() => [LandSupplyByMethod], { description: '供应方式（按划拨、出让等方式分列）' })
  supplyMethod!: LandSupplyByMethod[];
}
