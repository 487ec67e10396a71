import type { EntityManager } from '@mikro-orm/postgresql';

/** Placeholders for knex-style `?` parameters, collected in the order they appear in the text. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return '?';
  }
  list(values: readonly unknown[]): string {
    return values.map((v) => this.add(v)).join(', ');
  }
}

export function whereSql(conditions: readonly string[]): string {
  return conditions.length ? ` where ${conditions.join(' and ')}` : '';
}

/** `select count(*) from <from> where …`, with conditions built on fresh parameters. */
export async function countRows(em: EntityManager, from: string, build: (params: Params) => string[]): Promise<number> {
  const params = new Params();
  const where = build(params);
  const [row] = (await em.getConnection().execute(`select count(*)::int as n from ${from}${whereSql(where)}`, params.values)) as {
    n: number;
  }[];
  return row!.n;
}
