import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Region } from '../../entities/core/region.entity.js';
import type { Context } from '../../kernel/context.js';
import { BadUserInputError } from '../../kernel/errors.js';
import { regionByCode, regionsByParent } from './loaders.js';

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region], {
    description: '行政区划: without parentCode the province (top level); with it, the units directly under that code',
  })
  async regions(
    @Ctx() ctx: Context,
    @Arg('parentCode', () => String, { nullable: true, description: '上级行政区划代码' }) parentCode?: string | null,
  ): Promise<Region[]> {
    if (parentCode == null) {
      return ctx.em.find(Region, { parent: null }, { orderBy: { code: 'asc' } });
    }
    if (!/^\d{6}$/.test(parentCode)) {
      throw new BadUserInputError(`parentCode must be a 6-digit GB/T 2260 code, got "${parentCode}"`, 'parentCode');
    }
    return ctx.loader(regionsByParent).load(parentCode);
  }

  @FieldResolver(() => Region, { nullable: true, description: '上级行政区划' })
  async parent(@Root() region: Region, @Ctx() ctx: Context): Promise<Region | null> {
    return region.parent ? ctx.loader(regionByCode).load(region.parent.code) : null;
  }

  @FieldResolver(() => [Region], { description: '下级行政区划' })
  async children(@Root() region: Region, @Ctx() ctx: Context): Promise<Region[]> {
    return ctx.loader(regionsByParent).load(region.code);
  }
}
