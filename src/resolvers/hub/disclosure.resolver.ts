import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { TimeLimit } from '../../entities/core/catalogue-item.entity.js';
import { clockStartOf, isOverdue, provisionalReason, workingDaysLate, type TimeLimitRule } from '../../kernel/time/time-limits.js';
import { Department } from '../../entities/core/department.entity.js';
import { Region } from '../../entities/core/region.entity.js';
import { Disclosure } from '../../entities/hub/disclosure.entity.js';
import { Party } from '../../entities/hub/party.entity.js';
import { ChannelPublication } from '../../entities/hub/publication.entity.js';
import { DisclosureRevision } from '../../entities/hub/revision.entity.js';
import type { Context } from '../../kernel/context.js';
import { todayInChina } from '../../kernel/time/china-date.js';
import { departmentByCode, regionByCode } from '../core/loaders.js';
import { snapshotRow } from '../core/reference-snapshot.js';
import { lastChangeByDisclosure, partiesByDisclosure, publicationsByDisclosure, revisionsByDisclosure } from './loaders.js';
import { requestCalendar, requestTimeLimits } from './timing.js';

/** Envelope fields every concrete disclosure type inherits from the interface. */
@Resolver(() => Disclosure)
export class DisclosureResolver {
  @FieldResolver(() => Region, { description: '行政区划' })
  region(@Root() record: Disclosure, @Ctx() ctx: Context): Region | Promise<Region> {
    const code = record.region.code;
    return snapshotRow(ctx.em, Region, code) ?? ctx.loader(regionByCode).load(code).then((r) => r!);
  }

  @FieldResolver(() => Department, { description: '公开主体 (the publishing department)' })
  publisher(@Root() record: Disclosure, @Ctx() ctx: Context): Department | Promise<Department> {
    const code = record.publisher.code;
    return snapshotRow(ctx.em, Department, code) ?? ctx.loader(departmentByCode).load(code).then((d) => d!);
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
    return isOverdue(timingOf(record), todayInChina());
  }

  @FieldResolver(() => Int, {
    description:
      '逾期工作日数: published late, the working days from the deadline to publication; unpublished and past the deadline, to today (China time); otherwise 0',
  })
  async daysLate(@Root() record: Disclosure, @Ctx() ctx: Context): Promise<number> {
    const today = todayInChina();
    const timing = timingOf(record);
    // Most records are not late: those need no calendar at all.
    if (!isOverdue(timing, today)) return 0;
    return workingDaysLate(await ctx.loader(requestCalendar)(), timing, today);
  }

  @FieldResolver(() => TimeLimit, {
    description: '公开时限: from the catalogue item of the record\'s category, in the version in force when its clock started (formation, or the latest change 变更)',
  })
  async timeLimit(@Root() record: Disclosure, @Ctx() ctx: Context): Promise<TimeLimitRule> {
    const [rules, start] = await Promise.all([ctx.loader(requestTimeLimits)(), clockStart(record, ctx)]);
    return rules.ruleOrDefault(record.domain, record.category, record.region.code, start);
  }

  @FieldResolver(() => Boolean, {
    description: '期限为暂定: the count reached a year whose holiday schedule is not published yet, so weekends alone were counted there',
  })
  provisional(@Root() record: Disclosure): boolean {
    return record.deadlineProvisional;
  }

  @FieldResolver(() => String, { nullable: true, description: '暂定原因 (null when the deadline is final)' })
  async provisionalReason(@Root() record: Disclosure, @Ctx() ctx: Context): Promise<string | null> {
    if (!record.deadlineProvisional) return null;
    const [calendar, start] = await Promise.all([ctx.loader(requestCalendar)(), clockStart(record, ctx)]);
    return provisionalReason(calendar, start, record.deadline) ?? '期限按估算确定，尚待按工作日历重新计算 (estimated; to be recomputed on the working-day calendar)';
  }

  @FieldResolver(() => [DisclosureRevision], { description: '变更记录 (earlier versions, oldest first)' })
  async revisions(@Root() record: Disclosure, @Ctx() ctx: Context): Promise<DisclosureRevision[]> {
    return ctx.loader(revisionsByDisclosure).load(String(record.id));
  }
}

function timingOf(record: Disclosure) {
  return { deadline: record.deadline, publishedOn: record.publishedOn, exempt: record.exemption !== 'NONE' };
}

/** Formation, or the latest change if later: a revision restarts the clock. */
async function clockStart(record: Disclosure, ctx: Context): Promise<string> {
  const lastChange = await ctx.loader(lastChangeByDisclosure).load(String(record.id));
  return clockStartOf(record.formedOn, lastChange);
}
