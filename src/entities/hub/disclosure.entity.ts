import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Opt, type Rel } from '@mikro-orm/core';
import { Field, ID, Int, InterfaceType } from 'type-graphql';
import { Department } from '../core/department.entity.js';
import { Domain } from '../core/domain.js';
import { Region } from '../core/region.entity.js';
import { Node, toGlobalId } from '../../kernel/node.js';
import { DateScalar, DecimalScalar } from '../../kernel/scalars/index.js';
import { typeNameOf } from './category-registry.js';
import { DisclosureStatus, Exemption } from './enums.js';

/**
 * The hub index (公共资源交易平台 as the plan's hub): the envelope every
 * record shares, whatever its domain. Cross-domain lists and filters read
 * only this table and its parties; each department module keeps the typed
 * details of its categories in tables of its own, keyed by this id.
 */
@Entity({ tableName: 'disclosure' })
@Index({ properties: ['domain', 'category'] })
// Keyset pagination walks (sort key, id) in order; one index per sortable key.
// By formation date, carrying what compliance figures read, so a period's figures are an
// index-only scan rather than a heap fetch per record (a province-year is ~150k records at 1M).
@Index({
  name: 'disclosure_formed_on_id_index',
  expression:
    'create index "disclosure_formed_on_id_index" on "disclosure" ("formed_on", "id") ' +
    'include ("domain", "category", "region_code", "publisher_code", "deadline", "published_on", "retracted_on", "exemption")',
})
@Index({ properties: ['publishedOn', 'id'] })
@Index({ properties: ['amount', 'id'] })
// The common listing "one domain, newest first, within dates" walks this in order.
@Index({ properties: ['domain', 'formedOn', 'id'] })
@Index({
  name: 'disclosure_title_bigrams_index',
  expression: 'create index "disclosure_title_bigrams_index" on "disclosure" using gin ("title_bigrams")',
})
// The publisher's own id (importing a file twice finds the same records): unique per publisher where given.
@Index({
  name: 'disclosure_publisher_external_id_unique',
  expression:
    'create unique index "disclosure_publisher_external_id_unique" on "disclosure" ("publisher_code", "external_id") where "external_id" is not null',
})
@InterfaceType('Disclosure', {
  implements: Node,
  description: '公共资源配置领域政府信息 (a disclosed record; one concrete type per category)',
  resolveType: (record: Disclosure) => record.__typename,
})
export class Disclosure {
  /** Computed, never stored: not part of what creating a record takes. */
  [OptionalProps]?: '__typename' | 'globalId';

  /** Unique across all domains, so a record keeps one id from hub to department module. */
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** The concrete GraphQL type: the category's details class. */
  get __typename(): string {
    return typeNameOf(this.domain, this.category);
  }

  @Field(() => ID, { name: 'id', description: '全局标识 (opaque global id)' })
  get globalId(): string {
    return toGlobalId(this.__typename, String(this.id));
  }

  @Enum({ items: () => Domain, nativeEnumName: 'domain' })
  @Field(() => Domain, { description: '领域' })
  domain!: Domain;

  @Property({ type: 'string', length: 32 })
  @Field({ description: '类别代码 (the category code within the domain, e.g. "DEAL")' })
  category!: string;

  @Property({ type: 'string', length: 500 })
  @Field({ description: '标题' })
  title!: string;

  @ManyToOne(() => Region, { fieldName: 'region_code', index: true })
  region!: Rel<Region>;

  @ManyToOne(() => Department, { fieldName: 'publisher_code', index: true })
  publisher!: Rel<Department>;

  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: '金额（元）: the main money figure, where the record has one' })
  amount?: string | null;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '信息形成或变更日期 (formed or last changed)' })
  formedOn!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: '公开日期 (null: not yet published)' })
  publishedOn?: string | null;

  /** Stored, so overdue lists are a range query; recomputed when a time limit or the calendar changes. */
  @Property({ type: 'date', index: true })
  @Field(() => DateScalar, { description: '公开期限: the last day to publish, from the time-limit rules on working days' })
  deadline!: string;

  @Property({ type: 'boolean', default: false })
  @Field(() => Boolean, {
    description: '期限为暂定: the count crossed a year whose holiday schedule is not yet published (weekends alone were used)',
  })
  deadlineProvisional: Opt<boolean> = false;

  @Property({ type: 'string', length: 64, nullable: true })
  @Field(() => String, { nullable: true, description: '项目编号' })
  projectCode?: string | null;

  @Enum({ items: () => DisclosureStatus, nativeEnumName: 'disclosure_status' })
  @Field(() => DisclosureStatus, { description: '公开状态' })
  status!: DisclosureStatus;

  @Enum({ items: () => Exemption, nativeEnumName: 'exemption', default: Exemption.NONE })
  @Field(() => Exemption, { description: '免予公开事由 (NONE: to be disclosed)' })
  exemption: Opt<Exemption> = Exemption.NONE;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '免予公开的依据' })
  exemptionBasis?: string | null;

  @Property({ type: 'integer', default: 1 })
  @Field(() => Int, { description: '版本 (1, then one more for each change 变更)' })
  version: Opt<number> = 1;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: '撤回日期' })
  retractedOn?: string | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '撤回理由' })
  retractionReason?: string | null;

  /**
   * The lower-cased title's character bigrams, computed by the database (see the
   * migration that adds it): what the GIN index for Chinese title search is built on.
   * Never read into the entity, never written.
   */
  @Property({
    type: 'text[]',
    generated: '(gk_bigrams(lower(title))) stored',
    lazy: true,
    hidden: true,
    ignoreSchemaChanges: ['type', 'extra'],
  })
  titleBigrams?: Opt<string[]>;

  // The four columns below are bookkeeping of the write path, which reads them in its own
  // SQL; `hidden` keeps them out of the graph's read-only rows (schema/light-rows.ts),
  // which would otherwise fetch and parse them for every record of every page.

  /** The publisher's own id for the record (发布方编号), from publishing or import; null for records without one. */
  @Property({ type: 'string', length: 128, nullable: true, hidden: true })
  externalId?: string | null;

  /** SHA-256 of the content last written through the publishing path: a re-import of the same content changes nothing. */
  @Property({ type: 'string', length: 64, nullable: true, hidden: true })
  contentHash?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()', hidden: true })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date(), hidden: true })
  updatedAt: Opt<Date> = new Date();
}
