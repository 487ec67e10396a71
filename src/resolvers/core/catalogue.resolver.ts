import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { CatalogueItem } from '../../entities/core/catalogue-item.entity.js';
import { Department } from '../../entities/core/department.entity.js';
import { Domain } from '../../entities/core/domain.js';
import { Region } from '../../entities/core/region.entity.js';
import type { Context } from '../../kernel/context.js';
import { BadUserInputError } from '../../kernel/errors.js';
import { departmentByCode, regionByCode } from './loaders.js';

@Resolver(() => CatalogueItem)
export class CatalogueResolver {
  @Query(() => [CatalogueItem], {
    description: '主动公开目录清单: the current catalogue items, optionally of one domain and one region',
  })
  async catalogue(
    @Ctx() ctx: Context,
    @Arg('domain', () => Domain, { nullable: true, description: '领域' }) domain?: Domain | null,
    @Arg('region', () => String, { nullable: true, description: '行政区划代码' }) region?: string | null,
  ): Promise<CatalogueItem[]> {
    if (region != null && !/^\d{6}$/.test(region)) {
      throw new BadUserInputError(`region must be a 6-digit GB/T 2260 code, got "${region}"`, 'region');
    }
    return ctx.em.find(
      CatalogueItem,
      { validUntil: null, ...(domain ? { domain } : {}), ...(region ? { region } : {}) },
      { orderBy: { domain: 'asc', category: 'asc', region: { code: 'asc' } } },
    );
  }

  @FieldResolver(() => Region, { description: '适用行政区划' })
  async region(@Root() item: CatalogueItem, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loader(regionByCode).load(item.region.code))!;
  }

  @FieldResolver(() => Department, { description: '责任主体' })
  async responsibleDepartment(@Root() item: CatalogueItem, @Ctx() ctx: Context): Promise<Department> {
    return (await ctx.loader(departmentByCode).load(item.responsibleDepartment.code))!;
  }
}
