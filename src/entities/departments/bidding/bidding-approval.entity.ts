import { Embeddable, Embedded, Entity, Enum, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Disclosure, Subject } from '../../hub/published.js';
import { Node } from '../../../kernel/node.js';
import { DateScalar, DecimalScalar } from '../../../kernel/scalars/index.js';
import { ProjectApprovalKind, TenderingMethod, TenderingOrganisation } from './bidding-enums.js';

@Embeddable()
@ObjectType({ description: '项目审批核准备案信息' })
export class ProjectApproval {
  @Enum({ items: () => ProjectApprovalKind, nativeEnumName: 'bidding_project_approval_kind' })
  @Field(() => ProjectApprovalKind, { description: '类别（审批、核准、备案）' })
  kind!: ProjectApprovalKind;

  @Property({ type: 'string', length: 100 })
  @Field({ description: '文号（备案为备案证明编号）' })
  documentNo!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '日期' })
  decidedOn!: string;

  @Property({ type: 'string', length: 200 })
  @Field({ description: '审批（核准、备案）机关' })
  authority!: string;
}

@Embeddable()
@ObjectType({ description: '初步设计概算审批情况' })
export class DesignBudgetApproval {
  @Property({ type: 'string', length: 100 })
  @Field({ description: '批复文号' })
  documentNo!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '批复日期' })
  approvedOn!: string;

  @Property({ type: 'decimal', precision: 18, scale: 2 })
  @Field(() => DecimalScalar, { description: '批准概算（元）' })
  approvedBudget!: string;
}

@Embeddable()
@ObjectType({ description: '招标范围/方式/组织形式核准（招标范围、招标方式及组织形式核准信息）' })
export class ScopeMethodOrganization {
  @Property({ type: 'text' })
  @Field({ description: '招标范围' })
  scope!: string;

  @Enum({ items: () => TenderingMethod, nativeEnumName: 'bidding_tendering_method' })
  @Field(() => TenderingMethod, { description: '招标方式' })
  method!: TenderingMethod;

  @Enum({ items: () => TenderingOrganisation, nativeEnumName: 'bidding_tendering_organisation' })
  @Field(() => TenderingOrganisation, { description: '招标组织形式' })
  organisation!: TenderingOrganisation;
}

/** 招标核准信息 of a project that must be tendered by law (依法必须招标项目); disclosed by the approving department. */
@Entity({ tableName: 'bidding_approval' })
@ObjectType({ implements: [Node, Disclosure], description: '工程建设项目招标投标 · 招标核准信息' })
export class BiddingApproval {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Embedded(() => ProjectApproval, { prefix: 'project_approval_' })
  @Field(() => ProjectApproval, { description: '项目审批核准备案 (the project\'s 审批, 核准 or 备案)' })
  projectApproval!: ProjectApproval;

  // Only government-invested projects have their preliminary design budget approved;
  // enterprise projects (核准, 备案) have none.
  @Embedded(() => DesignBudgetApproval, { prefix: 'design_budget_', nullable: true })
  @Field(() => DesignBudgetApproval, { nullable: true, description: '初步设计概算审批情况 (null: not required, e.g. enterprise-invested projects)' })
  designBudgetApproval?: DesignBudgetApproval | null;

  // 招标投标法实施条例 第七条: only projects that go through 审批 or 核准 have their
  // tendering scope, method and organisation approved; 备案 projects do not.
  @Embedded(() => ScopeMethodOrganization, { prefix: 'tendering_', nullable: true })
  @Field(() => ScopeMethodOrganization, { nullable: true, description: '招标范围/方式/组织形式核准 (null: 备案 projects, which need none)' })
  scopeMethodOrganization?: ScopeMethodOrganization | null;

  @Field(() => Subject, { nullable: true, description: '招标人（项目单位）' })
  tenderer?: Subject;
}
