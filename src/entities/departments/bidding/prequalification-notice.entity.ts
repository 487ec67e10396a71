import { Embedded, Entity, Enum, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Disclosure, Subject } from '../../hub/published.js';
import { Node } from '../../../kernel/node.js';
import { PrequalificationMethod } from './bidding-enums.js';
import { TenderDocumentIssue, TenderSubmission } from './bidding-values.js';

/**
 * 资格预审公告. 招标投标法实施条例 第十六条: the prequalification documents are on
 * sale for at least 5 days; 第十七条: applications are due no sooner than 5 days
 * after the sale ends.
 */
@Entity({ tableName: 'bidding_prequalification_notice' })
@ObjectType({ implements: [Node, Disclosure], description: '工程建设项目招标投标 · 资格预审公告' })
export class PrequalificationNotice {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Field(() => Subject, { nullable: true, description: '招标人' })
  tenderer?: Subject;

  @Field(() => Subject, { nullable: true, description: '代理机构 (null: 自行招标)' })
  agency?: Subject;

  @Property({ type: 'text' })
  @Field({ description: '项目概况' })
  overview!: string;

  @Property({ type: 'text' })
  @Field({ description: '招标条件' })
  conditions!: string;

  @Property({ type: 'text' })
  @Field({ description: '招标范围' })
  scope!: string;

  @Embedded(() => TenderDocumentIssue, { prefix: 'document_sale_' })
  @Field(() => TenderDocumentIssue, { description: '资格预审文件发售' })
  documentSale!: TenderDocumentIssue;

  @Embedded(() => TenderSubmission, { prefix: 'application_' })
  @Field(() => TenderSubmission, { description: '资格预审申请文件递交' })
  applicationSubmission!: TenderSubmission;

  @Property({ type: 'text' })
  @Field({ description: '审查标准（资格预审审查标准）' })
  criteria!: string;

  @Enum({ items: () => PrequalificationMethod, nativeEnumName: 'bidding_prequalification_method' })
  @Field(() => PrequalificationMethod, { description: '资格预审方式' })
  method!: PrequalificationMethod;
}
