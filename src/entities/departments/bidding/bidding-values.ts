import { Embeddable, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar, DecimalScalar } from '../../../kernel/scalars/index.js';
import { BidSubmissionMethod } from './bidding-enums.js';

/**
 * How the tendering or prequalification documents are obtained. 招标投标法实施条例
 * 第十六条: the sale period is at least 5 days, the price covers printing and
 * posting only; documents downloaded from the trading platform are often free.
 */
@Embeddable()
@ObjectType({ description: '文件获取（发售）: period, method, place and price of the tendering or prequalification documents' })
export class TenderDocumentIssue {
  @Property({ type: 'datetime' })
  @Field(() => DateTimeScalar, { description: '获取（发售）开始时间' })
  from!: Date;

  @Property({ type: 'datetime' })
  @Field(() => DateTimeScalar, { description: '获取（发售）截止时间' })
  until!: Date;

  @Property({ type: 'string', length: 300 })
  @Field({ description: '获取（发售）方式 (e.g. 公共资源交易平台网上下载)' })
  method!: string;

  @Property({ type: 'string', length: 300, nullable: true })
  @Field(() => String, { nullable: true, description: '获取（发售）地点 (null: obtained online only)' })
  place?: string | null;

  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: '售价（元） (null: free of charge)' })
  price?: string | null;
}

/**
 * Where and until when bids (or prequalification applications) are handed in.
 * 招标投标法 第二十四条: at least 20 days from the documents' issue to the bid
 * deadline; 第三十四条: bids are opened at that same time.
 */
@Embeddable()
@ObjectType({ description: '文件递交: deadline, method and place for handing in bids or prequalification applications' })
export class TenderSubmission {
  @Property({ type: 'datetime' })
  @Field(() => DateTimeScalar, { description: '递交截止时间' })
  deadline!: Date;

  @Enum({ items: () => BidSubmissionMethod, nativeEnumName: 'bidding_submission_method' })
  @Field(() => BidSubmissionMethod, { description: '递交方式' })
  method!: BidSubmissionMethod;

  @Property({ type: 'string', length: 300, nullable: true })
  @Field(() => String, { nullable: true, description: '递交地点 (null: online submission only)' })
  place?: string | null;
}
