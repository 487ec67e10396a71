import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../kernel/scalars/index.js';
import { Disclosure } from './disclosure.entity.js';
import { Channel } from './enums.js';

@Entity({ tableName: 'disclosure_publication' })
@ObjectType({ description: '发布记录 (where and when a record was published)' })
export class ChannelPublication {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Disclosure, { fieldName: 'disclosure_id', deleteRule: 'cascade', index: true })
  disclosure!: Rel<Disclosure>;

  @Enum({ items: () => Channel, nativeEnumName: 'channel' })
  @Field(() => Channel, { description: '渠道' })
  channel!: Channel;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '发布日期' })
  publishedOn!: string;

  @Property({ type: 'string', length: 2048, nullable: true })
  @Field(() => String, { nullable: true, description: '网址 (where the channel has one)' })
  url?: string | null;
}
