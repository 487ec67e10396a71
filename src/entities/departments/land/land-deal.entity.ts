import { Embedded, Entity, Enum, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Disclosure, Subject } from '../../hub/published.js';
import { Area } from '../../../kernel/values/area.js';
import { GeoPoint } from '../../../kernel/values/values.js';
import { Node } from '../../../kernel/node.js';
import { DecimalScalar } from '../../../kernel/scalars/index.js';
import { LandUse } from './land-enums.js';

@Entity({ tableName: 'land_deal' })
@ObjectType({ implements: [Node, Disclosure], description: '国有土地使用权出让 · 成交公示' })
export class LandTransferDeal {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Property({ type: 'string', length: 64 })
  @Field({ description: '地块编号' })
  parcelNo!: string;

  @Property({ type: 'string', length: 500 })
  @Field({ description: '位置界址（坐落及四至）' })
  location!: string;

  @Enum({ items: () => LandUse, nativeEnumName: 'land_use' })
  @Field(() => LandUse, { description: '土地用途' })
  landUse!: LandUse;

  @Embedded(() => Area, { prefix: 'area_' })
  @Field(() => Area, { description: '标的面积' })
  area!: Area;

  @Property({ type: 'json' })
  @Field(() => [GeoPoint], { description: '空间范围（界址点坐标，按顺序闭合）' })
  spatialExtent!: GeoPoint[];

  /** At most 70 years for housing, 50 for industry and public services, 40 for commerce (城镇国有土地使用权出让和转让暂行条例 第十二条). */
  @Property({ type: 'smallint' })
  @Field(() => Int, { description: '出让年限（年）' })
  termYears!: number;

  @Property({ type: 'decimal', precision: 18, scale: 2 })
  @Field(() => DecimalScalar, { description: '成交价格（元）' })
  price!: string;

  @Field(() => Subject, { nullable: true, description: '受让单位' })
  grantee?: Subject;
}
