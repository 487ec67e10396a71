/**
 * The one way to write a statement: a tagged template. Every `${value}` is a
 * parameter, bound where it stands; a `${fragment}` built by `sql` is spliced
 * in with its own parameters. So which value goes to which placeholder follows
 * from where it is written, never from the order the text was assembled in.
 *
 *   const visible = sql`d.public_from <= ${today}::date`;
 *   await run(em, sql`select id from disclosure d where d.region_code = ${code} and ${visible}`);
 *
 * Text that is not a value (a column list from an entity's mapping, a sort
 * direction chosen from a fixed set) goes in as `sql.raw(text)`: never with
 * anything a client sent. A list of values is one array parameter
 * (`= any(${ids}::int[])`: one text for any number of them), or `sql.list` for
 * `in (…)` where the statement's values are written into its text.
 */
export class Sql {
  // As written: text pieces around the values (`strings.length === values.length + 1`), a value
  // being a nested Sql, a Param, or a value to bind. Nothing is copied until the text is asked for.
  private readonly strings: readonly string[];
  private readonly values: readonly unknown[];
  private numbered: { text: string; params: unknown[] } | undefined;
  private flattened: { strings: string[]; values: unknown[] } | undefined;

  constructor(strings: readonly string[], values: readonly unknown[]) {
    this.strings = strings;
    this.values = values;
  }

  /** The text with PostgreSQL's `$1`, `$2` … placeholders, numbered in text order (a `sql.param` keeps its first number). */
  get text(): string {
    return this.number().text;
  }

  /** The values bound to `$1`, `$2` …, in that order. */
  get params(): unknown[] {
    return this.number().params;
  }

  private number(): { text: string; params: unknown[] } {
    if (this.numbered) return this.numbered;
    const params: unknown[] = [];
    let shared: Map<Param, number> | undefined;
    const walk = (q: Sql): string => {
      let text = q.strings[0]!;
      for (let i = 0; i < q.values.length; i++) {
        const value = q.values[i];
        if (value instanceof Sql) {
          text += walk(value);
        } else if (value instanceof Param) {
          shared ??= new Map();
          let n = shared.get(value);
          if (n === undefined) shared.set(value, (n = params.push(value.value)));
          text += `$${n}`;
        } else {
          text += `$${params.push(value)}`;
        }
        text += q.strings[i + 1]!;
      }
      return text;
    };
    const text = walk(this);
    return (this.numbered = { text, params });
  }

  /** The text pieces and the values between them, fragments spliced in, one value per mention. */
  private flat(): { strings: string[]; values: unknown[] } {
    if (this.flattened) return this.flattened;
    const strings = [''];
    const values: unknown[] = [];
    const walk = (q: Sql): void => {
      strings[strings.length - 1] += q.strings[0]!;
      for (let i = 0; i < q.values.length; i++) {
        const value = q.values[i];
        if (value instanceof Sql) walk(value);
        else {
          values.push(value instanceof Param ? value.value : value);
          strings.push('');
        }
        strings[strings.length - 1] += q.strings[i + 1]!;
      }
    };
    walk(this);
    return (this.flattened = { strings, values });
  }

  /**
   * The text with knex's `?` placeholders, one per mention, for a statement
   * whose values MikroORM writes into the text (`per-values` planning; see
   * `knexValues`). A `?` of the SQL itself (jsonb's `?` operator) is escaped
   * as `\?` where there are values to write in; with none, the text is sent
   * as it is.
   */
  get knexText(): string {
    const { strings, values } = this.flat();
    if (values.length === 0) return strings[0]!;
    let out = escapeQuestionMarks(strings[0]!);
    for (let i = 1; i < strings.length; i++) {
      const before = strings[i - 1]!;
      // MikroORM's formatQuery reads `??` as an identifier, a value after `\` or after an escaped `?` as text.
      if ((i > 1 && before === '') || before.endsWith('?') || before.endsWith('\\')) {
        throw new Error(`a value in SQL must not follow another value, a "?" or a "\\" directly: …${before.slice(-20)}\${…}`);
      }
      out += `?${escapeQuestionMarks(strings[i]!)}`;
    }
    return out;
  }

  /** The values for `knexText`'s `?`, one per mention. */
  get knexValues(): unknown[] {
    return this.flat().values;
  }

  /** True when there is no text at all (an absent condition). */
  get isEmpty(): boolean {
    return this.strings.every((s) => s.trim() === '') && this.values.every((v) => v instanceof Sql && v.isEmpty);
  }
}

function escapeQuestionMarks(text: string): string {
  return text.includes('?') ? text.replaceAll('?', '\\?') : text;
}

/** A value that one statement mentions more than once, bound once (`sql.param`). */
class Param {
  constructor(readonly value: unknown) {}
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  return new Sql(strings, values);
}

/** Trusted text, spliced as it is: identifiers and column lists from mappings, keywords from a fixed set. */
sql.raw = (text: string): Sql => new Sql([text], []);

/** A quoted identifier (a table or column name from entity metadata). */
sql.ident = (name: string): Sql => sql.raw(`"${name.replaceAll('"', '""')}"`);

/**
 * One parameter however many times the statement mentions it: every `${p}` of the
 * same `sql.param(value)` is the same `$n`, so a large value (a batch's JSON) is
 * sent once.
 */
sql.param = (value: unknown): Param => new Param(value);

/** An empty fragment: an absent condition or clause. */
sql.empty = new Sql([''], []);

/** Fragments joined by a separator (", " unless given); empty fragments are skipped. */
sql.join = (parts: readonly Sql[], separator = ', '): Sql => {
  const kept = parts.filter((p) => !p.isEmpty);
  if (kept.length === 0) return sql.empty;
  if (kept.length === 1) return kept[0]!;
  return new Sql(['', ...kept.slice(1).map(() => separator), ''], kept);
};

/**
 * Values as a comma-separated list of parameters, one each: `in (${sql.list(codes)})`. For a
 * statement whose values are written into its text (`per-values`); a bound statement takes the
 * list as one array, `= any(${codes}::text[])`, one text for any number of values.
 */
sql.list = (values: readonly unknown[]): Sql => (values.length === 0 ? sql.empty : new Sql(['', ...values.slice(1).map(() => ', '), ''], values));

/** `where a and b …`, with a leading space; nothing when there are no conditions. */
sql.where = (conditions: readonly Sql[]): Sql => {
  const kept = conditions.filter((c) => !c.isEmpty);
  return kept.length ? sql` where ${sql.join(kept, ' and ')}` : sql.empty;
};

/** `and`-joined conditions in parentheses; `true` when there are none. */
sql.and = (conditions: readonly Sql[]): Sql => {
  const kept = conditions.filter((c) => !c.isEmpty);
  return kept.length ? sql`(${sql.join(kept, ' and ')})` : sql.raw('true');
};
