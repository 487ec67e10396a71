import { Entity, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Disclosure, Subject } from '../../hub/published.js';
import { Node } from '../../../kernel/node.js';
import { DateScalar, DecimalScalar } from '../../../kernel/scalars/index.js';

/**
 * One ranked candidate. The candidate itself is resolved from `creditCode`
 * (BidCandidateResolver); the record also names it as a CANDIDATE party with
 * the same rank, so "every record naming this enterprise" finds it.
 */
@ObjectType({ description: '中标候选人 (one ranked candidate)' })
export class BidCandidate {
  @Field(() => Int, { description: '排序 (1 = first)' })
  rank!: number;

  /** 统一社会信用代码 of the candidate; exposed as `candidate`. */
  creditCode!: string;

  @Field({ description: '标的 (the lot or works bid for)' })
  object!: string;

  @Field(() => DecimalScalar, { description: '投标报价（元）' })
  bidPrice!: string;

  @Field({ description: '项目负责人 (项目经理 or 总监理工程师 named in the bid)' })
  projectManager!: string;
}

/**
 * 中标候选人公示. 招标投标法实施条例 第五十四条: published within 3 days of
 * receiving the evaluation report and shown for at least 3 days; objections
 * to the evaluation result are raised during that period.
 */
@Entity({ tableName: 'bidding_candidates' })
@ObjectType({ implements: [Node, Disclosure], description: '工程建设项目招标投标 · 中标候选人' })
export class BidCandidates {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Property({ type: 'json' })
  @Field(() => [BidCandidate], { description: '中标候选人（按排序）' })
  candidates!: BidCandidate[];

  @Property({ type: 'text' })
  @Field({ description: '异议受理渠道和方式' })
  objectionChannel!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '收到评标报告日期' })
  evaluationReportReceivedOn!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '公示开始日期' })
  publicityFrom!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '公示截止日期' })
  publicityUntil!: string;

  @Field(() => Subject, { nullable: true, description: '招标人' })
  tenderer?: Subject;
}
