import { Entity, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Disclosure } from '../../hub/published.js';
import { Node } from '../../../kernel/node.js';
import { DecimalScalar } from '../../../kernel/scalars/index.js';
import { Pollutant } from './emission-enums.js';

/** One lot of 竞买标的: a notice usually offers several pollutants at once, each with its own quantity and floor price. */
@ObjectType({ description: '竞买标的 (one lot: a pollutant, its quantity and starting price)' })
export class EmissionAuctionLot {
  @Field(() => Pollutant, { description: '交易品种' })
  pollutant!: Pollutant;

  @Field(() => DecimalScalar, { description: '数量（吨）' })
  quantity!: string;

  @Field(() => DecimalScalar, { description: '竞买起始价（元/吨）' })
  startingPrice!: string;

  @Field(() => Int, { nullable: true, description: '使用期限（年） (null where the notice states none)' })
  termYears?: number | null;
}

@Entity({ tableName: 'emission_auction_notice' })
@ObjectType({ implements: [Node, Disclosure], description: '排污权交易 · 竞买通告' })
export class EmissionAuctionNotice {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Property({ type: 'json' })
  @Field(() => [EmissionAuctionLot], { description: '竞买标的' })
  object!: EmissionAuctionLot[];

  @Property({ type: 'text' })
  @Field({ description: '报名条件' })
  registrationConditions!: string;

  @Property({ type: 'text' })
  @Field({ description: '申报材料' })
  applicationMaterials!: string;
}
