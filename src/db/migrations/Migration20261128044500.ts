import { Migration } from '@mikro-orm/migrations';

/**
 * Two indexes the read paths were missing (found with bench/peers/explain.mjs at a
 * million records):
 * - subjects of one kind in code order (`subjects(filter: { kind })`): the primary
 *   key walk skipped 8,000 government bodies (codes starting 1…) to find 20
 *   enterprises, 13 ms;
 * - a subject's standing (红黑名单状况) from its entries' list and dates alone:
 *   index-only, instead of a scan of every entry.
 */
export class Migration20261128044500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "subject_kind_credit_code_index" on "subject" ("kind", "credit_code");`);
    this.addSql(`drop index "credit_entry_credit_code_list_index";`);
    this.addSql(
      `create index "credit_entry_credit_code_list_index" on "credit_entry" ("credit_code", "list") include ("valid_from", "valid_until", "revoked_on");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "subject_kind_credit_code_index";`);
    this.addSql(`drop index "credit_entry_credit_code_list_index";`);
    this.addSql(`create index "credit_entry_credit_code_list_index" on "credit_entry" ("credit_code", "list");`);
  }
}
