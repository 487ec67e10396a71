import {
  coerceInputValue,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  type GraphQLInputObjectType,
  type GraphQLInputType,
} from 'graphql';
import { findCategory } from '../../../entities/hub/category-registry.js';
import { ChannelPublication } from '../../../entities/hub/publication.entity.js';
import { Disclosure } from '../../../entities/hub/disclosure.entity.js';
import { Exemption } from '../../../entities/hub/enums.js';
import { inputRuleIssues } from '../../../kernel/input-rules.js';
import { checkCreditCode } from '../../../kernel/scalars/credit-code.js';
import { coerceFast, NOT_COERCED } from './compiled-coercion.js';
import { detailsFieldOf, entityProperties, type DecoratedClass } from './input-types.js';
import type { Issue, RecordInput, ValidationContext } from './contract.js';

type Path = readonly (string | number)[];

export function formatPath(path: Path): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out;
}

/** The string column lengths of an entity, from its MikroORM decorators: what the database would refuse. */
function lengthsOf(entity: DecoratedClass): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, prop] of Object.entries(entityProperties(entity))) {
    if (prop.length && (prop.type === 'string' || prop.type === undefined)) out.set(name, prop.length);
  }
  return out;
}

const lengthsByEntity = new Map<DecoratedClass, Map<string, number>>();

/** lengthsOf, read from the decorator metadata once per entity (validation asks for every row). */
function cachedLengthsOf(entity: DecoratedClass): Map<string, number> {
  let lengths = lengthsByEntity.get(entity);
  if (!lengths) lengthsByEntity.set(entity, (lengths = lengthsOf(entity)));
  return lengths;
}

const envelopeLengths = new Map([...lengthsOf(Disclosure), ['externalId', 128]]);
const publicationLengths = lengthsOf(ChannelPublication);

/** Why a coercion error happened, as a stable code. */
function coercionCode(message: string): string {
  if (/was not provided|Expected non-nullable/.test(message)) return 'REQUIRED';
  if (/is not defined by type/.test(message)) return 'UNKNOWN_FIELD';
  return 'INVALID_VALUE';
}

/**
 * One graphql-js coercion error as an issue. graphql-js reports a missing or unknown field at the object holding it;
 * the issue points at the field itself (`details.procurementResult.projectName`), as every other issue does.
 */
export function coercionIssue(path: Path, error: { message: string }): Issue {
  const field = /^Field "([^"]+)" (?:of required type|is not defined by type)/.exec(error.message)?.[1];
  return { path: formatPath(field ? [...path, field] : path), code: coercionCode(error.message), message: error.message };
}

/** A date-time as China time with its offset (`2024-09-27T09:00:00+08:00`), the form the JSON columns keep. */
function chinaDateTime(date: Date): string {
  const iso = new Date(date.getTime() + 8 * 3600_000).toISOString();
  return `${iso.slice(0, 19)}${iso.endsWith('.000Z') ? '' : iso.slice(19, 23)}+08:00`;
}

/**
 * DateTime coerces to a Date, which JSON would write as UTC; the stored form is China time (the generator's and the
 * reader's). In place: the coerced value is coerceInputValue's fresh copy (and a schema default holds no Date), so
 * copying it again for every imported row would only make garbage.
 */
function chinaDateTimes(value: unknown): unknown {
  if (value instanceof Date) return chinaDateTime(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v !== null && typeof v === 'object') value[i] = chinaDateTimes(v);
    }
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const v = record[key];
      if (v !== null && typeof v === 'object') record[key] = chinaDateTimes(v);
    }
  }
  return value;
}

/**
 * Validate one record input (the same shape as the GraphQL PublishDisclosureInput, as plain JSON): all issues, not just
 * the first. Types come from coercing against the schema's input type, so a GraphQL variable and an import row are held
 * to the same rules; then what types cannot say (existing subjects and regions, the category's roles and details, dates
 * in order, column lengths, who may publish what).
 */
