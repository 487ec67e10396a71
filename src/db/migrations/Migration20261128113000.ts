import { Migration } from '@mikro-orm/migrations';

/**
 * A party row's visibility (its record's publisher, and the day the record became public) may
 * come with the row: the bulk writer knows both, as it writes the hub row in the same batch.
 * Looked up by the row trigger, each row cost one query (about 40 ms of every 5,000 imported
 * records, some 8,000 party rows); the trigger now fires only for a row that comes without
 * them. Every row of a statement is then checked against its record, all at once (one join;
 * the rows the trigger filled pass by construction), and a statement with any that disagrees
 * is refused: the visibility the public's reads rely on stays the database's to guarantee,
 * whoever writes.
 */
export class Migration20261128113000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop trigger disclosure_party_visibility on "disclosure_party";`);
    this.addSql(`create trigger disclosure_party_visibility before insert on "disclosure_party"
      for each row when (new.publisher_code is null) execute function gk_party_visibility_on_insert();`);
    this.addSql(`create function gk_party_visibility_checked() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from added a join disclosure d on d.id = a.disclosure_id
                    where a.publisher_code is distinct from d.publisher_code
                       or a.public_from is distinct from (case when d.exemption = 'NONE' then d.published_on end)) then
          raise exception 'a party row must carry its record''s visibility (publisher_code, public_from)'
            using errcode = 'check_violation', table = 'disclosure_party';
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger disclosure_party_visibility_checked after insert on "disclosure_party"
      referencing new table as added for each statement execute function gk_party_visibility_checked();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger disclosure_party_visibility_checked on "disclosure_party";`);
    this.addSql(`drop function gk_party_visibility_checked();`);
    this.addSql(`drop trigger disclosure_party_visibility on "disclosure_party";`);
    this.addSql(`create trigger disclosure_party_visibility before insert on "disclosure_party"
      for each row execute function gk_party_visibility_on_insert();`);
  }
}
