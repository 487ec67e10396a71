import { Migration } from '@mikro-orm/migrations';

/** The formation-date index carries the columns compliance figures read (index-only scans). */
export class Migration20261128015618 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index "disclosure_formed_on_id_index";`);
    this.addSql(
      `create index "disclosure_formed_on_id_index" on "disclosure" ("formed_on", "id") include ("domain", "category", "region_code", "publisher_code", "deadline", "published_on", "retracted_on", "exemption");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "disclosure_formed_on_id_index";`);
    this.addSql(`create index "disclosure_formed_on_id_index" on "disclosure" ("formed_on", "id");`);
  }
}
