import { Arg, Ctx, Field, InputType, Mutation, Resolver } from 'type-graphql';
import { Role } from '../../kernel/viewer.js';
import { requireRole } from '../access/policy.js';
import { Subject, SubjectKind } from '../../entities/credit/subject.entity.js';
import type { Context } from '../../kernel/context.js';
import { CreditCodeScalar } from '../../kernel/scalars/index.js';
import { writeAudited } from '../audit/audited-write.js';
import { ConflictError, ForbiddenError, InputIssues, InputIssuesError } from '../../kernel/errors.js';
import { insertSubjects, knownRegions, lockSubjects, updateSubjects, type SubjectRow, type SubjectWrite } from './subject-writes.repository.js';
import { isResidentIdNumber } from './resident-id.js';

@InputType({
  description:
    '市场主体 (a subject to add or update, keyed by its 统一社会信用代码). On an update only the fields given change: ' +
    'an explicit null clears a field, a field left out keeps its value.',
})
export class SubjectInput {
  @Field(() => CreditCodeScalar, { description: '统一社会信用代码 (check character verified)' })
  creditCode!: string;

  @Field(() => String, { nullable: true, description: '名称 (1–200 characters; required for a new subject, never null)' })
  name?: string | null;

  @Field(() => SubjectKind, { nullable: true, description: '主体类型 (required for a new subject, never null)' })
  kind?: SubjectKind | null;

  @Field(() => String, { nullable: true, description: '登记行政区划代码 (GB/T 2260, within Qinghai; null: registered elsewhere)' })
  regionCode?: string | null;

  @Field(() => String, { nullable: true, description: '法定代表人（负责人）(at most 100 characters)' })
  legalRepresentative?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '身份证号码 (natural persons and individual businesses only; 18 characters, GB 11643 check character; never shown to PUBLIC)',
  })
  idNumber?: string | null;

  @Field(() => String, { nullable: true, description: '联系电话 (at most 32 characters: digits, spaces, +, -, parentheses; never shown to PUBLIC)' })
  contactPhone?: string | null;

  @Field(() => String, { nullable: true, description: '信用等级 (at most 16 characters, e.g. AAA)' })
  creditLevel?: string | null;

  @Field(() => String, { nullable: true, description: '履约能力' })
  performanceCapacity?: string | null;

  @Field(() => String, { nullable: true, description: '人员信誉' })
  personnelReputation?: string | null;
}

/** The fields an input may leave out (kept) or give as null (cleared). */
const OPTIONAL_FIELDS = ['regionCode', 'legalRepresentative', 'creditLevel', 'performanceCapacity', 'personnelReputation', 'idNumber', 'contactPhone'] as const;

const PERSON_KINDS: ReadonlySet<SubjectKind> = new Set([SubjectKind.NATURAL_PERSON, SubjectKind.INDIVIDUAL_BUSINESS]);

/** A row as an input would leave it; name and kind are null only when the input is refused. */
type SubjectDraft = SubjectWrite;

/** The row an input leaves: each field given replaces the stored one (null clears it), each field left out is kept. */
function merged(input: SubjectInput, before: SubjectRow | undefined): SubjectDraft {
  const given = (key: keyof SubjectInput) => input[key] !== undefined;
  const row: SubjectDraft = {
    creditCode: input.creditCode,
    name: given('name') ? (input.name?.trim() ?? null) : (before?.name ?? null),
    kind: given('kind') ? (input.kind ?? null) : (before?.kind ?? null),
    ...Object.fromEntries(OPTIONAL_FIELDS.map((key) => [key, given(key) ? (input[key] ?? null) : (before?.[key] ?? null)])),
  } as SubjectDraft;
  if (given('idNumber')) row.idNumber = input.idNumber?.toUpperCase() ?? null;
  return row;
}

