/**
 * An incremental RFC 4180 reader: text goes in chunk by chunk (a 100 MB file
 * is never one string), complete records come out with their row number. A
 * malformed record (a quote inside an unquoted field, text after a closing
 * quote, a quote never closed) comes out as an error with its row, and
 * reading goes on at the next line, so one bad row does not hide the others.
 *
 * Rows are counted as a spreadsheet counts them: the header is row 1, and a
 * quoted field spanning several lines is still one row.
 */
export type CsvRecord = { row: number; fields: string[] } | { row: number; error: string };

const QUOTE = 34; // "
const COMMA = 44;
const LF = 10;
const CR = 13;

/** A row longer than this is refused rather than buffered on (a quote left open would swallow the rest of the file). */
export const MAX_ROW_CHARS = 1 << 20;

export class CsvReader {
  private buffer = '';
  private row = 0;
  private first = true;

  /** The complete records in `chunk` (with what was left over from earlier chunks). */
  push(chunk: string): CsvRecord[] {
    this.buffer += chunk;
    if (this.first && this.buffer.length > 0) {
      // A byte-order mark, as spreadsheet programs write it, is not part of the first column's name.
      if (this.buffer.charCodeAt(0) === 0xfeff) this.buffer = this.buffer.slice(1);
      this.first = false;
    }
    return this.drain(false);
  }

  /** The last record (one with no line break after it) and any quote left open. */
  end(): CsvRecord[] {
    return this.drain(true);
  }

  private drain(atEnd: boolean): CsvRecord[] {
    const out: CsvRecord[] = [];
    const text = this.buffer;
    let pos = 0;
    for (;;) {
      let parsed = parseRecord(text, pos, atEnd);
      if (parsed === null) {
        if (text.length - pos <= MAX_ROW_CHARS) break;
        const lf = text.indexOf('\n', pos);
        parsed = { error: 'the row runs on for more than 1 MiB (a quote left open?)', next: lf === -1 ? text.length : lf + 1 };
      }
      this.row++;
      const row = this.row;
      pos = parsed.next;
      if ('error' in parsed) {
        out.push({ row, error: parsed.error });
        continue;
      }
      // A blank line (often the last one) holds no record, but counts, as in a spreadsheet.
      if (parsed.fields.length === 1 && parsed.fields[0] === '' && !parsed.quoted) continue;
      out.push({ row, fields: parsed.fields });
    }
    this.buffer = text.slice(pos);
    return out;
  }
}

type Parsed = { fields: string[]; quoted: boolean; next: number } | { error: string; next: number };

/**
 * One record starting at `start`, or null when the text ends before the record
 * does (more text may come). At the end of input a record needs no line break.
 */
function parseRecord(text: string, start: number, atEnd: boolean): Parsed | null {
  const n = text.length;
  if (start >= n) return null;
  const fields: string[] = [];
  let pos = start;
  let quoted = false;
  for (;;) {
    if (pos < n && text.charCodeAt(pos) === QUOTE) {
      quoted = true;
      // A quoted field: "" is a quote, anything else (commas, line breaks) is text.
      let value = '';
      let from = pos + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) {
          if (!atEnd) return null;
          return { error: 'a quoted field is never closed (unbalanced quote)', next: n };
        }
        if (q + 1 >= n && !atEnd) return null;
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value += text.slice(from, q);
        pos = q + 1;
        break;
      }
      fields.push(value);
      const c = pos < n ? text.charCodeAt(pos) : -1;
      if (c === COMMA) {
        pos++;
        continue;
      }
      if (c === -1) {
        if (!atEnd) return null;
        return { fields, quoted, next: n };
      }
      const eol = lineEnd(text, pos);
      if (eol !== null) return { fields, quoted, next: eol };
      return recover(text, pos, atEnd, `text after a closing quote (column ${fields.length})`);
    }
    // An unquoted field runs to the next comma or line break; a quote in it is malformed.
    let end = pos;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (c === COMMA || c === LF || c === CR) break;
      if (c === QUOTE) return recover(text, end, atEnd, `a quote inside an unquoted field (column ${fields.length + 1}); quote the whole field and double the quote ("")`);
      end++;
    }
    if (end >= n && !atEnd) return null;
    fields.push(text.slice(pos, end));
    if (end >= n) return { fields, quoted, next: n };
    if (text.charCodeAt(end) === COMMA) {
      pos = end + 1;
      continue;
    }
    const eol = lineEnd(text, end);
    if (eol === null) return null;
    return { fields, quoted, next: eol };
  }
}

/** Past the line break at `pos` (\n or \r\n), or null when a \r ends the text so far. */
function lineEnd(text: string, pos: number): number | null {
  const c = text.charCodeAt(pos);
  if (c === LF) return pos + 1;
  if (c === CR) {
    if (pos + 1 >= text.length) return pos + 1;
    return text.charCodeAt(pos + 1) === LF ? pos + 2 : pos + 1;
  }
  return null;
}

/** A malformed record: skip to the end of its line, so reading resumes with the next row. */
function recover(text: string, from: number, atEnd: boolean, error: string): Parsed | null {
  const lf = text.indexOf('\n', from);
  if (lf === -1) return atEnd ? { error, next: text.length } : null;
  return { error, next: lf + 1 };
}
