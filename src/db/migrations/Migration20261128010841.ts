import { Migration } from '@mikro-orm/migrations';

export class Migration20261128010841 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "requester_kind" as enum ('NATURAL_PERSON', 'LEGAL_PERSON', 'OTHER_ORGANIZATION');`);
    this.addSql(`create type "request_outcome" as enum ('ALREADY_PUBLIC', 'DISCLOSED', 'PARTLY_DISCLOSED', 'EXEMPT', 'NOT_HELD', 'NOT_THIS_BODY', 'REPEAT_REQUEST', 'OTHER_STATUTORY_ROUTE', 'NEEDS_PROCESSING', 'NOT_A_REQUEST', 'WITHDRAWN');`);
    this.addSql(`create table "disclosure_request" ("request_id" serial primary key, "received_on" date not null, "requester_kind" "requester_kind" not null, "content" text not null, "department_code" varchar(32) not null, "domain" "domain" null, "deadline" date not null, "deadline_provisional" boolean not null default false, "extended_on" date null, "extended_deadline" date null, "extended_deadline_provisional" boolean not null default false, "extension_reason" text null, "answered_on" date null, "outcome" "request_outcome" null, constraint disclosure_request_extension_provisional check (extended_deadline is not null or not extended_deadline_provisional), constraint disclosure_request_extension_before_answer check (extended_on <= answered_on), constraint disclosure_request_extension_adds_time check (extended_deadline > deadline), constraint disclosure_request_extension_within_limit check (extended_on >= received_on and extended_on <= deadline), constraint disclosure_request_extension_reason_given check (length(btrim(extension_reason)) > 0), constraint disclosure_request_extension_complete check ((extended_on is null) = (extended_deadline is null) and (extended_on is null) = (extension_reason is null)), constraint disclosure_request_answer_has_outcome check ((answered_on is null) = (outcome is null)), constraint disclosure_request_answer_not_before_receipt check (answered_on >= received_on), constraint disclosure_request_deadline_after_receipt check (deadline > received_on), constraint disclosure_request_content_given check (length(btrim(content)) > 0));`);
    this.addSql(`create index "disclosure_request_domain_received_on_index" on "disclosure_request" ("domain", "received_on");`);
    this.addSql(`create index "disclosure_request_department_code_received_on_request_id_index" on "disclosure_request" ("department_code", "received_on", "request_id");`);
    this.addSql(`create index "disclosure_request_received_on_request_id_index" on "disclosure_request" ("received_on", "request_id");`);

    this.addSql(`alter table "disclosure_request" add constraint "disclosure_request_department_code_foreign" foreign key ("department_code") references "department" ("code") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "disclosure_request" cascade;`);

    this.addSql(`drop type "requester_kind";`);
    this.addSql(`drop type "request_outcome";`);
  }

}
