/**
 * The one way to write a statement: a tagged template. Every `${value}` is a
 * parameter, bound where it stands; a `${fragment}` built by `sql` is spliced
 * in with its own parameters. So which value goes to which placeholder follows
 * from where it is written, never from the order the text was assembled in.
 *
 *   const visible = sql`d.public_from <= ${today}`;
 *   await run(em, sql`select id from disclosure d where d.region_code = ${code} and ${visible}`);
 *
 * Text that is not a value (a column list from an entity's mapping, a sort
 * direction chosen from a fixed set) goes in as `sql.raw(text)`: never with
 * anything a client sent.
 */
export class Sql {
  /** Text pieces around the values: `strings.length === values.length + 1`. */
  readonly strings: readonly string[];
  readonly values: readonly unknown[];

  constructor(strings: readonly string[], values: readonly unknown[]) {
    const flatStrings: string[] = [strings[0]!];
    const flatValues: unknown[] = [];
    values.forEach((value, i) => {
      if (value instanceof Sql) {
        // Splice the fragment: its first piece joins ours, its last piece starts the next.
        flatStrings[flatStrings.length - 1] += value.strings[0]!;
        flatValues.push(...value.values);
        flatStrings.push(...value.strings.slice(1));
        flatStrings[flatStrings.length - 1] += strings[i + 1]!;
      } else {
        flatValues.push(value);
        flatStrings.push(strings[i + 1]!);
      }
    });
    this.strings = flatStrings;
    this.values = flatValues;
  }

  /** The text with PostgreSQL's `$1`, `$2` … placeholders. */
  get text(): string {
    let out = this.strings[0]!;
    for (let i = 1; i < this.strings.length; i++) out += `$${i}${this.strings[i]}`;
    return out;
  }

  /**
   * The text with knex's `?` placeholders, for a statement whose values the
   * driver writes into the text (`per-values` planning). A `?` of the SQL itself
   * (jsonb's `?` operator) is escaped, so knex leaves it alone.
   */
  get knexText(): string {
    const escape = (s: string) => s.replace(/\?/g, '\\?');
    let out = escape(this.strings[0]!);
    for (let i = 1; i < this.strings.length; i++) out += `?${escape(this.strings[i]!)}`;
    return out;
  }

  /** True when there is no text at all (an absent condition). */
  get isEmpty(): boolean {
    return this.values.length === 0 && this.strings[0]!.trim() === '';
  }
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  return new Sql(strings, values);
}

/** Trusted text, spliced as it is: identifiers and column lists from mappings, keywords from a fixed set. */
sql.raw = (text: string): Sql => new Sql([text], []);

/** An empty fragment: an absent condition or clause. */
sql.empty = new Sql([''], []);

/** Fragments joined by a separator (", " unless given); empty fragments are skipped. */
sql.join = (parts: readonly Sql[], separator = ', '): Sql => {
  const kept = parts.filter((p) => !p.isEmpty);
  if (kept.length === 0) return sql.empty;
  const strings = ['', ...kept.slice(1).map(() => separator), ''];
  return new Sql(strings, kept);
};

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
