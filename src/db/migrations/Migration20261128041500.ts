import { Migration } from '@mikro-orm/migrations';

// The grouping both tallies share: a party row's record month (first day of the month it
// became public, 'infinity' when it is not public) and, for a record not public, its
// publisher (the one viewer besides the supervisor who sees it). A public record's
// publisher is left out (''): every viewer sees it, and the busiest subject's tally
// would otherwise multiply by its publishers (3,200 rows instead of a few hundred).
const MONTH = `coalesce(date_trunc('month', public_from)::date, 'infinity'::date)`;
const PUBLISHER = `case when public_from is null then coalesce(publisher_code, '') else '' end`;

/**
 * Per-subject tallies of party rows and records (subject_tally, subject_record_tally),
 * kept by statement-level triggers on disclosure_party: a subject's per-domain counts
 * and record total are then sums over a few dozen tally rows, not counts over its
 * party rows (47,492 for the busiest subject at a million records). Statement
 * triggers with transition tables fire once per INSERT/UPDATE/DELETE statement, so a
 * bulk insert of parties pays one grouped upsert, not one per row.
 *
 * The party index by (credit_code, domain, role), which only the per-domain counts
 * read, gives way to one by (credit_code, public_from): the current month, which
 * the tallies cannot answer for the public ("public by today" moves daily), is
 * counted from it.
 */
