import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Disclosure } from '../../entities/disclosure/disclosure.entity.js';
import type { Connection } from '../../schema/connection.js';
import type { Context } from '../../schema/context.js';
import { DisclosureConnection } from './disclosure-connection.js';
import { DisclosureFilter, DisclosureOrder } from './disclosure-filter.input.js';
import { listDisclosures } from './disclosure-list.js';

@Resolver()
export class DisclosureQueryResolver {
  @Query(() => DisclosureConnection, { description: '公共资源配置信息: every domain, filtered, ordered, keyset-paginated' })
  async disclosures(
    @Ctx() ctx: Context,
    @Arg('filter', () => DisclosureFilter, { nullable: true }) filter?: DisclosureFilter | null,
    @Arg('orderBy', () => DisclosureOrder, { nullable: true }) orderBy?: DisclosureOrder | null,
    @Arg('first', () => Int, { nullable: true, description: '每页条数 (default 20, at most 100)' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: '游标 (endCursor of the previous page)' }) after?: string | null,
  ): Promise<Connection<Disclosure>> {
    return listDisclosures(ctx, { filter, orderBy, first, after });
  }
}
