import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Department } from '../../entities/core/department.entity.js';
import { Region } from '../../entities/core/region.entity.js';
import { Disclosure } from '../../entities/disclosure/disclosure.entity.js';
import { Party } from '../../entities/disclosure/party.entity.js';
import { ChannelPublication } from '../../entities/disclosure/publication.entity.js';
import { DisclosureRevision } from '../../entities/disclosure/revision.entity.js';
import type { Context } from '../../schema/context.js';
import { todayInChina } from '../../domain/china-date.js';
import { departmentByCode, regionByCode } from '../core/loaders.js';
import { partiesByDisclosure, publicationsByDisclosure, revisionsByDisclosure } from './loaders.js';

/** Envelope fields every concrete disclosure type inherits from the interface. */
@Resolver(() => Disclosure)
export class DisclosureResolver {
  @FieldResolver(() => Region, { description: '行政区划' })
  async region(@Root() record: Disclosure, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loader(regionByCode).load(record.region.code))!;
  }

  @FieldResolver(() => Department, { description: '公开主体 (the publishing department)' })
  async publisher(@Root() record: Disclosure, @Ctx() ctx: Context): Promise<Department> {
    return (await ctx.loader(departmentByCode).load(record.publisher.code))!;
  }

  @FieldResolver(() => [Party], { description: '当事主体 (every subject the record names, with its role)' })
  async parties(@Root() record: Disclosure, @Ctx() ctx: Context): Promise<Party[]> {
    return ctx.loader(partiesByDisclosure).load(String(record.id));
  }

  @FieldResolver(() => [ChannelPublication], { description: '发布记录 (channels where it was published)' })
  async publications(@Root() record: Disclosure, @Ctx() ctx: Context): Promise<ChannelPublication[]> {
    return ctx.loader(publicationsByDisclosure).load(String(record.id));
  }

  @FieldResolver(() => Boolean, {
    description: '是否逾期: published after its deadline, or unpublished with the deadline past (exempt records never are)',
  })
  overdue(@Root() record: Disclosure): boolean {
    if (record.exemption !== 'NONE') return false;
    return record.publishedOn ? record.publishedOn > record.deadline : todayInChina() > record.deadline;
  }

  @FieldResolver(() => [DisclosureRevision], { description: '变更记录 (earlier versions, oldest first)' })
  async revisions(@Root() record: Disclosure, @Ctx() ctx: Context): Promise<DisclosureRevision[]> {
    return ctx.loader(revisionsByDisclosure).load(String(record.id));
  }
}
