import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLInputObjectType,
  type GraphQLInputType,
} from 'graphql';
import type { InputIssue } from './errors.js';
import { todayInChina } from './time/china-date.js';

/**
 * Input rules at the edge: what no string, number, date or URL a client sends may be, whatever the field. Walked over
 * a value with its GraphQL input type, so no field of any input escapes (a schema test checks every String and ID).
 * The modules' own rules (column lengths, required text, references, dates in order) come after these.
 *
 * Codes: INVALID_TEXT (NUL, a control character, a lone surrogate, text with no visible character), BLANK (an
 * optional text of a record given blank: leave it out), REQUIRED (a required text of a record given blank), TOO_LONG,
 * OUT_OF_RANGE (a number or a date outside what the field can mean), INVALID_URL (not an http(s) URL).
 */
export type RuleIssue = InputIssue;

type Path = readonly (string | number)[];
type Add = (path: Path, code: string, message: string) => void;

export interface RuleOptions {
  /**
   * A record's input (publishDisclosure, an import row): a required text given blank is refused here (REQUIRED).
   * Elsewhere it is left to the resolver, which names it in its own terms.
   */
  record?: boolean;
}

/** Any text without a tighter cap. */
const DEFAULT_MAX_LENGTH = 2000;
/** The prose of a record's details (a notice's content, conditions, requirements). */
const PROSE_MAX_LENGTH = 20000;
/** Per `Type.field`: longer caps where a text is a document's body. */
const FIELD_MAX_LENGTH: Record<string, number> = { 'DisclosureRequestInput.content': PROSE_MAX_LENGTH };

/**
 * Dates from 2000: the plan (青政办〔2018〕25号) dates from 2018, but a department may disclose older records (a mining
 * licence granted in 2005, revised now); 1900 or 0201 are typing mistakes. Up to a year after today: a record, a
 * decision or an answer is dated when it happens, a schedule at most months ahead. Fields that name how long something
 * lasts (validUntil, deadlines, expiry) may reach 2100; a company's founding date (establishedOn) may go back to 1900.
 */
const EARLIEST_DATE = '2000-01-01';
const FORWARD_DATE = /(Until|until|Deadline|deadline|^expiresAt)$/;
const LATEST_FORWARD_DATE = '2100-12-31';
const OLD_DATES: Record<string, string> = { establishedOn: '1900-01-01' };

/** Numbers by field name: their meaning, and their column (smallint for terms, ranks and years). */
interface Range {
  min: number;
  max: number;
  why: string;
}
function numberRange(typeName: string, field: string): Range | undefined {
  if (field === 'termYears') return { min: 1, max: 100, why: 'a term in years' };
  if (field === 'rank') return { min: 1, max: 1000, why: 'a rank (1 is first)' };
  if (field === 'year' || field === 'planYear') return { min: 2000, max: Number(todayInChina().slice(0, 4)) + 1, why: 'a year' };
  // Qinghai's records are in China: its extent, which also catches latitude and longitude given the wrong way round.
  if (field === 'latitude') return { min: 3.8, max: 53.6, why: 'a latitude within China' };
  if (field === 'longitude') return { min: 73.4, max: 135.1, why: 'a longitude within China' };
  // A plan's progress may pass 100% (over-fulfilled); a share, a density or a green ratio may not.
  if (field === 'percent') return { min: 0, max: 1000, why: 'a percentage of a plan' };
  if (field.endsWith('Percent')) return { min: 0, max: 100, why: 'a percentage' };
  return undefined;
}
/**
 * Other numbers of a record's details are counts and measures (units, households, ratios, heights): never negative.
 * Elsewhere a number without a rule here is the resolver's to range (a time limit of 1 to 365 days …).
 */
const COUNT_RANGE: Record<string, Range> = {
  Int: { min: 0, max: 2147483647, why: 'a count' },
  Float: { min: 0, max: 1e12, why: 'a quantity' },
};

/** Texts on one line: names, codes, identifiers and URLs (a tab or a line break in them is a mistake). */
const SINGLE_LINE = /^(title|name|shortName|externalId|category|unit|url|id|key)$|(Code|No|Name|Url|Id)$/;
const SINGLE_LINE_SCALARS = new Set(['ID', 'CreditCode']);
const TEXT_SCALARS = new Set(['String', 'ID', 'CreditCode']);
const JSON_SCALARS = new Set(['JSON', 'JSONObject']);

