import { MAX_ROW_CHARS } from './csv-reader.js';

/**
 * An incremental NDJSON reader: one JSON object per line, text in chunk by
 * chunk, each line parsed as it completes. A line that is not a JSON object
 * is an error with its line number, and reading goes on. Blank lines are
 * skipped but counted, so row numbers are the file's line numbers.
 */
export type NdjsonRecord = { row: number; value: Record<string, unknown> } | { row: number; error: string };

export class NdjsonReader {
  private buffer = '';
  private line = 0;
  /** Inside a line already refused as too long: drop text up to its end. */
  private skipping = false;

  push(chunk: string): NdjsonRecord[] {
    if (this.line === 0 && this.buffer === '' && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    this.buffer += chunk;
    const out: NdjsonRecord[] = [];
    let pos = 0;
    for (;;) {
      const lf = this.buffer.indexOf('\n', pos);
      if (lf === -1) break;
      this.take(this.buffer.slice(pos, lf), out);
      pos = lf + 1;
    }
    this.buffer = this.buffer.slice(pos);
    if (!this.skipping && this.buffer.length > MAX_ROW_CHARS) {
      this.line++;
      out.push({ row: this.line, error: 'the line is longer than 1 MiB' });
      this.skipping = true;
    }
    if (this.skipping) this.buffer = '';
    return out;
  }

  end(): NdjsonRecord[] {
    const out: NdjsonRecord[] = [];
    if (this.buffer.length > 0 || this.skipping) this.take(this.buffer, out);
    this.buffer = '';
    return out;
  }

  private take(text: string, out: NdjsonRecord[]): void {
    if (this.skipping) {
      // The rest of a line already counted and refused.
      this.skipping = false;
      return;
    }
    this.line++;
    const line = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      out.push({ row: this.line, error: `not valid JSON: ${(err as Error).message}` });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      out.push({ row: this.line, error: 'each line must be one JSON object (a record input)' });
      return;
    }
    out.push({ row: this.line, value: value as Record<string, unknown> });
  }
}
