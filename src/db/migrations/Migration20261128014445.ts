import { Migration } from '@mikro-orm/migrations';

export class Migration20261128014445 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "disclosure" add column "external_id" varchar(128) null, add column "content_hash" varchar(64) null;`);
    this.addSql(`create unique index "disclosure_publisher_external_id_unique" on "disclosure" ("publisher_code", "external_id") where "external_id" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "disclosure_publisher_external_id_unique";`);
    this.addSql(`alter table "disclosure" drop column "external_id", drop column "content_hash";`);
  }

}
