import { Migration } from '@mikro-orm/migrations';

/**
 * Each party row carries its record's visibility (the day it became public, and its
 * publisher), kept in step by triggers, so a subject's records and counts are read
 * from the party index for every viewer (the public may not see exempt or
 * unpublished records): without it the busiest subject's count visited every hub row.
 */
export class Migration20261128024726 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "disclosure_party" add column "public_from" date null, add column "publisher_code" varchar(32) null;`);
    this.addSql(`update "disclosure_party" p set "public_from" = case when d.exemption = 'NONE' then d.published_on end, "publisher_code" = d.publisher_code
      from "disclosure" d where d.id = p.disclosure_id;`);
    this.addSql(`create function gk_party_visibility_on_insert() returns trigger language plpgsql as $$
      begin
        select d.publisher_code, case when d.exemption = 'NONE' then d.published_on end
          into new.publisher_code, new.public_from
          from disclosure d where d.id = new.disclosure_id;
        return new;
      end $$;`);
    this.addSql(`create trigger disclosure_party_visibility before insert on "disclosure_party"
      for each row execute function gk_party_visibility_on_insert();`);
    this.addSql(`create function gk_party_visibility() returns trigger language plpgsql as $$
      begin
        update disclosure_party set publisher_code = new.publisher_code,
               public_from = case when new.exemption = 'NONE' then new.published_on end
         where disclosure_id = new.id;
        return null;
      end $$;`);
    this.addSql(`create trigger disclosure_visibility_to_parties after update of published_on, exemption, publisher_code on "disclosure"
      for each row when (old.published_on is distinct from new.published_on or old.exemption is distinct from new.exemption
                         or old.publisher_code is distinct from new.publisher_code)
      execute function gk_party_visibility();`);
    for (const [name, columns] of [
      ['disclosure_party_credit_code_disclosure_id_index', '"credit_code", "disclosure_id"'],
      ['disclosure_party_credit_code_domain_role_index', '"credit_code", "domain", "role"'],
      ['disclosure_party_credit_code_formed_on_disclosure_id_index', '"credit_code", "formed_on", "disclosure_id"'],
    ]) {
      this.addSql(`drop index "${name}";`);
      this.addSql(`create index "${name}" on "disclosure_party" (${columns}) include ("public_from", "publisher_code");`);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger disclosure_visibility_to_parties on "disclosure";`);
    this.addSql(`drop function gk_party_visibility();`);
    this.addSql(`drop trigger disclosure_party_visibility on "disclosure_party";`);
    this.addSql(`drop function gk_party_visibility_on_insert();`);
    for (const [name, columns] of [
      ['disclosure_party_credit_code_disclosure_id_index', '"credit_code", "disclosure_id"'],
      ['disclosure_party_credit_code_domain_role_index', '"credit_code", "domain", "role"'],
      ['disclosure_party_credit_code_formed_on_disclosure_id_index', '"credit_code", "formed_on", "disclosure_id"'],
    ]) {
      this.addSql(`drop index "${name}";`);
      this.addSql(`create index "${name}" on "disclosure_party" (${columns});`);
    }
    this.addSql(`alter table "disclosure_party" drop column "public_from", drop column "publisher_code";`);
  }
}