// C0 and C1 controls but tab, line feed and carriage return; those three only where text may span lines.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK = /[\t\n\r]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// A visible character: not white space, not a format or control character, not one of the letters that render blank.
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{Z}\u115F\u1160\u3164\uFFA0\u2800\u180E]/u;

/** A bad value as messages quote it: its first 100 characters, as JSON (so control characters show). */
function quoted(value: string): string {
  const chars = Array.from(value);
  return chars.length > 100 ? `${JSON.stringify(chars.slice(0, 100).join(''))}… (${chars.length} characters)` : JSON.stringify(value);
}

/** Any bad value as messages quote it: a text as `quoted` does, anything else as JSON cut at 100 characters. */
export function quotedValue(value: unknown): string {
  if (typeof value === 'string') return quoted(value);
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    // a BigInt or a cycle: named by its type below
  }
  if (json === undefined) return typeof value;
  return json.length > 100 ? `${json.slice(0, 100)}… (${json.length} characters of JSON)` : json;
}

function formatPath(path: Path): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out;
}

interface TextRule {
  max: number;
  singleLine: boolean;
  required: boolean;
  url: boolean;
}

function checkText(v: string, rule: TextRule, name: string, path: Path, add: Add, options: RuleOptions): void {
  if (v.includes('\u0000')) return add(path, 'INVALID_TEXT', `${name} must not contain a NUL character, got ${quoted(v)}`);
  if (LONE_SURROGATE.test(v)) return add(path, 'INVALID_TEXT', `${name} is not valid Unicode (a lone surrogate), got ${quoted(v)}`);
  if (CONTROL.test(v)) return add(path, 'INVALID_TEXT', `${name} must not contain control characters, got ${quoted(v)}`);
  if (rule.singleLine && LINE_BREAK.test(v)) return add(path, 'INVALID_TEXT', `${name} is one line: no tab or line break, got ${quoted(v)}`);
  if (v.length > rule.max && Array.from(v).length > rule.max) return add(path, 'TOO_LONG', `${name} is ${Array.from(v).length} characters; at most ${rule.max}`);
  if (v.trim() === '') {
    // Blank text is the resolvers' to name in their terms (REQUIRED, BLANK, a constraint), as they always have, except
    // in a record, whose input is checked here whole: a required text REQUIRED, an optional one (externalId) BLANK.
    if (!options.record) return;
    if (rule.required) return add(path, 'REQUIRED', `${name} must not be blank`);
    return add(path, 'BLANK', `${name} must not be blank (leave it out instead)`);
  }
  if (!VISIBLE.test(v)) return add(path, 'INVALID_TEXT', `${name} has no visible character, got ${quoted(v)}`);
  if (rule.url && !isWebUrl(v)) add(path, 'INVALID_URL', `${name} must be an http or https URL, got ${quoted(v)}`);
}

