import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { Domain } from '../../entities/core/domain.js';
import { RequestOutcome } from '../../entities/requests/request-enums.js';
import { DateScalar } from '../../kernel/scalars/index.js';

@InputType({ description: '公开申请筛选条件 (every condition given must hold)' })
export class DisclosureRequestFilter {
  @Field(() => String, { nullable: true, description: '受理部门代码' })
  departmentCode?: string | null;

  @Field(() => String, { nullable: true, description: '行政区划代码: requests to departments of that region and every region under it' })
  regionCode?: string | null;

  @Field(() => Domain, { nullable: true, description: '所涉领域' })
  domain?: Domain | null;

  @Field(() => DateScalar, { nullable: true, description: '收到申请日期起（含）' })
  receivedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: '收到申请日期止（含）' })
  receivedTo?: string | null;

  @Field(() => RequestOutcome, { nullable: true, description: '答复结果' })
  outcome?: RequestOutcome | null;

  @Field(() => Boolean, {
    nullable: true,
    description: '是否逾期 (answered after the deadline in force, or unanswered with it past, today in China)',
  })
  overdue?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '是否已答复' })
  answered?: boolean | null;
}

/** The arguments of every request list, top-level or under a department. Newest receipt first, ties by id. */
@ArgsType()
export class DisclosureRequestListArgs {
  @Field(() => DisclosureRequestFilter, { nullable: true, description: '筛选条件' })
  filter?: DisclosureRequestFilter | null;

  @Field(() => Int, { nullable: true, description: '每页条数 (default 20, at most 100)' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: '游标 (endCursor of the previous page)' })
  after?: string | null;
}