export class Migration20261128041500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "subject_tally" (
      "credit_code" varchar(18) not null, "domain" "domain" not null, "role" "party_role" not null,
      "publisher_code" varchar(32) not null, "public_month" date not null, "parties" int not null,
      constraint "subject_tally_pkey" primary key ("credit_code", "domain", "role", "publisher_code", "public_month")) with (fillfactor = 70);`);
    this.addSql(`create table "subject_record_tally" (
      "credit_code" varchar(18) not null, "domain" "domain" not null,
      "publisher_code" varchar(32) not null, "public_month" date not null, "records" int not null,
      constraint "subject_record_tally_pkey" primary key ("credit_code", "domain", "publisher_code", "public_month")) with (fillfactor = 70);`);
    // Room on each page (fillfactor 70): a count changed in place stays a heap-only update, with no
    // index entry to add; a bulk import updates tens of thousands of tally rows (measured: the
    // triggers' cost for 51k party rows fell from 10 s to 4.5 s on this machine).

    this.addSql(`insert into subject_tally (credit_code, domain, role, publisher_code, public_month, parties)
      select credit_code, domain, role, ${PUBLISHER}, ${MONTH}, count(*) from disclosure_party group by 1, 2, 3, 4, 5;`);
    // All rows of one (record, subject) pair share domain, publisher and month, so distinct records per group is the pair count.
    this.addSql(`insert into subject_record_tally (credit_code, domain, publisher_code, public_month, records)
      select credit_code, domain, ${PUBLISHER}, ${MONTH}, count(distinct disclosure_id) from disclosure_party group by 1, 2, 3, 4;`);

    // Inserted rows: add them; a (record, subject) pair is a new record for the subject only if
    // none of its rows was there before this statement: all the pair's rows now in the table are
    // the ones just added (one primary-key probe per pair; a bulk import adds thousands at once).
    this.addSql(`create function gk_tally_parties_inserted() returns trigger language plpgsql as $$
      begin
        insert into subject_tally as t (credit_code, domain, role, publisher_code, public_month, parties)
          select credit_code, domain, role, ${PUBLISHER}, ${MONTH}, count(*) from added group by 1, 2, 3, 4, 5
          on conflict (credit_code, domain, role, publisher_code, public_month) do update set parties = t.parties + excluded.parties;
        insert into subject_record_tally as t (credit_code, domain, publisher_code, public_month, records)
          select credit_code, domain, publisher_code, public_month, count(*)
            from (select disclosure_id, credit_code, domain, ${PUBLISHER} as publisher_code, ${MONTH} as public_month, count(*) as n
                    from added group by disclosure_id, credit_code, domain, 4, 5) a
           where a.n = (select count(*) from disclosure_party p where p.disclosure_id = a.disclosure_id and p.credit_code = a.credit_code)
           group by 1, 2, 3, 4
          on conflict (credit_code, domain, publisher_code, public_month) do update set records = t.records + excluded.records;
        return null;
      end $$;`);
    // Deleted rows: take them away; a pair stops being a record of the subject when none of its rows is left.
    // Tally rows that reach zero stay (harmless to every sum, and reused when the subject is named again).
    this.addSql(`create function gk_tally_parties_deleted() returns trigger language plpgsql as $$
      begin
        insert into subject_tally as t (credit_code, domain, role, publisher_code, public_month, parties)
          select credit_code, domain, role, ${PUBLISHER}, ${MONTH}, -count(*) from removed group by 1, 2, 3, 4, 5
          on conflict (credit_code, domain, role, publisher_code, public_month) do update set parties = t.parties + excluded.parties;
        insert into subject_record_tally as t (credit_code, domain, publisher_code, public_month, records)
          select credit_code, domain, ${PUBLISHER}, ${MONTH}, -count(*)
            from (select distinct disclosure_id, credit_code, domain, publisher_code, public_from from removed) r
           where not exists (select 1 from disclosure_party p where p.disclosure_id = r.disclosure_id and p.credit_code = r.credit_code)
           group by 1, 2, 3, 4
          on conflict (credit_code, domain, publisher_code, public_month) do update set records = t.records + excluded.records;
        return null;
      end $$;`);
    // Updated rows (a record's visibility or date copied onto its parties): move each from its old
    // group to its new one. All rows of a pair change together (they copy one record), so each
    // pair moves as one record; groups that did not change cancel out and are not written.
    this.addSql(`create function gk_tally_parties_updated() returns trigger language plpgsql as $$
      begin
        insert into subject_tally as t (credit_code, domain, role, publisher_code, public_month, parties)
          select credit_code, domain, role, publisher_code, public_month, sum(n)
            from (select credit_code, domain, role, ${PUBLISHER} as publisher_code, ${MONTH} as public_month, -1 as n from before_rows
                  union all
                  select credit_code, domain, role, ${PUBLISHER}, ${MONTH}, 1 from after_rows) x
           group by 1, 2, 3, 4, 5 having sum(n) <> 0
          on conflict (credit_code, domain, role, publisher_code, public_month) do update set parties = t.parties + excluded.parties;
        insert into subject_record_tally as t (credit_code, domain, publisher_code, public_month, records)
          select credit_code, domain, publisher_code, public_month, sum(n)
            from (select distinct disclosure_id, credit_code, domain, ${PUBLISHER} as publisher_code, ${MONTH} as public_month, -1 as n from before_rows
                  union all
                  select distinct disclosure_id, credit_code, domain, ${PUBLISHER}, ${MONTH}, 1 from after_rows) x
           group by 1, 2, 3, 4 having sum(n) <> 0
          on conflict (credit_code, domain, publisher_code, public_month) do update set records = t.records + excluded.records;
        return null;
      end $$;`);
    this.addSql(`create function gk_tally_parties_truncated() returns trigger language plpgsql as $$
      begin
        truncate subject_tally, subject_record_tally;
        return null;
      end $$;`);
    this.addSql(`create trigger disclosure_party_tally_insert after insert on "disclosure_party"
      referencing new table as added for each statement execute function gk_tally_parties_inserted();`);
    this.addSql(`create trigger disclosure_party_tally_delete after delete on "disclosure_party"
      referencing old table as removed for each statement execute function gk_tally_parties_deleted();`);
    this.addSql(`create trigger disclosure_party_tally_update after update on "disclosure_party"
      referencing old table as before_rows new table as after_rows for each statement execute function gk_tally_parties_updated();`);
    this.addSql(`create trigger disclosure_party_tally_truncate after truncate on "disclosure_party"
      for each statement execute function gk_tally_parties_truncated();`);

    this.addSql(`drop index "disclosure_party_credit_code_domain_role_index";`);
    this.addSql(`create index "disclosure_party_credit_code_public_from_index" on "disclosure_party" ("credit_code", "public_from") include ("disclosure_id", "domain", "role", "publisher_code");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "disclosure_party_credit_code_public_from_index";`);
    this.addSql(`create index "disclosure_party_credit_code_domain_role_index" on "disclosure_party" ("credit_code", "domain", "role") include ("public_from", "publisher_code");`);
    for (const event of ['insert', 'delete', 'update', 'truncate']) {
      this.addSql(`drop trigger disclosure_party_tally_${event} on "disclosure_party";`);
    }
    for (const fn of ['inserted', 'deleted', 'updated', 'truncated']) {
      this.addSql(`drop function gk_tally_parties_${fn}();`);
    }
    this.addSql(`drop table "subject_record_tally";`);
    this.addSql(`drop table "subject_tally";`);
  }
}
