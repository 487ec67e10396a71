import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Department } from '../../entities/core/department.entity.js';
import { Domain } from '../../entities/core/domain.js';
import { Responsibility } from '../../entities/core/responsibility.entity.js';
import type { Context } from '../../kernel/context.js';
import { departmentByCode } from './loaders.js';

@Resolver(() => Responsibility)
export class ResponsibilityResolver {
  @Query(() => [Responsibility], { description: '公开职责分工: lead and responsible units per domain, as the plan assigns them' })
  async responsibilities(
    @Ctx() ctx: Context,
    @Arg('domain', () => Domain, { nullable: true, description: '领域' }) domain?: Domain | null,
  ): Promise<Responsibility[]> {
    return ctx.em.find(Responsibility, domain ? { domain } : {}, {
      orderBy: { domain: 'asc', role: 'asc', department: { code: 'asc' } },
    });
  }

  @FieldResolver(() => Department, { description: '部门' })
  async department(@Root() responsibility: Responsibility, @Ctx() ctx: Context): Promise<Department> {
    const department = await ctx.loader(departmentByCode).load(responsibility.department.code);
    if (!department) throw new Error(`responsibility names missing department ${responsibility.department.code}`);
    return department;
  }
}
