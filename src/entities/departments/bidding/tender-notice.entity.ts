import { Embedded, Entity, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Disclosure, Subject } from '../../hub/published.js';
import { Node } from '../../../kernel/node.js';
import { TenderDocumentIssue, TenderSubmission } from './bidding-values.js';

@Entity({ tableName: 'bidding_tender_notice' })
@ObjectType({ implements: [Node, Disclosure], description: '工程建设项目招标投标 · 招标公告' })
export class TenderNotice {
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

  @Embedded(() => TenderDocumentIssue, { prefix: 'document_access_' })
  @Field(() => TenderDocumentIssue, { description: '招标文件获取' })
  documentAccess!: TenderDocumentIssue;

  @Embedded(() => TenderSubmission, { prefix: 'submission_' })
  @Field(() => TenderSubmission, { description: '投标文件递交' })
  submission!: TenderSubmission;
}
