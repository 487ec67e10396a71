import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { HolidayDay, HolidayYear } from '../../entities/calendar/holiday-year.entity.js';
import type { Context } from '../../kernel/context.js';
import { groupedLoader } from '../../kernel/loaders/loaders.js';

const daysByYear = groupedLoader(
  (em, years) => em.find(HolidayDay, { schedule: { year: { $in: years.map(Number) } } }, { orderBy: { date: 'asc' } }),
  (d) => String(d.schedule.year),
);

@Resolver(() => HolidayYear)
export class HolidayYearResolver {
  @Query(() => [HolidayYear], {
    description: '工作日历: the years of the official holiday schedule loaded (a count reaching any other year is provisional)',
  })
  async holidaySchedules(
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { nullable: true, description: '年度' }) year?: number | null,
  ): Promise<HolidayYear[]> {
    return ctx.em.find(HolidayYear, year != null ? { year } : {}, { orderBy: { year: 'asc' } });
  }

  @FieldResolver(() => [HolidayDay], { description: '放假与调休上班的日子' })
  async days(@Root() schedule: HolidayYear, @Ctx() ctx: Context): Promise<HolidayDay[]> {
    return ctx.loader(daysByYear).load(String(schedule.year));
  }
}
