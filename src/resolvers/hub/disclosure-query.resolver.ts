import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { Disclosure } from '../../entities/hub/disclosure.entity.js';
import { selects, type Connection } from '../../kernel/connection.js';
import type { Context } from '../../kernel/context.js';
import { DisclosureConnection } from './disclosure-connection.js';
import { DisclosureListArgs } from './disclosure-filter.input.js';
import { listDisclosures } from './disclosure-list.js';
import { selectedRecordColumns } from './selected-columns.js';

@Resolver()
export class DisclosureQueryResolver {
  @Query(() => DisclosureConnection, { description: '公共资源配置信息: every domain, filtered, ordered, keyset-paginated' })
  async disclosures(
    @Ctx() ctx: Context,
    @Args(() => DisclosureListArgs) args: DisclosureListArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Disclosure>> {
    return listDisclosures(ctx, args, selects(info, 'totalCount'), selectedRecordColumns(info));
  }
}
