import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Department } from '../core/department.entity.js';
import { Region } from '../core/region.entity.js';
import { Node, toGlobalId } from '../../kernel/node.js';
import { CreditCodeScalar } from '../../kernel/scalars/index.js';

export enum SubjectKind {
  ENTERPRISE = 'ENTERPRISE',
  INDIVIDUAL_BUSINESS = 'INDIVIDUAL_BUSINESS',
  INSTITUTION = 'INSTITUTION',
  SOCIAL_ORGANISATION = 'SOCIAL_ORGANISATION',
  GOVERNMENT_ORGAN = 'GOVERNMENT_ORGAN',
  NATURAL_PERSON = 'NATURAL_PERSON',
  OTHER = 'OTHER',
}

registerEnumType(SubjectKind, {
  name: 'SubjectKind',
  description: '市场主体类型',
  valuesConfig: {
    ENTERPRISE: { description: '企业' },
    INDIVIDUAL_BUSINESS: { description: '个体工商户' },
    INSTITUTION: { description: '事业单位' },
    SOCIAL_ORGANISATION: { description: '社会组织' },
    GOVERNMENT_ORGAN: { description: '机关（采购人等）' },
    NATURAL_PERSON: { description: '自然人' },
    OTHER: { description: '其他' },
  },
});

/**
 * A market subject (市场主体), keyed across every domain by its 统一社会信用代码:
 * departments already hold it, and it is how one record meets another.
 */
@Entity({ tableName: 'subject' })
// Subjects of one kind in code order: the `subjects(filter: { kind })` listing.
@Index({ name: 'subject_kind_credit_code_index', properties: ['kind', 'creditCode'] })
@ObjectType({ implements: Node, description: '市场主体 (a market subject, keyed by 统一社会信用代码)' })
export class Subject {
  @PrimaryKey({ type: 'string', length: 18 })
  @Field(() => CreditCodeScalar, { description: '统一社会信用代码' })
  creditCode!: string;

  @Field(() => ID, { description: '全局标识 (opaque global id)' })
  get id(): string {
    return toGlobalId('Subject', this.creditCode);
  }

  @Property({ type: 'string', length: 200 })
  @Field({ description: '名称' })
  name!: string;

  @Enum({ items: () => SubjectKind, nativeEnumName: 'subject_kind' })
  @Field(() => SubjectKind, { description: '主体类型' })
  kind!: SubjectKind;

  /** Null for subjects registered outside Qinghai. */
  @ManyToOne(() => Region, { fieldName: 'region_code', nullable: true, index: true })
  region?: Rel<Region> | null;

  @Property({ type: 'string', length: 100, nullable: true })
  @Field(() => String, { nullable: true, description: '法定代表人（负责人）' })
  legalRepresentative?: string | null;

  /**
   * 身份证号码 of a natural person (自然人, or the operator of an individual
   * business): personal information, resolved for the graph by a guard that
   * returns it only to SUPERVISOR and to the department that registered the
   * subject (resolvers/credit/subject-personal.resolver.ts), never to PUBLIC.
   */
  @Property({ type: 'string', length: 18, nullable: true })
  idNumber?: string | null;

  /** 联系电话: personal for a natural person; guarded like idNumber. */
  @Property({ type: 'string', length: 32, nullable: true })
  contactPhone?: string | null;

  @Property({ type: 'string', length: 16, nullable: true })
  @Field(() => String, { nullable: true, description: '信用等级 (e.g. AAA, AA, A, B, C)' })
  creditLevel?: string | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '履约能力' })
  performanceCapacity?: string | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '人员信誉' })
  personnelReputation?: string | null;

  /**
   * The department that registered the subject (登记: its first upsertSubjects):
   * the only department that may change its master data or read its personal
   * data. Null when no department did (ADMIN, the seed, or before this was
   * recorded): then only ADMIN changes it. Kept out of the graph.
   */
  @ManyToOne(() => Department, { fieldName: 'registered_by_code', nullable: true, deleteRule: 'set null' })
  registeredBy?: Rel<Department> | null;
}