function isWebUrl(v: string): boolean {
  if (!/^https?:\/\/[^\s/]/i.test(v) || /\s/.test(v)) return false;
  try {
    const url = new URL(v);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function checkNumber(v: number, range: Range, name: string, path: Path, add: Add): void {
  if (!Number.isFinite(v) || v < range.min || v > range.max) add(path, 'OUT_OF_RANGE', `${name} is ${range.why}: from ${range.min} to ${range.max}, got ${v}`);
}

function checkDate(v: string, field: string, name: string, path: Path, add: Add): void {
  const earliest = OLD_DATES[field] ?? EARLIEST_DATE;
  const latest = FORWARD_DATE.test(field) ? LATEST_FORWARD_DATE : aYearFromToday();
  if (v < earliest || v > latest) add(path, 'OUT_OF_RANGE', `${name} must be from ${earliest} to ${latest}, got ${v}`);
}

function aYearFromToday(): string {
  const today = todayInChina();
  return `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`.replace('-02-29', '-02-28');
}

/** What to check in one field (or argument), worked out once per input type. */
interface FieldRule {
  name: string;
  type: GraphQLInputType;
  check: (v: unknown, path: Path, add: Add, options: RuleOptions) => void;
}

function ruleFor(typeName: string, name: string, type: GraphQLInputType, details: boolean): FieldRule {
  const named = getNamedType(type);
  const required = isNonNullType(type);
  let check: FieldRule['check'];
  if (isInputObjectType(named)) {
    // The details of a record hold its prose (the longer cap) and its counts (never negative).
    const inner = details || (typeName === 'PublishDisclosureInput' && name === 'details');
    check = (v, path, add, options) => walk(v, type, path, add, options, inner);
  } else if (TEXT_SCALARS.has(named.name)) {
    const rule: TextRule = {
      max: FIELD_MAX_LENGTH[`${typeName}.${name}`] ?? (details ? PROSE_MAX_LENGTH : DEFAULT_MAX_LENGTH),
      singleLine: SINGLE_LINE_SCALARS.has(named.name) || SINGLE_LINE.test(name),
      required,
      url: name === 'url' || name.endsWith('Url'),
    };
    check = (v, path, add, options) => eachItem(v, type, path, (x, p) => typeof x === 'string' && checkText(x, rule, name, p, add, options));
  } else if (named.name === 'Int' || named.name === 'Float') {
    const range = numberRange(typeName, name) ?? (details ? COUNT_RANGE[named.name] : undefined);
    check = range ? (v, path, add) => eachItem(v, type, path, (x, p) => typeof x === 'number' && checkNumber(x, range, name, p, add)) : () => undefined;
  } else if (named.name === 'Date' || named.name === 'DateTime') {
    check = (v, path, add) =>
      eachItem(v, type, path, (x, p) => {
        const date = x instanceof Date ? (Number.isNaN(x.getTime()) ? undefined : x.toISOString()) : typeof x === 'string' ? x : undefined;
        if (date) checkDate(date.slice(0, 10), name, name, p, add);
      });
  } else if (JSON_SCALARS.has(named.name)) {
    const rule: TextRule = { max: DEFAULT_MAX_LENGTH, singleLine: false, required: true, url: false };
    check = (v, path, add, options) => walkJson(v, path, (x, p) => checkText(x, rule, String(p[p.length - 1] ?? name), p, add, options));
  } else {
    // Enums, Boolean, Decimal and Measure: their scalars and the modules' rules hold them.
    check = () => undefined;
  }
  return { name, type, check };
}

/** Calls `each` on the value, or on each item of a list (of lists), with its path. */
function eachItem(v: unknown, type: GraphQLInputType, path: Path, each: (x: unknown, path: Path) => void): void {
  const nullable = getNullableType(type);
  if (isListType(nullable) && Array.isArray(v)) v.forEach((x, i) => eachItem(x, nullable.ofType as GraphQLInputType, [...path, i], each));
  else if (v != null) each(v, path);
}

function walkJson(v: unknown, path: Path, each: (x: string, path: Path) => void): void {
  if (typeof v === 'string') each(v, path);
  else if (Array.isArray(v)) v.forEach((x, i) => walkJson(x, [...path, i], each));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walkJson(x, [...path, k], each);
}

const rulesByType = new WeakMap<GraphQLInputObjectType, FieldRule[]>();
const detailsRulesByType = new WeakMap<GraphQLInputObjectType, FieldRule[]>();

function rulesOf(type: GraphQLInputObjectType, details: boolean): FieldRule[] {
  const cache = details ? detailsRulesByType : rulesByType;
  let rules = cache.get(type);
  if (!rules) {
    rules = [];
    for (const field of Object.values(type.getFields())) {
      const rule = ruleFor(type.name, field.name, field.type, details);
      if (!isEnumType(getNamedType(field.type))) rules.push(rule);
    }
    cache.set(type, rules);
  }
  return rules;
}

function walk(v: unknown, type: GraphQLInputType, path: Path, add: Add, options: RuleOptions, details: boolean): void {
  if (v == null) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, nullable.ofType as GraphQLInputType, [...path, i], add, options, details));
    return;
  }
  if (!isInputObjectType(nullable) || typeof v !== 'object') return;
  const record = v as Record<string, unknown>;
  for (const rule of rulesOf(nullable, details)) {
    const x = record[rule.name];
    if (x != null) rule.check(x, [...path, rule.name], add, options);
  }
}

