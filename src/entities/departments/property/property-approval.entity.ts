import { Entity, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { Disclosure, Subject } from '../../hub/published.js';
import { Node } from '../../../kernel/node.js';
import { DateScalar } from '../../../kernel/scalars/index.js';
import { PropertyObjectKind } from './property-enums.js';

@ObjectType({ description: '审查批准情况' })
export class PropertyTransferApproval {
  @Field({ description: '批准单位（国资监管机构或国家出资企业）' })
  authority!: string;

  @Field({ description: '批准文号' })
  documentNo!: string;

  @Field(() => DateScalar, { description: '批准日期' })
  approvedOn!: string;
}

@ObjectType({ description: '转让标的' })
export class PropertyTransferObject {
  @Field({ description: '标的名称' })
  name!: string;

  @Field(() => PropertyObjectKind, { description: '标的类型（产权转让、企业增资、资产转让）' })
  kind!: PropertyObjectKind;

  @Field(() => Float, { nullable: true, description: '拟转让股权比例（%）（仅产权转让）' })
  sharePercent?: number | null;

  @Field({ description: '标的概况' })
  description!: string;
}

@Entity({ tableName: 'property_approval' })
@ObjectType({ implements: [Node, Disclosure], description: '国有产权交易 · 批准信息' })
export class PropertyRightsApproval {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Property({ type: 'json' })
  @Field(() => PropertyTransferApproval, { description: '审查批准情况' })
  approval!: PropertyTransferApproval;

  @Field(() => Subject, { nullable: true, description: '转让主体' })
  transferor?: Subject;

  @Property({ type: 'json' })
  @Field(() => PropertyTransferObject, { description: '转让标的' })
  object!: PropertyTransferObject;
}
