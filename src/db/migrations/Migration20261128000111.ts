import { Migration } from '@mikro-orm/migrations';

export class Migration20261128000111 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "disclosure_domain_formed_on_id_index" on "disclosure" ("domain", "formed_on", "id");`);

    // Parties carry their record's formation date for a subject's ordered top-N; rows
    // already stored take it from their record, and a trigger keeps it in step when a
    // revision changes the record's date, whatever writes it.
    this.addSql(`alter table "disclosure_party" add column "formed_on" date null;`);
    this.addSql(`update "disclosure_party" p set "formed_on" = d.formed_on from "disclosure" d where d.id = p.disclosure_id;`);
    this.addSql(`alter table "disclosure_party" alter column "formed_on" set not null;`);
    this.addSql(`create function gk_party_formed_on() returns trigger language plpgsql as $$
      begin
        update disclosure_party set formed_on = new.formed_on where disclosure_id = new.id;
        return null;
      end $$;`);
    this.addSql(`create trigger disclosure_formed_on_to_parties after update of formed_on on disclosure
      for each row when (old.formed_on is distinct from new.formed_on) execute function gk_party_formed_on();`);
    this.addSql(`create index "disclosure_party_credit_code_formed_on_disclosure_id_index" on "disclosure_party" ("credit_code", "formed_on", "disclosure_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger disclosure_formed_on_to_parties on disclosure;`);
    this.addSql(`drop function gk_party_formed_on();`);
    this.addSql(`drop index "disclosure_domain_formed_on_id_index";`);

    this.addSql(`drop index "disclosure_party_credit_code_formed_on_disclosure_id_index";`);
    this.addSql(`alter table "disclosure_party" drop column "formed_on";`);
  }

}
