import { Migration } from '@mikro-orm/migrations';

export class Migration20261127232911 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index "disclosure_amount_index";`);
    this.addSql(`drop index "disclosure_formed_on_index";`);
    this.addSql(`drop index "disclosure_published_on_index";`);

    // Deadlines: records already stored get an estimate from their catalogue item (a working
    // day taken as 7/5 calendar days), marked provisional until the calendar recomputes them.
    this.addSql(`alter table "disclosure" add column "deadline" date null, add column "deadline_provisional" boolean not null default false;`);
    this.addSql(`update "disclosure" d set
        "deadline" = d.formed_on + case c.time_limit_unit when 'WORKING_DAYS' then ceil(c.time_limit_amount * 7 / 5.0)::int else c.time_limit_amount end,
        "deadline_provisional" = true
      from "catalogue_item" c
      where c.domain = d.domain and c.category = d.category and c.region_code = '630000' and c.valid_until is null;`);
    this.addSql(`update "disclosure" set "deadline" = formed_on + 28, "deadline_provisional" = true where "deadline" is null;`);
    this.addSql(`alter table "disclosure" alter column "deadline" set not null;`);
    this.addSql(`create index "disclosure_deadline_index" on "disclosure" ("deadline");`);
    this.addSql(`create index "disclosure_amount_id_index" on "disclosure" ("amount", "id");`);
    this.addSql(`create index "disclosure_published_on_id_index" on "disclosure" ("published_on", "id");`);
    this.addSql(`create index "disclosure_formed_on_id_index" on "disclosure" ("formed_on", "id");`);

    // Title search that works for Chinese, two-character words included: the lower-cased
    // title's character bigrams in a GIN index narrow the rows, and the query confirms the
    // term with strpos. Independent of the database's locale (pg_trgm needs three
    // characters and a locale that calls CJK letters alphanumeric).
    this.addSql(`create function gk_bigrams(t text) returns text[] language sql immutable strict parallel safe as
      $$ select coalesce(array_agg(distinct substr(t, i, 2)), '{}') from generate_series(1, char_length(t) - 1) as i $$;`);
    this.addSql(`alter table "disclosure" add column "title_bigrams" text[] generated always as (gk_bigrams(lower(title))) stored;`);
    this.addSql(`create index "disclosure_title_bigrams_index" on "disclosure" using gin ("title_bigrams");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "disclosure_title_bigrams_index";`);
    this.addSql(`alter table "disclosure" drop column "title_bigrams";`);
    this.addSql(`drop function gk_bigrams(text);`);
    this.addSql(`drop index "disclosure_deadline_index";`);
    this.addSql(`drop index "disclosure_amount_id_index";`);
    this.addSql(`drop index "disclosure_published_on_id_index";`);
    this.addSql(`drop index "disclosure_formed_on_id_index";`);
    this.addSql(`alter table "disclosure" drop column "deadline", drop column "deadline_provisional";`);

    this.addSql(`create index "disclosure_amount_index" on "disclosure" ("amount");`);
    this.addSql(`create index "disclosure_formed_on_index" on "disclosure" ("formed_on");`);
    this.addSql(`create index "disclosure_published_on_index" on "disclosure" ("published_on");`);
  }

}
