import {
  Embeddable,
  Embedded,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
  type Rel,
} from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node, toGlobalId } from '../../kernel/node.js';
import { DateScalar } from '../../kernel/scalars/index.js';
import { Channel } from '../hub/enums.js';
import { Department } from './department.entity.js';
import { Domain } from './domain.js';
import { Region } from './region.entity.js';

export enum TimeLimitUnit {
  WORKING_DAYS = 'WORKING_DAYS',
  CALENDAR_DAYS = 'CALENDAR_DAYS',
}

registerEnumType(TimeLimitUnit, {
  name: 'TimeLimitUnit',
  description: '时限单位',
  valuesConfig: { WORKING_DAYS: { description: '工作日' }, CALENDAR_DAYS: { description: '自然日' } },
});

export enum DisclosureMode {
  PROACTIVE = 'PROACTIVE',
  ON_REQUEST = 'ON_REQUEST',
}

registerEnumType(DisclosureMode, {
  name: 'DisclosureMode',
  description: '公开方式',
  valuesConfig: { PROACTIVE: { description: '主动公开' }, ON_REQUEST: { description: '依申请公开' } },
});

@Embeddable()
@ObjectType({ description: '公开时限 (how long after formation or change a record must be public)' })
export class TimeLimit {
  @Property({ type: 'smallint' })
  @Field(() => Int, { description: '时限数值' })
  amount!: number;

  @Enum({ items: () => TimeLimitUnit, nativeEnumName: 'time_limit_unit' })
  @Field(() => TimeLimitUnit, { description: '时限单位' })
  unit!: TimeLimitUnit;

  @Property({ type: 'text' })
  @Field({ description: '依据 (the legal basis of the limit)' })
  basis!: string;
}

/**
 * One item of the proactive-disclosure catalogue (主动公开目录清单). The plan
 * asks for dynamic adjustment, so an item is never edited in place: a change
 * closes the current version (validUntil) and adds the next one.
 */
@Entity({ tableName: 'catalogue_item' })
@Unique({ properties: ['domain', 'category', 'region', 'version'] })
@Index({ properties: ['domain', 'category', 'region', 'validUntil'] })
@ObjectType({ implements: Node, description: '主动公开目录事项 (a catalogue item: what, how fast, how and by whom)' })
export class CatalogueItem {
  [OptionalProps]?: 'itemId';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  itemId!: number;

  @Field(() => ID, { description: '全局标识 (opaque global id)' })
  get id(): string {
    return toGlobalId('CatalogueItem', String(this.itemId));
  }

  @Enum({ items: () => Domain, nativeEnumName: 'domain' })
  @Field(() => Domain, { description: '领域' })
  domain!: Domain;

  @Property({ type: 'string', length: 32 })
  @Field({ description: '类别代码' })
  category!: string;

  @ManyToOne(() => Region, { fieldName: 'region_code' })
  region!: Rel<Region>;

  @Property({ type: 'string', length: 200 })
  @Field({ description: '公开事项' })
  item!: string;

  @Property({ type: 'text[]' })
  @Field(() => [String], { description: '公开内容要素 (the content elements the plan lists)' })
  contentElements!: string[];

  @Embedded(() => TimeLimit, { prefix: 'time_limit_' })
  @Field(() => TimeLimit, { description: '公开时限' })
  timeLimit!: TimeLimit;

  @Enum({ items: () => DisclosureMode, nativeEnumName: 'disclosure_mode' })
  @Field(() => DisclosureMode, { description: '公开方式' })
  disclosureMode!: DisclosureMode;

  @Enum({ items: () => Channel, nativeEnumName: 'channel', array: true })
  @Field(() => [Channel], { description: '公开渠道' })
  channels!: Channel[];

  @ManyToOne(() => Department, { fieldName: 'responsible_department_code' })
  responsibleDepartment!: Rel<Department>;

  @Property({ type: 'text' })
  @Field({ description: '监督渠道' })
  supervisionChannel!: string;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: '版本' })
  version!: number;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '生效日期' })
  validFrom!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: '失效日期 (null: current version)' })
  validUntil?: string | null;
}
