import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import { selects } from '../../kernel/connection.js';
import { findCategoryByTypeName } from '../../entities/hub/category-registry.js';
import type { Context } from '../../kernel/context.js';
import { fromGlobalId, Node } from '../../kernel/node.js';
import { catalogueItemById, departmentByCode, regionByCode } from '../core/loaders.js';
import { creditEntryById, subjectByCode } from '../credit/loaders.js';
import { requestById } from '../requests/loaders.js';
import { disclosureById, disclosureWithPartiesById } from './loaders.js';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: '按全局标识取对象 (any object by its opaque id; null if there is none)' })
  async node(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Info() info: GraphQLResolveInfo): Promise<unknown> {
    const decoded = fromGlobalId(id);
    if (!decoded) return null;
    const { type, key } = decoded;
    switch (type) {
      case 'Region':
        return ctx.loader(regionByCode).load(key);
      case 'Department':
        return ctx.loader(departmentByCode).load(key);
      case 'Subject':
        return ctx.loader(subjectByCode).load(key);
      case 'CreditEntry':
        return /^\d+$/.test(key) ? ctx.loader(creditEntryById).load(key) : null;
      case 'CatalogueItem':
        return /^\d+$/.test(key) ? ctx.loader(catalogueItemById).load(key) : null;
      case 'DisclosureRequest':
        return /^\d+$/.test(key) ? ctx.loader(requestById).load(key) : null;
    }
    const category = findCategoryByTypeName(type);
    if (!category || !/^\d+$/.test(key)) return null;
    // Asked for its parties too: they come in the record's own statement, not one round trip later.
    const record = await ctx.loader(selects(info, 'parties') ? disclosureWithPartiesById : disclosureById).load(key);
    // An id names its type: a record of another category under this number is not it.
    return record && record.domain === category.domain && record.category === category.code ? record : null;
  }
}
