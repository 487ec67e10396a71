import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { CatalogueItem } from '../../entities/core/catalogue-item.entity.js';
import { Department } from '../../entities/core/department.entity.js';
import { Region } from '../../entities/core/region.entity.js';
import { Responsibility } from '../../entities/core/responsibility.entity.js';
import type { Context } from '../../kernel/context.js';
import { currentCatalogueByDepartment, regionByCode, responsibilitiesByDepartment } from './loaders.js';

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

  @FieldResolver(() => [Responsibility], { description: '公开职责 (the domains it leads or is responsible in)' })
  async responsibilities(@Root() department: Department, @Ctx() ctx: Context): Promise<Responsibility[]> {
    return ctx.loader(responsibilitiesByDepartment).load(department.code);
  }

  @FieldResolver(() => [CatalogueItem], { description: '目录事项 (current catalogue items it is responsible for)' })
  async catalogueItems(@Root() department: Department, @Ctx() ctx: Context): Promise<CatalogueItem[]> {
    return ctx.loader(currentCatalogueByDepartment).load(department.code);
  }
}
