import { Entity, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Disclosure, Subject } from '../../hub/published.js';
import { Node } from '../../../kernel/node.js';
import { DateScalar, DecimalScalar } from '../../../kernel/scalars/index.js';

@ObjectType({ description: '资质证书 (a qualification certificate, e.g. 建筑工程施工总承包一级)' })
export class BidderQualification {
  @Field({ description: '资质名称' })
  name!: string;

  @Field({ description: '资质等级 (特级, 一级, 甲级 …)' })
  grade!: string;

  @Field({ description: '证书编号' })
  certificateNo!: string;

  @Field(() => DateScalar, { nullable: true, description: '有效期至' })
  validUntil?: string | null;
}

/** What the record said of the enterprise; the subject's name and credit code are on the Subject itself. */
@ObjectType({ description: '投标企业基本情况' })
export class BidderBasics {
  @Field({ description: '法定代表人' })
  legalRepresentative!: string;

  @Field(() => DecimalScalar, { description: '注册资本（元）' })
  registeredCapital!: string;

  @Field(() => DateScalar, { description: '成立日期' })
  establishedOn!: string;

  @Field({ description: '注册地址' })
  registeredAddress!: string;

  // A contractor commonly holds several certificates (总承包 and 专业承包), so a list.
  @Field(() => [BidderQualification], { description: '资质' })
  qualifications!: BidderQualification[];
}

/**
 * 市场主体信用信息, disclosed by each industry regulator. creditLevel,
 * performanceCapacity and personnelReputation also live on Subject, as of
 * today; here they are what this record stated when it was published.
 */
@Entity({ tableName: 'bidding_market_credit' })
@ObjectType({ implements: [Node, Disclosure], description: '工程建设项目招标投标 · 市场主体信用信息' })
export class BidderCreditInfo {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Field(() => Subject, { nullable: true, description: '投标企业' })
  bidder?: Subject;

  @Property({ type: 'json' })
  @Field(() => BidderBasics, { description: '投标企业基本情况' })
  bidderBasics!: BidderBasics;

  @Property({ type: 'string', length: 16 })
  @Field({ description: '信用等级 (as stated by this record, e.g. AAA, AA, A, B, C; Subject.creditLevel is the current one)' })
  creditLevel!: string;

  @Property({ type: 'text' })
  @Field({ description: '履约能力 (as stated by this record)' })
  performanceCapacity!: string;

  @Property({ type: 'text' })
  @Field({ description: '人员信誉 (as stated by this record)' })
  personnelReputation!: string;
}
