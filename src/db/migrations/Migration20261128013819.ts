import { Migration } from '@mikro-orm/migrations';

export class Migration20261128013819 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "access_role" as enum ('PUBLIC', 'PUBLISHER', 'SUPERVISOR', 'ADMIN');`);
    this.addSql(`create table "api_token" ("id" serial primary key, "name" varchar(200) not null, "role" "access_role" not null, "department_code" varchar(32) null, "secret_hash" varchar(64) not null, "created_at" timestamptz not null default now(), "expires_at" timestamptz null, "revoked_at" timestamptz null);`);
    this.addSql(`alter table "api_token" add constraint "api_token_secret_hash_unique" unique ("secret_hash");`);

    this.addSql(`create table "audit_entry" ("id" bigserial primary key, "at" timestamptz not null default now(), "token_id" int null, "role" "access_role" not null, "department_code" varchar(32) null, "request_id" varchar(64) null, "action" varchar(64) not null, "entity" varchar(64) not null, "entity_key" varchar(64) not null, "before" jsonb null, "after" jsonb null);`);
    this.addSql(`create index "audit_entry_token_id_id_index" on "audit_entry" ("token_id", "id");`);
    this.addSql(`create index "audit_entry_entity_entity_key_id_index" on "audit_entry" ("entity", "entity_key", "id");`);
    // Append-only, whoever connects: the database itself refuses to change or remove an entry.
    this.addSql(`create function gk_audit_append_only() returns trigger language plpgsql as $$
      begin raise exception 'the audit trail is append-only (% refused)', tg_op using errcode = 'insufficient_privilege'; end $$;`);
    this.addSql(`create trigger audit_entry_append_only before update or delete on "audit_entry"
      for each row execute function gk_audit_append_only();`);
    this.addSql(`create trigger audit_entry_no_truncate before truncate on "audit_entry"
      for each statement execute function gk_audit_append_only();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "api_token" cascade;`);

    this.addSql(`drop table if exists "audit_entry" cascade;`);
    this.addSql(`drop function if exists gk_audit_append_only();`);

    this.addSql(`drop type "access_role";`);
  }

}
