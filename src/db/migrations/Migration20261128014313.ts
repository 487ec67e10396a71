import { Migration } from '@mikro-orm/migrations';

export class Migration20261128014313 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "subject" add column "id_number" varchar(18) null, add column "contact_phone" varchar(32) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "subject" drop column "id_number", drop column "contact_phone";`);
  }

}
