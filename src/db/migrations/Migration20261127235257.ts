import { Migration } from '@mikro-orm/migrations';

export class Migration20261127235257 extends Migration {

  override async up(): Promise<void> {
    // Parties carry their record's domain (which never changes), so a subject's activity
    // per domain is an index-only count; rows already stored take it from their record.
    this.addSql(`alter table "disclosure_party" add column "domain" "domain" null;`);
    this.addSql(`update "disclosure_party" p set "domain" = d.domain from "disclosure" d where d.id = p.disclosure_id;`);
    this.addSql(`alter table "disclosure_party" alter column "domain" set not null;`);
    this.addSql(`create index "disclosure_party_credit_code_domain_role_index" on "disclosure_party" ("credit_code", "domain", "role");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "disclosure_party_credit_code_domain_role_index";`);
    this.addSql(`alter table "disclosure_party" drop column "domain";`);
  }

}