/** Every problem of the inputs, as the rows they would leave (`rows`, aligned with `inputs`). */
function checkInputs(inputs: readonly SubjectInput[], rows: readonly SubjectDraft[], known: ReadonlySet<string>, stored: ReadonlyMap<string, unknown>): InputIssues {
  const issues = new InputIssues();
  const seen = new Set<string>();
  inputs.forEach((s, i) => {
    const at = `inputs[${i}]`;
    const row = rows[i]!;
    const isNew = !stored.has(s.creditCode);
    if (seen.has(s.creditCode)) issues.add(`${at}.creditCode`, `${at}.creditCode ${s.creditCode} appears twice in the list`, 'DUPLICATE');
    seen.add(s.creditCode);
    if (s.name === null) issues.add(`${at}.name`, `${at}.name cannot be cleared`, 'REQUIRED');
    else if (s.name === undefined && isNew) issues.add(`${at}.name`, `${at}.name is required for a new subject`, 'REQUIRED');
    else if (s.name !== undefined) issues.text(`${at}.name`, s.name, 200);
    if (s.kind === null) issues.add(`${at}.kind`, `${at}.kind cannot be cleared`, 'REQUIRED');
    else if (s.kind === undefined && isNew) issues.add(`${at}.kind`, `${at}.kind is required for a new subject`, 'REQUIRED');
    issues.text(`${at}.legalRepresentative`, s.legalRepresentative, 100, false);
    issues.text(`${at}.creditLevel`, s.creditLevel, 16, false);
    issues.text(`${at}.performanceCapacity`, s.performanceCapacity, 2000, false);
    issues.text(`${at}.personnelReputation`, s.personnelReputation, 2000, false);
    // Checked on the row the input leaves: a change of kind cannot keep a stored identity number.
    if (row.idNumber != null && row.kind != null) {
      if (!PERSON_KINDS.has(row.kind)) {
        issues.add(`${at}.idNumber`, `${at}.idNumber is for natural persons and individual businesses, not ${row.kind}`, 'NOT_ALLOWED');
      } else if (s.idNumber != null && !isResidentIdNumber(s.idNumber)) {
        issues.add(`${at}.idNumber`, `${at}.idNumber is not an 18-character resident identity number with a valid GB 11643 check character`, 'INVALID_ID_NUMBER');
      }
    }
    if (s.contactPhone != null && !/^[\d +()-]{3,32}$/.test(s.contactPhone)) {
      issues.add(`${at}.contactPhone`, `${at}.contactPhone must be 3–32 digits, spaces, +, - or parentheses`, 'INVALID_PHONE');
    }
    if (s.regionCode != null && !known.has(s.regionCode)) {
      issues.add(`${at}.regionCode`, `${at}.regionCode ${s.regionCode} is not a Qinghai region code`, 'UNKNOWN_REGION');
    }
  });
  return issues;
}

@Resolver()
export class SubjectMutationsResolver {
  @Mutation(() => [Subject], {
    description:
      '新增或更新市场主体 (PUBLISHER or ADMIN): a new subject is registered to the caller\'s department; an existing one may be changed only by ' +
      'the department that registered it, or by ADMIN (FORBIDDEN otherwise), and only in the fields given. ' +
      'Every input checked first, all written in one transaction or none',
  })
  async upsertSubjects(
    @Ctx() ctx: Context,
    @Arg('inputs', () => [SubjectInput], { description: '市场主体 (1–1000)' }) inputs: SubjectInput[],
  ): Promise<Subject[]> {
    requireRole(ctx.viewer, Role.PUBLISHER, Role.ADMIN);
    if (inputs.length === 0 || inputs.length > 1000) {
      throw new InputIssuesError([{ path: 'inputs', code: 'OUT_OF_RANGE', message: `inputs must hold 1 to 1000 subjects, got ${inputs.length}` }]);
    }
    const codes = [...new Set(inputs.map((s) => s.creditCode))];
    const regions = [...new Set(inputs.map((s) => s.regionCode).filter((r): r is string => r != null))];
    await writeAudited(ctx, async (tx) => {
      const known = await knownRegions(tx, regions);
      // Locked, so what is checked (who registered it, what it holds) is what the update changes.
      const locked = await lockSubjects(tx, codes);
      const before = new Map(locked.map(({ registeredByCode, ...row }) => [row.creditCode, { row, registeredByCode }]));
      // Existence of a subject is public (subject(creditCode) answers for any), so refusing names it and leaks nothing.
      const foreign = inputs.findIndex((s) => {
        const stored = before.get(s.creditCode);
        return stored && ctx.viewer.role !== Role.ADMIN && stored.registeredByCode !== ctx.viewer.departmentCode;
      });
      if (foreign >= 0) {
        throw new ForbiddenError(
          `inputs[${foreign}]: subject ${inputs[foreign]!.creditCode} was registered by another department (or by none); only that department or ADMIN may change it`,
        );
      }
      const rows = inputs.map((s) => merged(s, before.get(s.creditCode)?.row));
      checkInputs(inputs, rows, known, before).throwIfAny();
      const added = rows.filter((r) => !before.has(r.creditCode));
      const changed = rows.filter((r) => before.has(r.creditCode));
      // Registered by another write since the lock was taken: its registrar decides, so this one starts again.
      if (added.length && (await insertSubjects(tx, added, ctx.viewer.departmentCode)) !== added.length) {
        throw new ConflictError('another write registered one of these subjects at the same time; try again');
      }
      if (changed.length) await updateSubjects(tx, changed);
      return {
        result: undefined,
        audit: rows.map((after) => ({ action: 'upsertSubjects', entity: 'Subject', entityKey: after.creditCode, before: before.get(after.creditCode)?.row ?? null, after })),
      };
    });
    const stored = await ctx.em.fork().find(Subject, { creditCode: { $in: codes } });
    const byCode = new Map(stored.map((s) => [s.creditCode, s]));
    return inputs.map((s) => byCode.get(s.creditCode)!);
  }
}
