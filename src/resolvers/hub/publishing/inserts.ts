import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../../kernel/viewer.js';
import { auditInsertSql, type AuditWrite } from '../../audit/audit-log.js';
import { run } from '../../../kernel/sql/run.js';
import { sql, type Sql } from '../../../kernel/sql/sql.js';

interface Statement {
  table: string;
  /** The statement, built when its turn comes. */
  build: () => Sql;
}

/**
 * A batch's inserts (hub rows, details, parties, publications, audit entries), each table's rows one bound JSON
 * parameter, in two statements: the hub rows alone, then everything else together.
 */
export class Inserts {
  private readonly statements: Statement[] = [];

  /** Rows into `table`, any number of them (serialised when the statement is built). */
  rows(table: string, columns: readonly string[], rows: readonly Record<string, unknown>[]): this {
    return rows.length === 0 ? this : this.json(table, columns, () => JSON.stringify(rows));
  }

  /**
   * Rows into `table` from a JSON array's text, made when the statement is built. It is bound as bytes (UTF-8): pg
   * sends a Buffer as it is, where a string is measured and encoded when the statement is sent, tens of milliseconds for
   * a batch's rows, all of it time the connection waits. Encoded in `build`, the rows after the hub rows are encoded while
   * the hub rows are being written.
   */
  json(table: string, columns: readonly string[], text: () => string): this {
    const cols = sql.raw(columns.map((c) => `"${c}"`).join(', '));
    const into = sql.ident(table);
    this.statements.push({
      table,
      build: () => sql`insert into ${into} (${cols}) select ${cols} from json_populate_recordset(null::${into}, ${Buffer.from(text())}::json)`,
    });
    return this;
  }

  audit(viewer: Viewer, requestId: string | null, writes: readonly AuditWrite[]): this {
    if (writes.length === 0) return this;
    this.statements.push({ table: 'audit_entry', build: () => auditInsertSql(viewer, requestId, writes) });
    return this;
  }

  /**
   * The hub rows go first and alone: every other row refers to them (foreign keys, and the party trigger reads a
   * record's visibility from its hub row), and a data-modifying WITH clause does not see the rows a sibling clause
   * inserts. The rest go in one statement of such clauses, built while the hub rows are written: one statement per
   * table was some thirty round trips per batch of an import, a database waiting on each.
   */
  async run(tx: EntityManager): Promise<void> {
    const hubFirst = this.statements[0]?.table === 'disclosure';
    const first = hubFirst ? this.statements[0]!.build() : undefined;
    const running = first ? run(tx, first, 'generic') : Promise.resolve([]);
    // A rejection while the rest is built is awaited just below, not left unhandled.
    running.catch(() => undefined);
    if (first) {
      // The hub statement reaches the connection a few promise steps later (the transaction hands out its connection
      // asynchronously): building the rest first would hold it back for as long as that takes (about 100 ms a batch).
      await new Promise((resolve) => setImmediate(resolve));
    }
    const rest = (hubFirst ? this.statements.slice(1) : this.statements).map((s) => s.build());
    await running;
    if (rest.length > 0) await run(tx, together(rest), 'generic');
  }
}

/** Statements as the clauses of one (`with s0 as (…), s1 as (…) select 1`). */
function together(statements: readonly Sql[]): Sql {
  if (statements.length === 1) return statements[0]!;
  const clauses = statements.map((s, i) => sql`${sql.raw(`s${i}`)} as (${s})`);
  return sql`with ${sql.join(clauses, ',\n')}\nselect 1`;
}

/** Rows into `table` from one JSON array: one statement for any number of rows. */
export async function insertJson(tx: EntityManager, table: string, columns: readonly string[], rows: readonly Record<string, unknown>[]): Promise<void> {
  await new Inserts().rows(table, columns, rows).run(tx);
}
