import { Entity, Enum, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Disclosure, Subject } from '../../hub/published.js';
import { Node } from '../../../kernel/node.js';
import { DecimalScalar } from '../../../kernel/scalars/index.js';
import { Pollutant } from './emission-enums.js';

/** One trade: a result announcement naming several enterprises or pollutants is one record per trade. */
@Entity({ tableName: 'emission_auction_result' })
@ObjectType({ implements: [Node, Disclosure], description: '排污权交易 · 竞买结果' })
export class EmissionAuctionResult {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Field(() => Subject, { nullable: true, description: '交易企业' })
  tradingEnterprise?: Subject;

  @Enum({ items: () => Pollutant, nativeEnumName: 'emission_pollutant' })
  @Field(() => Pollutant, { description: '交易品种' })
  pollutant!: Pollutant;

  @Property({ type: 'decimal', precision: 16, scale: 4 })
  @Field(() => DecimalScalar, { description: '成交数量（吨）' })
  quantity!: string;

  /**
   * 成交金额 is the record's main money figure, so it lives in the hub's
   * `amount` column (no column here); redeclared only to describe it.
   */
  @Field(() => DecimalScalar, { description: '成交金额（元）' })
  amount!: string;
}
