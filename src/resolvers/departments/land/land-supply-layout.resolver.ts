import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Region } from '../../../entities/core/region.entity.js';
import { LandSupplyByPlace } from '../../../entities/departments/land/land-supply-plan.entity.js';
import type { Context } from '../../../kernel/context.js';
import { regionByCode } from '../../core/loaders.js';

@Resolver(() => LandSupplyByPlace)
export class LandSupplyByPlaceResolver {
  @FieldResolver(() => Region, { description: '行政区划' })
  async region(@Root() line: LandSupplyByPlace, @Ctx() ctx: Context): Promise<Region> {
    const region = await ctx.loader(regionByCode).load(line.regionCode);
    if (!region) throw new Error(`land supply layout names missing region ${line.regionCode}`);
    return region;
  }
}
