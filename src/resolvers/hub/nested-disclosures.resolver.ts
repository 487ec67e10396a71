import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Field, FieldResolver, Info, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Department } from '../../entities/core/department.entity.js';
import { Domain } from '../../entities/core/domain.js';
import { Region } from '../../entities/core/region.entity.js';
import { Subject } from '../../entities/credit/subject.entity.js';
import type { Disclosure } from '../../entities/hub/disclosure.entity.js';
import { selects, type Connection } from '../../kernel/connection.js';
import type { Context } from '../../kernel/context.js';
import { groupedLoader } from '../../kernel/loaders/loaders.js';
import { DisclosureConnection } from './disclosure-connection.js';
import { DisclosureListArgs } from './disclosure-filter.input.js';
import { nestedDisclosures } from './disclosure-list.js';
import { selectedRecordColumns } from './selected-columns.js';
import { domainCountsOf } from './subject-tallies.js';
import { todayInChina } from '../../kernel/time/china-date.js';

@ObjectType({ description: '按领域和角色统计 (records naming a subject, per domain and role)' })
export class DomainCount {
  @Field(() => Domain, { description: '领域' })
  domain!: Domain;

  @Field({ description: '角色 (PartyRole)' })
  role!: string;

  @Field(() => Int, { description: '记录数' })
  count!: number;
}

/**
 * Per domain and role, for every subject asked in the same tick: one statement
 * over the per-subject tallies. Only records the viewer may see are counted (a
 * count would otherwise reveal an exempt or unpublished record).
 */
const domainCountsBySubject = groupedLoader<DomainCount & { creditCode: string }>(
  async (em, codes, viewer) => (await domainCountsOf(em, codes, viewer, todayInChina())) as (DomainCount & { creditCode: string })[],
  (r) => r.creditCode,
);

@Resolver(() => Subject)
export class SubjectDisclosuresResolver {
  @FieldResolver(() => DisclosureConnection, {
    description: '点名该主体的信息 (every record, in every domain, that names this subject; filter.role: in that role)',
  })
  async disclosures(
    @Root() subject: Subject,
    @Ctx() ctx: Context,
    @Args(() => DisclosureListArgs) args: DisclosureListArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Disclosure>> {
    return nestedDisclosures(ctx, 'subject', subject.creditCode, args, selects(info, 'totalCount'), selectedRecordColumns(info));
  }

  @FieldResolver(() => [DomainCount], { description: '按领域和角色统计' })
  async domainCounts(@Root() subject: Subject, @Ctx() ctx: Context): Promise<DomainCount[]> {
    return ctx.loader(domainCountsBySubject).load(subject.creditCode);
  }
}

@Resolver(() => Department)
export class DepartmentDisclosuresResolver {
  @FieldResolver(() => DisclosureConnection, { description: '该部门公开的信息' })
  async disclosures(
    @Root() department: Department,
    @Ctx() ctx: Context,
    @Args(() => DisclosureListArgs) args: DisclosureListArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Disclosure>> {
    return nestedDisclosures(ctx, 'department', department.code, args, selects(info, 'totalCount'), selectedRecordColumns(info));
  }
}

@Resolver(() => Region)
export class RegionDisclosuresResolver {
  @FieldResolver(() => DisclosureConnection, { description: '该行政区划及其下级的信息' })
  async disclosures(
    @Root() region: Region,
    @Ctx() ctx: Context,
    @Args(() => DisclosureListArgs) args: DisclosureListArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Disclosure>> {
    return nestedDisclosures(ctx, 'region', region.code, args, selects(info, 'totalCount'), selectedRecordColumns(info));
  }
}
