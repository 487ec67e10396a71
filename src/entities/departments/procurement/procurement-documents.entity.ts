import { Entity, Enum, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Disclosure } from '../../hub/published.js';
import { Node } from '../../../kernel/node.js';
import { EvaluationMethod } from './procurement-enums.js';

@Entity({ tableName: 'procurement_documents' })
@ObjectType({ implements: [Node, Disclosure], description: '政府采购 · 采购文件' })
export class ProcurementDocuments {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Property({ type: 'text' })
  @Field({ description: '供应商须知' })
  supplierInstructions!: string;

  @Property({ type: 'text' })
  @Field({ description: '技术参数要求' })
  technicalRequirements!: string;

  @Property({ type: 'text' })
  @Field({ description: '合同内容' })
  contractTerms!: string;

  @Property({ type: 'text' })
  @Field({ description: '合同格式' })
  contractTemplate!: string;

  @Enum({ items: () => EvaluationMethod, nativeEnumName: 'evaluation_method' })
  @Field(() => EvaluationMethod, { description: '评标办法' })
  evaluationMethod!: EvaluationMethod;

  @Property({ type: 'string', length: 2048, nullable: true })
  @Field(() => String, { nullable: true, description: '采购文件下载地址' })
  documentUrl?: string | null;
}
