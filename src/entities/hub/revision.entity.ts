import { Entity, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar, DecimalScalar, JSONObjectScalar } from '../../kernel/scalars/index.js';
import { Disclosure } from './disclosure.entity.js';

/**
 * An earlier version of a record, kept when it changes (变更): the plan
 * requires changes to be disclosed too, so nothing is overwritten unseen.
 */
@Entity({ tableName: 'disclosure_revision' })
@ObjectType({ description: '变更记录 (an earlier version of a record, kept when it changed)' })
export class DisclosureRevision {
  @ManyToOne(() => Disclosure, { primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @PrimaryKey({ type: 'integer' })
  @Field(() => Int, { description: '被替换的版本号 (the version this was)' })
  version!: number;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '变更日期 (the day the next version replaced it)' })
  changedOn!: string;

  @Property({ type: 'text' })
  @Field({ description: '变更理由' })
  reason!: string;

  @Property({ type: 'string', length: 500 })
  @Field({ description: '当时的标题' })
  title!: string;

  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: '当时的金额' })
  amount?: string | null;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '当时的形成日期' })
  formedOn!: string;

  /** The whole earlier version (envelope, details, parties) as it stood. */
  @Property({ type: 'json' })
  @Field(() => JSONObjectScalar, { description: '当时的完整内容 (envelope, typed details and parties as they stood)' })
  snapshot!: Record<string, unknown>;
}
