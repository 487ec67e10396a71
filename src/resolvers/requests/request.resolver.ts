import { Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Department } from '../../entities/core/department.entity.js';
import { Region } from '../../entities/core/region.entity.js';
import { DisclosureRequest } from '../../entities/requests/disclosure-request.entity.js';
import { RequestExtension } from '../../entities/requests/request-extension.js';
import { todayInChina } from '../../kernel/time/china-date.js';
import { deadlineInForce, requestDaysLate, requestOverdue } from './request-deadlines.js';
import type { Connection } from '../../kernel/connection.js';
import type { Context } from '../../kernel/context.js';
import { DateScalar } from '../../kernel/scalars/index.js';
import { departmentByCode, regionByCode } from '../core/loaders.js';
import { requestCalendar } from '../hub/timing.js';
import { DisclosureRequestConnection } from './request-connection.js';
import { DisclosureRequestListArgs } from './request-filter.input.js';
import { departmentRequests, listRequests } from './request-list.js';

@Resolver(() => DisclosureRequest)
export class DisclosureRequestResolver {
  @Query(() => DisclosureRequestConnection, {
    description: '政府信息公开申请 (依申请公开): filtered, newest receipt first, keyset-paginated',
  })
  async disclosureRequests(
    @Ctx() ctx: Context,
    @Args(() => DisclosureRequestListArgs) args: DisclosureRequestListArgs,
  ): Promise<Connection<DisclosureRequest>> {
    return listRequests(ctx, args);
  }

  @FieldResolver(() => Department, { description: '受理部门 (the body the request is addressed to)' })
  async department(@Root() request: DisclosureRequest, @Ctx() ctx: Context): Promise<Department> {
    return (await ctx.loader(departmentByCode).load(request.department.code))!;
  }

  @FieldResolver(() => Region, { description: '行政区划 (the addressed department\'s)' })
  async region(@Root() request: DisclosureRequest, @Ctx() ctx: Context): Promise<Region> {
    const department = (await ctx.loader(departmentByCode).load(request.department.code))!;
    return (await ctx.loader(regionByCode).load(department.region.code))!;
  }

  @FieldResolver(() => RequestExtension, { nullable: true, description: '延长答复期限 (null: not extended)' })
  extension(@Root() request: DisclosureRequest): RequestExtension | null {
    if (!request.extendedOn || !request.extendedDeadline) return null;
    return {
      extendedOn: request.extendedOn,
      deadline: request.extendedDeadline,
      provisional: request.extendedDeadlineProvisional,
      reason: request.extensionReason ?? '',
    };
  }

  @FieldResolver(() => DateScalar, { description: '现行答复期限 (the extended deadline where there is one, else the statutory one)' })
  dueOn(@Root() request: DisclosureRequest): string {
    return deadlineInForce(request);
  }

  @FieldResolver(() => Boolean, {
    description: '是否逾期: answered after the deadline in force, or unanswered with it past (today in China)',
  })
  overdue(@Root() request: DisclosureRequest): boolean {
    return requestOverdue(request, todayInChina());
  }

  @FieldResolver(() => Int, { description: '逾期工作日数 (to the answer, or to today if unanswered; 0 when not overdue)' })
  async daysLate(@Root() request: DisclosureRequest, @Ctx() ctx: Context): Promise<number> {
    return requestDaysLate(await ctx.loader(requestCalendar)(), request, todayInChina());
  }
}

@Resolver(() => Department)
export class DepartmentRequestsResolver {
  @FieldResolver(() => DisclosureRequestConnection, { description: '向该部门提出的政府信息公开申请 (newest receipt first)' })
  async requests(
    @Root() department: Department,
    @Ctx() ctx: Context,
    @Args(() => DisclosureRequestListArgs) args: DisclosureRequestListArgs,
  ): Promise<Connection<DisclosureRequest>> {
    return departmentRequests(ctx, department.code, args);
  }
}
