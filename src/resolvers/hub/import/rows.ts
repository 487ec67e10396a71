import type { GraphQLInputObjectType } from 'graphql';
import { registerEnumType } from 'type-graphql';
import { registeredCategories } from '../../../entities/hub/category-registry.js';
import type { Issue } from '../publishing/index.js';
import { detailsFieldOf } from '../publishing/input-types.js';
import { planColumns, rowToInput, type ColumnPlan } from './csv-columns.js';
import { CsvReader, type CsvRecord } from './csv-reader.js';
import { NdjsonReader, type NdjsonRecord } from './ndjson-reader.js';

/** The GraphQL input type a row has the shape of, and whose field types convert CSV cells. */
export const RECORD_INPUT_TYPE = 'PublishDisclosureInput';

export enum ImportFormat {
  NDJSON = 'NDJSON',
  CSV = 'CSV',
}

registerEnumType(ImportFormat, {
  name: 'ImportFormat',
  description: '批量导入格式',
  valuesConfig: {
    NDJSON: { description: '每行一个 JSON 对象（与 PublishDisclosureInput 同形）' },
    CSV: { description: '每个文件一个类别；首行为字段路径（如 parties.0.creditCode）' },
  },
});

/** One row of a file: its number, the raw record input when it could be read, and what was wrong with reading it. */
export interface ParsedRow {
  row: number;
  input?: Record<string, unknown>;
  issues: Issue[];
  /** A CSV file's header row: not a record. */
  header?: boolean;
}

/** The format a file name implies, or undefined. */
export function formatOfFileName(name: string): ImportFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return ImportFormat.CSV;
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return ImportFormat.NDJSON;
  return undefined;
}

/**
 * The rows of a file, read as the text arrives: NDJSON lines, or CSV rows
 * turned into record inputs by the header's column paths (`recordType`, the
 * GraphQL input type, gives each cell its type). Problems with reading (a
 * malformed line, an unknown column, a wrong number of cells) come out as
 * issues of their row; row 1 of a CSV file carries the header's.
 */
export async function* readRows(format: ImportFormat, text: AsyncIterable<string>, recordType: GraphQLInputObjectType): AsyncGenerator<ParsedRow> {
  if (format === ImportFormat.NDJSON) {
    const reader = new NdjsonReader();
    for await (const chunk of text) yield* fromNdjson(reader.push(chunk));
    yield* fromNdjson(reader.end());
    return;
  }
  const reader = new CsvReader();
  const state: CsvState = { width: 0 };
  for await (const chunk of text) yield* fromCsv(reader.push(chunk), state, recordType);
  yield* fromCsv(reader.end(), state, recordType);
  if (!state.plan) yield { row: 1, issues: [{ path: '', code: 'MALFORMED_CSV', message: 'the file is empty: a CSV file starts with a header row' }], header: true };
}

function* fromNdjson(records: NdjsonRecord[]): Generator<ParsedRow> {
  for (const r of records) {
    if ('error' in r) yield { row: r.row, issues: [{ path: '', code: 'MALFORMED_NDJSON', message: r.error }] };
    else yield { row: r.row, input: r.value, issues: [] };
  }
}

interface CsvState {
  plan?: ColumnPlan;
  /** The header's number of columns; 0 when the header could not be read. */
  width: number;
  /** The category the details columns name, for rows without domain and category cells. */
  implied?: { domain: string; code: string };
}

function* fromCsv(records: CsvRecord[], state: CsvState, recordType: GraphQLInputObjectType): Generator<ParsedRow> {
  for (const r of records) {
    if (!state.plan) {
      if ('error' in r) {
        // Without a header no row can be read; every later row would be noise.
        state.plan = { columns: [], issues: [] };
        yield { row: r.row, issues: [{ path: '', code: 'MALFORMED_CSV', message: `the header row: ${r.error}` }], header: true };
        continue;
      }
      state.plan = planColumns(r.fields, recordType);
      state.width = r.fields.length;
      state.implied = impliedCategory(state.plan);
      if (state.plan.issues.length) yield { row: r.row, issues: state.plan.issues, header: true };
      continue;
    }
    if ('error' in r) {
      yield { row: r.row, issues: [{ path: '', code: 'MALFORMED_CSV', message: r.error }] };
      continue;
    }
    const width = state.width;
    if (width === 0) continue;
    if (r.fields.length !== width) {
      yield {
        row: r.row,
        issues: [{ path: '', code: 'MALFORMED_CSV', message: `the row has ${r.fields.length} cells; the header has ${width} columns` }],
      };
      continue;
    }
    const { value, issues } = rowToInput(r.fields, state.plan);
    // A header naming several categories' details: each row is of the one it fills, so a file mixing categories is
    // reported as that (MIXED_CATEGORIES, with the rows of each), not as every row's missing domain and category.
    const implied = state.implied ?? categoryOfDetails(value.details);
    if (implied) {
      value.domain ??= implied.domain;
      value.category ??= implied.code;
    }
    yield { row: r.row, input: value, issues };
  }
}

let byDetailsField: Map<string, { domain: string; code: string }> | undefined;

/**
 * A CSV file holds one category, which its details columns already name
 * (details.procurementResult.…): when they name exactly one, rows without
 * domain and category cells take them from there. A row that gives them keeps
 * its own (and is checked against its details).
 */
function impliedCategory(plan: ColumnPlan): { domain: string; code: string } | undefined {
  const keys = new Set(plan.columns.filter((c) => c.path[0] === 'details' && typeof c.path[1] === 'string').map((c) => c.path[1] as string));
  if (keys.size !== 1) return undefined;
  return categoryOfDetailsField([...keys][0]!);
}

function categoryOfDetailsField(field: string): { domain: string; code: string } | undefined {
  byDetailsField ??= new Map(registeredCategories().map((c) => [detailsFieldOf(c), { domain: c.domain, code: c.code }]));
  return byDetailsField.get(field);
}

/** The category of a row's details when it fills exactly one category's (empty cells are left out of the row). */
function categoryOfDetails(details: unknown): { domain: string; code: string } | undefined {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return undefined;
  const keys = Object.keys(details);
  return keys.length === 1 ? categoryOfDetailsField(keys[0]!) : undefined;
}
