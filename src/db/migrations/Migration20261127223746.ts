import { Migration } from '@mikro-orm/migrations';

export class Migration20261127223746 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "region_level" as enum ('PROVINCE', 'PREFECTURE', 'COUNTY');`);
    this.addSql(`create type "department_kind" as enum ('PROVINCIAL_DEPARTMENT', 'PREFECTURE_GOVERNMENT', 'PROVINCIAL_GOVERNMENT_OFFICE');`);
    this.addSql(`create table "region" ("code" varchar(6) not null, "name" varchar(64) not null, "level" "region_level" not null, "parent_code" varchar(6) null, constraint "region_pkey" primary key ("code"));`);
    this.addSql(`create index "region_parent_code_index" on "region" ("parent_code");`);

    this.addSql(`create table "department" ("code" varchar(32) not null, "name" varchar(128) not null, "short_name" varchar(64) not null, "kind" "department_kind" not null, "region_code" varchar(6) not null, constraint "department_pkey" primary key ("code"));`);

    this.addSql(`alter table "region" add constraint "region_parent_code_foreign" foreign key ("parent_code") references "region" ("code") on update cascade on delete set null;`);

    this.addSql(`alter table "department" add constraint "department_region_code_foreign" foreign key ("region_code") references "region" ("code") on update cascade;`);
  }

}
