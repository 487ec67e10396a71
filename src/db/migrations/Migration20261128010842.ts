import { Migration } from '@mikro-orm/migrations';

export class Migration20261128010842 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "holiday_day_kind" as enum ('OFF_DAY', 'MAKE_UP_WORKDAY');`);
    this.addSql(`create table "holiday_year" ("year" smallint not null, "papers" text[] not null, "loaded_at" timestamptz not null default now(), constraint "holiday_year_pkey" primary key ("year"));`);

    this.addSql(`create table "holiday_day" ("date" date not null, "schedule_year" smallint not null, "name" varchar(32) not null, "kind" "holiday_day_kind" not null, constraint "holiday_day_pkey" primary key ("date"));`);
    this.addSql(`create index "holiday_day_schedule_year_index" on "holiday_day" ("schedule_year");`);

    this.addSql(`alter table "holiday_day" add constraint "holiday_day_schedule_year_foreign" foreign key ("schedule_year") references "holiday_year" ("year") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "holiday_day" drop constraint "holiday_day_schedule_year_foreign";`);

    this.addSql(`drop table if exists "holiday_year" cascade;`);

    this.addSql(`drop table if exists "holiday_day" cascade;`);

    this.addSql(`drop type "holiday_day_kind";`);
  }

}
