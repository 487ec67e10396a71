import { Entity, Enum, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Disclosure, Subject } from '../../hub/published.js';
import { ProgressReport } from '../../../kernel/values/values.js';
import { Node } from '../../../kernel/node.js';
import { DateScalar, DecimalScalar } from '../../../kernel/scalars/index.js';
import { ConstructionAcceptanceGrade } from './bidding-enums.js';

/**
 * 合同订立及履行: one record per contract, changed (a new version) as the works
 * start, progress and are completed and accepted; hence the nullable later dates.
 */
@Entity({ tableName: 'bidding_contract_performance' })
@ObjectType({ implements: [Node, Disclosure], description: '工程建设项目招标投标 · 合同订立及履行' })
export class ContractPerformance {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Field(() => Subject, { nullable: true, description: '招标人（发包人）' })
  tenderer?: Subject;

  @Field(() => Subject, { nullable: true, description: '承包人（中标人）' })
  contractor?: Subject;

  @Property({ type: 'text' })
  @Field({ description: '合同主要内容' })
  mainTerms!: string;

  @Property({ type: 'decimal', precision: 18, scale: 2 })
  @Field(() => DecimalScalar, { description: '合同价款（元）' })
  contractPrice!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '订立日期' })
  signedOn!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: '开工日期 (null: not yet started)' })
  startedOn?: string | null;

  @Property({ type: 'json' })
  @Field(() => ProgressReport, { description: '施工进度' })
  progress!: ProgressReport;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: '竣工日期 (null: not yet completed)' })
  completedOn?: string | null;

  @Enum({ items: () => ConstructionAcceptanceGrade, nativeEnumName: 'bidding_acceptance_grade', nullable: true })
  @Field(() => ConstructionAcceptanceGrade, { nullable: true, description: '工程验收质量评定等级 (null: not yet accepted)' })
  acceptanceGrade?: ConstructionAcceptanceGrade | null;
}
