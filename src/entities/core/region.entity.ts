import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Node, toGlobalId } from '../../kernel/node.js';

export enum RegionLevel {
  PROVINCE = 'PROVINCE',
  PREFECTURE = 'PREFECTURE',
  COUNTY = 'COUNTY',
}

registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: '行政区划级别',
  valuesConfig: {
    PROVINCE: { description: '省级' },
    PREFECTURE: { description: '市州（地级）' },
    COUNTY: { description: '县级' },
  },
});

@Entity({ tableName: 'region' })
@ObjectType({ implements: Node, description: '行政区划 (administrative division, GB/T 2260)' })
export class Region {
  /** The GB/T 2260 code is the natural key: stable, and what every source system already uses. */
  @PrimaryKey({ type: 'string', length: 6 })
  @Field({ description: '行政区划代码 (GB/T 2260)' })
  code!: string;

  @Property({ type: 'string', length: 64 })
  @Field({ description: '名称' })
  name!: string;

  @Enum({ items: () => RegionLevel, nativeEnumName: 'region_level' })
  @Field(() => RegionLevel, { description: '级别' })
  level!: RegionLevel;

  @ManyToOne(() => Region, { nullable: true, fieldName: 'parent_code' })
  @Index()
  parent?: Rel<Region> | null;

  @Field(() => ID, { description: '全局标识 (opaque global id)' })
  get id(): string {
    return toGlobalId('Region', this.code);
  }
}