export function validateRecordInput(raw: unknown, ctx: ValidationContext): { value?: RecordInput; issues: Issue[] } {
  const issues: Issue[] = [];
  const add = (path: Path, code: string, message: string) => issues.push({ path: formatPath(path), code, message });
  // The compiled coercion for the values it takes whole (an import's rows, mostly); graphql-js's for the rest, and for
  // every error reported.
  let value = coerceFast(raw, ctx.inputType);
  if (value === NOT_COERCED) {
    value = coerceInputValue(raw, ctx.inputType, (path, _invalid, error) => {
      issues.push(coercionIssue(path, error));
    });
  }
  // The input rules every write is held to (text, ranges, dates, URLs), the row's as a mutation's arguments.
  for (const issue of inputRuleIssues(value, ctx.inputType, [], { record: true })) issues.push(issue);
  const coerced = chinaDateTimes(value) as Record<string, unknown> | undefined;
  if (!coerced || typeof coerced !== 'object') {
    if (issues.length === 0) add([], 'INVALID_VALUE', 'a record must be an object');
    return { issues };
  }
  const input = coerced as unknown as Omit<RecordInput, 'details'> & { details?: Record<string, Record<string, unknown> | null> };

  // Envelope
  for (const [field, max] of envelopeLengths) {
    const v = (input as unknown as Record<string, unknown>)[field];
    if (typeof v === 'string' && [...v].length > max) add([field], 'TOO_LONG', `${field} is ${[...v].length} characters; at most ${max}`);
  }
  if (typeof input.amount === 'string' && input.amount.startsWith('-')) add(['amount'], 'NEGATIVE', `amount must not be negative, got ${input.amount}`);
  if (input.publishedOn && input.formedOn && input.publishedOn < input.formedOn) {
    add(['publishedOn'], 'DATE_ORDER', `publishedOn ${input.publishedOn} is before formedOn ${input.formedOn}`);
  }
  if (input.exemption && input.exemption !== Exemption.NONE && !input.exemptionBasis?.trim()) {
    add(['exemptionBasis'], 'REQUIRED', `an exempt record (${input.exemption}) needs exemptionBasis, the legal ground`);
  }
  let regionKnown = false;
  if (typeof input.regionCode === 'string') {
    regionKnown = ctx.regions.has(input.regionCode);
    if (!regionKnown) add(['regionCode'], 'UNKNOWN_REGION', `no region has code ${input.regionCode}`);
  }

  // Who may publish it (责任分工 and jurisdiction)
  if (ctx.publisher) {
    if (input.domain && !ctx.publisher.domains.has(input.domain)) {
      add(['domain'], 'FORBIDDEN', `${ctx.publisher.departmentCode} is not a lead or responsible unit for ${input.domain} (责任分工)`);
    }
    const [lo, hi] = ctx.publisher.jurisdiction;
    if (regionKnown && (input.regionCode < lo || input.regionCode > hi)) {
      add(['regionCode'], 'FORBIDDEN', `region ${input.regionCode} is outside ${ctx.publisher.departmentCode}'s jurisdiction (${lo}–${hi})`);
    }
  } else {
    add([], 'FORBIDDEN', `a ${ctx.viewer.role} may not publish records (needs a PUBLISHER token)`);
  }

  // Parties
  const category = input.domain && input.category ? findCategory(input.domain, input.category) : undefined;
  const seen = new Set<string>();
  (input.parties ?? []).forEach((party, i) => {
    checkSubject(party.creditCode, ['parties', i, 'creditCode'], ctx, add);
    if (category && !category.roles.includes(party.role)) {
      add(['parties', i, 'role'], 'ROLE_NOT_ALLOWED', `a ${input.domain}.${input.category} record names no ${party.role}; allowed: ${category.roles.join(', ')}`);
    }
    const key = `${party.role}:${party.creditCode?.toUpperCase()}`;
    if (seen.has(key)) add(['parties', i], 'DUPLICATE', `${party.creditCode} is named twice as ${party.role}`);
    seen.add(key);
    if (party.creditCode) party.creditCode = party.creditCode.toUpperCase();
  });
  (input.publications ?? []).forEach((p, i) => {
    if (p.url && [...p.url].length > (publicationLengths.get('url') ?? 2048)) add(['publications', i, 'url'], 'TOO_LONG', `url is longer than ${publicationLengths.get('url')} characters`);
    if (input.formedOn && p.publishedOn < input.formedOn) add(['publications', i, 'publishedOn'], 'DATE_ORDER', `publishedOn ${p.publishedOn} is before formedOn ${input.formedOn}`);
  });

  // Details: exactly the record's own category
  let details: Record<string, unknown> | undefined;
  if (input.domain && typeof input.category === 'string') {
    if (!category) {
      add(['category'], 'UNKNOWN_CATEGORY', `${input.domain} has no category ${input.category}`);
    } else {
      const own = detailsFieldOf(category);
      for (const [field, value] of Object.entries(input.details ?? {})) {
        if (field !== own && value != null) add(['details', field], 'WRONG_CATEGORY', `details.${field} belongs to another category; a ${input.domain}.${input.category} record takes details.${own}`);
      }
      const given = input.details?.[own];
      if (given == null) {
        if (input.details) add(['details', own], 'REQUIRED', `a ${input.domain}.${input.category} record needs details.${own}`);
      } else {
        details = given;
        const detailsType = getNullableType(ctx.inputType.getFields().details!.type);
        const ownType = isInputObjectType(detailsType) ? detailsType.getFields()[own]!.type : undefined;
        if (ownType) checkNested(given, ownType, ['details', own], ctx, add);
        for (const [field, max] of cachedLengthsOf(category.details as DecoratedClass)) {
          const v = given[field];
          if (typeof v === 'string' && [...v].length > max) add(['details', own, field], 'TOO_LONG', `${field} is ${[...v].length} characters; at most ${max}`);
        }
      }
    }
  }
  if (issues.length) return { issues };
  return { value: { ...input, details: details! } as RecordInput, issues };
}

