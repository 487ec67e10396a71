import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Node, toGlobalId } from '../../kernel/node.js';
import { Region } from './region.entity.js';

export enum DepartmentKind {
  PROVINCIAL_DEPARTMENT = 'PROVINCIAL_DEPARTMENT',
  PREFECTURE_GOVERNMENT = 'PREFECTURE_GOVERNMENT',
  PROVINCIAL_GOVERNMENT_OFFICE = 'PROVINCIAL_GOVERNMENT_OFFICE',
}

registerEnumType(DepartmentKind, {
  name: 'DepartmentKind',
  description: '部门类别',
  valuesConfig: {
    PROVINCIAL_DEPARTMENT: { description: '省政府各委、办、厅、局' },
    PREFECTURE_GOVERNMENT: { description: '市州政府' },
    PROVINCIAL_GOVERNMENT_OFFICE: { description: '省政府办公厅（政务公开监督）' },
  },
});

@Entity({ tableName: 'department' })
@ObjectType({ implements: Node, description: '部门 (a department or government that discloses: 公开主体)' })
export class Department {
  /** Stable code (QH-FINANCE, GOV-630100): used in filters, tokens and report URLs. */
  @PrimaryKey({ type: 'string', length: 32 })
  @Field({ description: '部门代码' })
  code!: string;

  @Property({ type: 'string', length: 128 })
  @Field({ description: '全称' })
  name!: string;

  @Property({ type: 'string', length: 64 })
  @Field({ description: '简称（方案原文用语）' })
  shortName!: string;

  @Enum({ items: () => DepartmentKind, nativeEnumName: 'department_kind' })
  @Field(() => DepartmentKind, { description: '类别' })
  kind!: DepartmentKind;

  @ManyToOne(() => Region, { fieldName: 'region_code' })
  region!: Rel<Region>;

  @Field(() => ID, { description: '全局标识 (opaque global id)' })
  get id(): string {
    return toGlobalId('Department', this.code);
  }
}
