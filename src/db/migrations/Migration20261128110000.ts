import { Migration } from '@mikro-orm/migrations';

/**
 * The audit trail's before/after values are stored as json (the text as written) instead of jsonb.
 * Nothing queries inside them: they are read back whole, by SUPERVISOR, so jsonb's parsed form
 * bought nothing, while converting each value to it (a whole record, about 1.5 kB) was a
 * measurable part of a bulk import's audit append (60–80 ms of every 5,000 rows). json also keeps
 * a value exactly as it was written, key order included, which is what an audit trail is for.
 * Rewriting the column is DDL, not an UPDATE, so the append-only trigger is not involved. A new
 * type resets the columns' compression to the default (pglz, several per cent of an import's
 * server time), so lz4 is set again where the server has it (Migration20261128045000).
 */
const LZ4 = `do $$ begin
    alter table "audit_entry" alter column "before" set compression lz4, alter column "after" set compression lz4;
  exception when feature_not_supported then null;
  end $$;`;

export class Migration20261128110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "audit_entry" alter column "before" type json using "before"::json, alter column "after" type json using "after"::json;`);
    this.addSql(LZ4);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "audit_entry" alter column "before" type jsonb using "before"::jsonb, alter column "after" type jsonb using "after"::jsonb;`);
    this.addSql(LZ4);
  }
}