/** The rule of one argument of a field (`Mutation.reviseDisclosure(reason:)`), by the field's and argument's names. */
export function argumentRule(fieldName: string, name: string, type: GraphQLInputType): (v: unknown, add: Add) => void {
  const rule = ruleFor(`Mutation.${fieldName}`, name, type, false);
  return (v, add) => {
    if (v != null) rule.check(v, [name], add, {});
  };
}

/**
 * The rule of one argument of a read (`Query.disclosures(filter:)`, `Subject.disclosures(after:)`): only what no text
 * may hold anywhere (a NUL, a lone surrogate, a control character other than tab and line breaks, more than
 * DEFAULT_MAX_LENGTH characters), since PostgreSQL refuses the first two with an internal error, and a search or a
 * cursor has no use for the rest. Numbers and dates of a read are its resolver's (a filter from 1990 is a fair
 * question). Undefined when the argument's type reaches no String or ID, so such fields are not wrapped at all.
 */
export function readArgumentRule(name: string, type: GraphQLInputType): ((v: unknown, add: Add) => void) | undefined {
  const check = readCheck(type, name, new Set());
  return check && ((v, add) => v != null && check(v, [name], add));
}

type ReadCheck = (v: unknown, path: Path, add: Add) => void;
const READ_TEXT_SCALARS = new Set(['String', 'ID']);
// One test for the common case: no character any rule below is about.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF]/;

function readCheck(type: GraphQLInputType, name: string, pending: Set<GraphQLInputObjectType>): ReadCheck | undefined {
  const named = getNamedType(type);
  if (READ_TEXT_SCALARS.has(named.name)) {
    return (v, path, add) => eachItem(v, type, path, (x, p) => typeof x === 'string' && checkReadText(x, name, p, add));
  }
  if (!isInputObjectType(named)) return undefined;
  let object = readChecks.get(named);
  if (object === undefined) {
    // An input type that holds itself (a filter of filters) is checked through the cache once it is known.
    if (pending.has(named)) return (v, path, add) => readChecks.get(named)?.(v, path, add);
    pending.add(named);
    const fields: [string, ReadCheck][] = [];
    for (const field of Object.values(named.getFields())) {
      const check = readCheck(field.type, field.name, pending);
      if (check) fields.push([field.name, check]);
    }
    pending.delete(named);
    object = fields.length
      ? (v, path, add) => {
          if (typeof v !== 'object' || v === null) return;
          const record = v as Record<string, unknown>;
          for (const [field, check] of fields) if (record[field] != null) check(record[field], [...path, field], add);
        }
      : null;
    readChecks.set(named, object);
  }
  const check = object;
  return check ? (v, path, add) => eachItem(v, type, path, (x, p) => check(x, p, add)) : undefined;
}
/** Per input type: the check of its fields, or null when none of them reaches a text. */
const readChecks = new WeakMap<GraphQLInputObjectType, ReadCheck | null>();

function checkReadText(v: string, name: string, path: Path, add: Add): void {
  if (v.length <= DEFAULT_MAX_LENGTH && !SUSPECT.test(v)) return;
  if (v.includes('\u0000')) return add(path, 'INVALID_TEXT', `${name} must not contain a NUL character, got ${quoted(v)}`);
  if (LONE_SURROGATE.test(v)) return add(path, 'INVALID_TEXT', `${name} is not valid Unicode (a lone surrogate), got ${quoted(v)}`);
  if (CONTROL.test(v)) return add(path, 'INVALID_TEXT', `${name} must not contain control characters, got ${quoted(v)}`);
  if (v.length > DEFAULT_MAX_LENGTH && Array.from(v).length > DEFAULT_MAX_LENGTH) {
    add(path, 'TOO_LONG', `${name} is ${Array.from(v).length} characters; at most ${DEFAULT_MAX_LENGTH}`);
  }
}

/**
 * Every rule a value of an input object type breaks, at paths under `path` (`input.details.…`). The value is the one
 * graphql-js coerced (a DateTime as a Date), before any module's rules.
 */
export function inputRuleIssues(value: unknown, type: GraphQLInputType, path: Path = [], options: RuleOptions = {}): RuleIssue[] {
  const issues: RuleIssue[] = [];
  walk(value, type, path, (p, code, message) => issues.push({ path: formatPath(p), code, message }), options, false);
  return issues;
}

export { formatPath as formatRulePath };
