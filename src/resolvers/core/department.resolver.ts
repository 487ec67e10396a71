import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Department } from '../../entities/core/department.entity.js';
import { Region } from '../../entities/core/region.entity.js';
import type { Context } from '../../schema/context.js';
import { regionByCode } from './region.resolver.js';

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => [Department], { description: '部门: every department and government that discloses, by code' })
  async departments(@Ctx() ctx: Context): Promise<Department[]> {
    return ctx.em.find(Department, {}, { orderBy: { code: 'asc' } });
  }

  @FieldResolver(() => Region, { description: '所属行政区划 (its jurisdiction)' })
  async region(@Root() department: Department, @Ctx() ctx: Context): Promise<Region> {
    const region = await ctx.loader(regionByCode).load(department.region.code);
    if (!region) throw new Error(`department ${department.code} refers to missing region ${department.region.code}`);
    return region;
  }
}
