import { Embedded, Entity, Enum, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Disclosure } from '../../hub/published.js';
import { Area } from '../../../kernel/values/area.js';
import { GeoPoint, Quantity } from '../../../kernel/values/values.js';
import { Node } from '../../../kernel/node.js';
import { MiningTransferMethod } from './mining-enums.js';

@Entity({ tableName: 'mining_notice' })
@ObjectType({ implements: [Node, Disclosure], description: '矿业权出让 · 采矿权出让公告' })
export class MiningRightNotice {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Property({ type: 'string', length: 300 })
  @Field({ description: '项目名称' })
  projectName!: string;

  @Property({ type: 'string', length: 100 })
  @Field({ description: '开采矿种（如锂、钾盐、铜、铅锌、金、煤）' })
  mineral!: string;

  @Property({ type: 'string', length: 500 })
  @Field({ description: '地理位置' })
  location!: string;

  @Property({ type: 'json' })
  @Field(() => [GeoPoint], { description: '范围坐标（拐点坐标，按顺序闭合）' })
  boundaryCoordinates!: GeoPoint[];

  @Embedded(() => Area, { prefix: 'area_' })
  @Field(() => Area, { description: '面积（矿区范围面积）' })
  area!: Area;

  @Property({ type: 'json' })
  @Field(() => Quantity, { description: '生产规模（如 万吨/年）' })
  productionScale!: Quantity;

  @Enum({ items: () => MiningTransferMethod, nativeEnumName: 'mining_transfer_method' })
  @Field(() => MiningTransferMethod, { description: '出让方式' })
  transferMethod!: MiningTransferMethod;
}
