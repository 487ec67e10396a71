import { Migration } from '@mikro-orm/migrations';
import { TITLE_GRAM_STOPLIST } from './title-gram-stoplist.js';

/**
 * The title's bigrams as rows (倒排表: one row per record and distinct bigram), kept
 * in step with `disclosure` by statement triggers, so a two-character search is
 * counted and paged by formed date from one B-tree, index-only.
 *
 * Why: the GIN index on `title_bigrams` finds the matches, but GIN has no
 * index-only scans, so counting them (and sorting them for a page) visits every
 * matching record's heap page to check its visibility. That is linear in the
 * matches: "锂矿" at a million records, 904 matches on 954 pages, took about
 * 0.9 ms to count and 1.1 ms to page, against 0.2 ms at ten thousand. From this
 * index the same count reads 904 index entries (0.29 ms) and the page 21 (0.27 ms).
 *
 * Stop bigrams (title-gram-stoplist.ts) get no rows: they are in more than 0.5 %
 * of titles each and 86 % of all title bigrams, so rows for every bigram (25 a
 * record, 2.25 GB at a million records) cost an import a third of its speed;
 * without them, 3.6 a record and 319 MB. A search for a stop bigram keeps the GIN
 * path, where its many matches make a page cheap (the formed-date index walked in
 * order finds a page's worth at once).
 *
 * `public_from` is the record's public-from date (its publication date, null if
 * exempt or unpublished), as on `disclosure_party`: the public's rule is
 * `public_from <= today`, read from the index. `gram` is in the C collation: a
 * bigram is compared byte by byte, as an equality needs, never by locale.
 *
 * Statement-level triggers with transition tables: a bulk insert (the seed, an
 * import) writes its bigram rows in one statement, not one per record. A
 * column list is not allowed with transition tables, so the update trigger
 * fires on every update and keeps only the rows whose title, formed date or
 * visibility changed. Truncating `disclosure` empties the rows too.
 */
/**
 * The bigram rows of the records in `source` (aliased `n`, with the stored
 * `title_bigrams`), stop bigrams left out, each once per record: one hash over
 * the statement's bigrams (a third faster than a sort per title).
 */
function gramRowsOf(source: string, stoplist: string): string {
  return `select distinct g collate "C", n.formed_on, n.id, case when n.exemption = 'NONE' then n.published_on end
          from ${source} cross join unnest(n.title_bigrams) g
         where not exists (select 1 from ${stoplist} s where s.gram = g collate "C")`;
}

export class Migration20261128170000 extends Migration {
  override async up(): Promise<void> {
    // Bigrams too common to be worth their rows (title-gram-stoplist.ts): searched by the GIN index.
    this.addSql(`create table "title_gram_stoplist" ("gram" text collate "C" primary key);`);
    const listed = TITLE_GRAM_STOPLIST.map((gram) => `('${gram.replaceAll("'", "''")}')`).join(', ');
    this.addSql(`insert into "title_gram_stoplist" ("gram") values ${listed};`);
    this.addSql(`create table "disclosure_title_gram" (
      "gram" text collate "C" not null,
      "formed_on" date not null,
      "disclosure_id" int not null,
      "public_from" date null
    );`);
    this.addSql(`insert into "disclosure_title_gram" ("gram", "formed_on", "disclosure_id", "public_from")
      ${gramRowsOf('"disclosure" n', '"title_gram_stoplist"')};`);
    this.addSql(`create index "disclosure_title_gram_index" on "disclosure_title_gram" ("gram", "formed_on", "disclosure_id") include ("public_from");`);
    // New rows are index-only readable once vacuumed (the visibility map); a table
    // written in bulk is vacuumed sooner than autovacuum's default 20 % of its rows.
    this.addSql(`alter table "disclosure_title_gram" set (autovacuum_vacuum_insert_scale_factor = 0.02, autovacuum_vacuum_scale_factor = 0.02);`);

    this.statementTrigger('insert', 'after insert', 'new table as new_rows', `
        insert into disclosure_title_gram (gram, formed_on, disclosure_id, public_from)
        ${gramRowsOf('new_rows n', 'title_gram_stoplist')};`);
    this.statementTrigger('update', 'after update', 'old table as old_rows new table as new_rows', `
        with changed as (
          select o.id, o.title_bigrams as old_grams, o.formed_on as old_formed_on
            from old_rows o join new_rows n on n.id = o.id
           where (o.title, o.formed_on, o.published_on, o.exemption) is distinct from (n.title, n.formed_on, n.published_on, n.exemption)
        ), gone as (
          delete from disclosure_title_gram t using changed c
           where t.gram = any(c.old_grams) and t.formed_on = c.old_formed_on and t.disclosure_id = c.id
        )
        insert into disclosure_title_gram (gram, formed_on, disclosure_id, public_from)
        ${gramRowsOf('new_rows n join changed c on c.id = n.id', 'title_gram_stoplist')};`);
    this.statementTrigger('delete', 'after delete', 'old table as old_rows', `
        delete from disclosure_title_gram t using old_rows o
         where t.gram = any(o.title_bigrams) and t.formed_on = o.formed_on and t.disclosure_id = o.id;`);
    this.statementTrigger('truncate', 'after truncate', undefined, `
        truncate disclosure_title_gram;`);
  }

  /** Trigger `disclosure_title_grams_<name>` on `disclosure`, once per statement, running `body` (function gk_title_grams_<name>). */
  private statementTrigger(name: string, event: string, referencing: string | undefined, body: string): void {
    this.addSql(`create function gk_title_grams_${name}() returns trigger language plpgsql as $$
      begin${body}
        return null;
      end $$;`);
    this.addSql(`create trigger disclosure_title_grams_${name} ${event} on "disclosure"
      ${referencing ? `referencing ${referencing} ` : ''}for each statement execute function gk_title_grams_${name}();`);
  }

  override async down(): Promise<void> {
    for (const name of ['truncate', 'delete', 'update', 'insert']) {
      this.addSql(`drop trigger disclosure_title_grams_${name} on "disclosure";`);
      this.addSql(`drop function gk_title_grams_${name}();`);
    }
    this.addSql(`drop table "disclosure_title_gram";`);
    this.addSql(`drop table "title_gram_stoplist";`);
  }
}
