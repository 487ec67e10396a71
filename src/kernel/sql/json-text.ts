/**
 * JSON text put together from parts that were serialised ahead of time. A bulk write sends each
 * table's rows as one JSON array; most of a row is known as soon as its record is validated,
 * only its id once the ids are drawn. Serialising the known part early (while the batch before
 * is being written) and splicing the id in at write time keeps the connection from waiting on
 * JSON.stringify between statements.
 */

/** JSON text to embed as it is where a value would be serialised (see `jsonText`). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** A value's JSON text: a RawJson's own text, anything else serialised (undefined as null). */
export function jsonText(value: unknown): string {
  return value instanceof RawJson ? value.text : (JSON.stringify(value) ?? 'null');
}

/** An object's JSON text without its opening brace (`{"a":1}` → `"a":1}`, `{}` → `}`), for `withFirst`. */
export function objectTail(value: object): string {
  return JSON.stringify(value).slice(1);
}

/** The object whose tail is `tail` with `key` (a plain identifier) put first: `withFirst('id', 7, '"a":1}')` is `{"id":7,"a":1}`. */
export function withFirst(key: string, value: number | string, tail: string): string {
  const first = `{"${key}":${typeof value === 'number' ? String(value) : JSON.stringify(value)}`;
  return tail === '}' ? `${first}}` : `${first},${tail}`;
}

/** A JSON array of element texts. */
export function jsonArray(elements: readonly string[]): string {
  return `[${elements.join(',')}]`;
}
