import { ArgsType, Field, InputType, Int, registerEnumType } from 'type-graphql';
import { Domain } from '../../entities/core/domain.js';
import { DisclosureStatus, PartyRole } from '../../entities/hub/enums.js';
import { CreditCodeScalar, DateScalar, DecimalScalar } from '../../kernel/scalars/index.js';

@InputType({ description: '信息筛选条件 (every condition given must hold)' })
export class DisclosureFilter {
  @Field(() => [Domain], { nullable: true, description: '领域 (any of)' })
  domains?: Domain[] | null;

  @Field(() => [String], { nullable: true, description: '类别代码 (any of, e.g. ["RESULT", "DEAL"])' })
  categories?: string[] | null;

  @Field(() => String, { nullable: true, description: '行政区划代码: that region and every region under it' })
  regionCode?: string | null;

  @Field(() => String, { nullable: true, description: '公开主体部门代码' })
  publisherCode?: string | null;

  @Field(() => CreditCodeScalar, { nullable: true, description: '统一社会信用代码: records naming this subject' })
  creditCode?: string | null;

  @Field(() => PartyRole, { nullable: true, description: '当事主体角色 (with creditCode: only records naming it in this role)' })
  role?: PartyRole | null;

  @Field(() => DateScalar, { nullable: true, description: '形成日期起（含）' })
  formedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: '形成日期止（含）' })
  formedTo?: string | null;

  @Field(() => DateScalar, { nullable: true, description: '公开日期起（含）' })
  publishedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: '公开日期止（含）' })
  publishedTo?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '金额下限（含，元）' })
  amountMin?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '金额上限（含，元）' })
  amountMax?: string | null;

  @Field(() => String, { nullable: true, description: '标题包含 (2 to 100 characters, Chinese or not; two are enough)' })
  text?: string | null;

  @Field(() => Boolean, { nullable: true, description: '是否逾期 (published after its deadline, or still unpublished past it)' })
  overdue?: boolean | null;

  @Field(() => DisclosureStatus, { nullable: true, description: '公开状态' })
  status?: DisclosureStatus | null;
}

export enum DisclosureOrderField {
  FORMED_ON = 'FORMED_ON',
  PUBLISHED_ON = 'PUBLISHED_ON',
  AMOUNT = 'AMOUNT',
}

registerEnumType(DisclosureOrderField, {
  name: 'DisclosureOrderField',
  description: '排序字段 (ties are broken by id; records without the value come last)',
  valuesConfig: {
    FORMED_ON: { description: '形成日期' },
    PUBLISHED_ON: { description: '公开日期' },
    AMOUNT: { description: '金额' },
  },
});

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(OrderDirection, { name: 'OrderDirection', description: '排序方向' });

@InputType({ description: '排序 (default: formedOn, newest first)' })
export class DisclosureOrder {
  @Field(() => DisclosureOrderField, { description: '字段' })
  field!: DisclosureOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC, description: '方向' })
  direction: OrderDirection = OrderDirection.DESC;
}

/** The arguments of every disclosure list, top-level or nested under a subject, department or region. */
@ArgsType()
export class DisclosureListArgs {
  @Field(() => DisclosureFilter, { nullable: true, description: '筛选条件' })
  filter?: DisclosureFilter | null;

  @Field(() => DisclosureOrder, { nullable: true, description: '排序 (default: formedOn, newest first)' })
  orderBy?: DisclosureOrder | null;

  @Field(() => Int, { nullable: true, description: '每页条数 (default 20, at most 100)' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: '游标 (endCursor of the previous page)' })
  after?: string | null;
}
