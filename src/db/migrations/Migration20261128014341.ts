import { Migration } from '@mikro-orm/migrations';

/**
 * A limit in days (日) whose last day is a rest day now ends on the next working day
 * (民法典 第二百零三条). Moves the stored deadlines that end on a rest day, on the
 * calendar the database holds; a database whose calendar is not loaded yet gets every
 * deadline recomputed when it is (the first calendar load recomputes them all).
 */
export class Migration20261128014341 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      with working as (
        select g::date as day
          from generate_series('2017-01-01'::date, '2031-12-31'::date, interval '1 day') g
          left join holiday_day h on h.date = g::date
         where coalesce(h.kind = 'MAKE_UP_WORKDAY', extract(isodow from g) < 6))
      update disclosure d
         set deadline = (select min(w.day) from working w where w.day > d.deadline), updated_at = now()
       where exists (select 1 from holiday_year)
         and (d.domain, d.category) in (select domain, category from catalogue_item where time_limit_unit = 'CALENDAR_DAYS')
         and not exists (select 1 from working w where w.day = d.deadline);`);
  }

  override async down(): Promise<void> {
    // The earlier rule is not restored: a deadline moved to a working day stays lawful.
  }
}