type Add = (path: Path, code: string, message: string) => void;

function checkSubject(code: unknown, path: Path, ctx: ValidationContext, add: Add): void {
  if (typeof code !== 'string') return;
  const check = checkCreditCode(code);
  if (!check.ok) add(path, 'INVALID_CREDIT_CODE', check.message);
  else if (!ctx.knownCreditCodes.has(check.code)) add(path, 'UNKNOWN_SUBJECT', `no market subject has credit code ${check.code} (add it first)`);
}

/** What checkNested looks at in a field: a credit code, a region code, money, or an object (or list of them) inside. */
type FieldCheck = { name: string; kind: 'creditCode' | 'regionCode' | 'money' | 'nested'; type: GraphQLInputType };

const fieldChecks = new WeakMap<GraphQLInputObjectType, FieldCheck[]>();

/**
 * The fields of an input type that checkNested has anything to check in, worked out once per type: a details object
 * has dozens of plain text and date fields, which every imported row walked (and made a path for) to find none.
 */
function fieldChecksOf(type: GraphQLInputObjectType): FieldCheck[] {
  let checks = fieldChecks.get(type);
  if (!checks) {
    checks = [];
    for (const [name, field] of Object.entries(type.getFields())) {
      const named = getNamedType(field.type);
      if (name === 'creditCode') checks.push({ name, kind: 'creditCode', type: field.type });
      else if (name === 'regionCode') checks.push({ name, kind: 'regionCode', type: field.type });
      else if (named.name === 'Decimal' || named.name === 'Measure') checks.push({ name, kind: 'money', type: field.type });
      else if (isInputObjectType(named)) checks.push({ name, kind: 'nested', type: field.type });
    }
    fieldChecks.set(type, checks);
  }
  return checks;
}

/** Walks a coerced value with its input type: money not negative, references (creditCode, regionCode) to what exists. */
function checkNested(value: unknown, type: GraphQLInputType, path: Path, ctx: ValidationContext, add: Add): void {
  if (value == null) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value)) value.forEach((v, i) => checkNested(v, nullable.ofType as GraphQLInputType, [...path, i], ctx, add));
    return;
  }
  if (isInputObjectType(nullable)) {
    const record = value as Record<string, unknown>;
    for (const { name, kind, type: fieldType } of fieldChecksOf(nullable)) {
      const v = record[name];
      if (v == null) continue;
      // A field of one of these names or types holding something else (a list, an object) is walked like any other.
      if (kind === 'creditCode' && typeof v === 'string') {
        checkSubject(v, [...path, name], ctx, add);
        record[name] = v.toUpperCase();
      } else if (kind === 'regionCode' && typeof v === 'string') {
        if (!ctx.regions.has(v)) add([...path, name], 'UNKNOWN_REGION', `no region has code ${v}`);
      } else if (kind === 'money' && typeof v === 'string') {
        if (v.startsWith('-')) add([...path, name], 'NEGATIVE', `${name} must not be negative, got ${v}`);
      } else {
        checkNested(v, fieldType, [...path, name], ctx, add);
      }
    }
  }
}
