import { Migration } from '@mikro-orm/migrations';

/**
 * Which department registered (登记) each subject: the one that may change its
 * master data and read its personal data (issue 19). Backfilled from the audit
 * trail: the subject's first `upsertSubjects` entry, when that entry created it
 * (no `before`) with a PUBLISHER token of a department that still exists. Every
 * other subject (seeded, loaded by SQL, registered by ADMIN, or first written
 * before the trail began) stays null: only ADMIN changes it and only SUPERVISOR
 * reads its personal data, which refuses rather than guesses.
 *
 * A department's deletion is announced on the token channel, so servers drop
 * the tokens they remember and the next request with one of its tokens is
 * refused at authentication (src/resolvers/access/tokens.ts).
 */
export class Migration20261129090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "subject" add column "registered_by_code" varchar(32) null;`);
    this.addSql(
      `alter table "subject" add constraint "subject_registered_by_code_foreign" foreign key ("registered_by_code") references "department" ("code") on update cascade on delete set null;`,
    );
    this.addSql(`update "subject" s set "registered_by_code" = first.department_code
      from (select distinct on (a.entity_key) a.entity_key, a.role, a.department_code, a.before is null as created
              from "audit_entry" a
             where a.entity = 'Subject' and a.action = 'upsertSubjects'
             order by a.entity_key, a.id) first
     where first.entity_key = s.credit_code and first.created and first.role = 'PUBLISHER'
       and first.department_code in (select code from "department");`);
    this.addSql(`create function gk_department_removed() returns trigger language plpgsql as $$
      begin
        perform pg_notify('gongkai_api_token', 'department ' || old.code);
        return null;
      end $$;`);
    this.addSql(`create trigger department_removed after delete on "department"
      for each row execute function gk_department_removed();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger department_removed on "department";`);
    this.addSql(`drop function gk_department_removed();`);
    this.addSql(`alter table "subject" drop constraint "subject_registered_by_code_foreign";`);
    this.addSql(`alter table "subject" drop column "registered_by_code";`);
  }
}
