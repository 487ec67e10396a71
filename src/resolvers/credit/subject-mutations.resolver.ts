import { Arg, Ctx, Field, InputType, Mutation, Resolver } from 'type-graphql';
import { Role } from '../../access/viewer.js';
import { requireRole } from '../../access/policy.js';
import { Subject, SubjectKind } from '../../entities/credit/subject.entity.js';
import type { Context } from '../../schema/context.js';
import { CreditCodeScalar } from '../../schema/scalars/index.js';
import { InputIssues, writeAudited } from '../../schema/write.js';
import { isResidentIdNumber } from '../../domain/resident-id.js';

@InputType({ description: '市场主体 (a subject to add or update, keyed by its 统一社会信用代码)' })
export class SubjectInput {
  @Field(() => CreditCodeScalar, { description: '统一社会信用代码 (check character verified)' })
  creditCode!: string;

  @Field({ description: '名称 (1–200 characters)' })
  name!: string;

  @Field(() => SubjectKind, { description: '主体类型' })
  kind!: SubjectKind;

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

const SUBJECT_COLUMNS = `credit_code as "creditCode", name, kind, region_code as "regionCode", legal_representative as "legalRepresentative",
  credit_level as "creditLevel", performance_capacity as "performanceCapacity", personnel_reputation as "personnelReputation",
  id_number as "idNumber", contact_phone as "contactPhone"`;

/** The stored fields, as the audit trail keeps them. */
interface SubjectRow {
  creditCode: string;
  name: string;
  kind: SubjectKind;
  regionCode: string | null;
  legalRepresentative: string | null;
  creditLevel: string | null;
  performanceCapacity: string | null;
  personnelReputation: string | null;
  idNumber: string | null;
  contactPhone: string | null;
}

@Resolver()
export class SubjectMutationsResolver {
  @Mutation(() => [Subject], {
    description: '新增或更新市场主体 (PUBLISHER or ADMIN): every input checked first, all written in one transaction or none',
  })
  async upsertSubjects(
    @Ctx() ctx: Context,
    @Arg('inputs', () => [SubjectInput], { description: '市场主体 (1–1000)' }) inputs: SubjectInput[],
  ): Promise<Subject[]> {
    requireRole(ctx.viewer, Role.PUBLISHER, Role.ADMIN);
    const issues = new InputIssues();
    if (inputs.length === 0 || inputs.length > 1000) issues.add('inputs', `inputs must hold 1 to 1000 subjects, got ${inputs.length}`, 'OUT_OF_RANGE');
    const seen = new Set<string>();
    const regions = [...new Set(inputs.map((s) => s.regionCode).filter((r): r is string => r != null))];
    const known = new Set(
      regions.length
        ? ((await ctx.em.execute(`select code from region where code in (${regions.map(() => '?').join(', ')})`, regions)) as { code: string }[]).map((r) => r.code)
        : [],
    );
    inputs.forEach((s, i) => {
      const at = `inputs[${i}]`;
      if (seen.has(s.creditCode)) issues.add(`${at}.creditCode`, `${at}.creditCode ${s.creditCode} appears twice in the list`, 'DUPLICATE');
      seen.add(s.creditCode);
      issues.text(`${at}.name`, s.name, 200);
      issues.text(`${at}.legalRepresentative`, s.legalRepresentative, 100, false);
      issues.text(`${at}.creditLevel`, s.creditLevel, 16, false);
      issues.text(`${at}.performanceCapacity`, s.performanceCapacity, 2000, false);
      issues.text(`${at}.personnelReputation`, s.personnelReputation, 2000, false);
      if (s.idNumber != null) {
        if (s.kind !== SubjectKind.NATURAL_PERSON && s.kind !== SubjectKind.INDIVIDUAL_BUSINESS) {
          issues.add(`${at}.idNumber`, `${at}.idNumber is for natural persons and individual businesses, not ${s.kind}`, 'NOT_ALLOWED');
        } else if (!isResidentIdNumber(s.idNumber)) {
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
    issues.throwIfAny();

    const rows: SubjectRow[] = inputs.map((s) => ({
      creditCode: s.creditCode,
      name: s.name.trim(),
      kind: s.kind,
      regionCode: s.regionCode ?? null,
      legalRepresentative: s.legalRepresentative ?? null,
      creditLevel: s.creditLevel ?? null,
      performanceCapacity: s.performanceCapacity ?? null,
      personnelReputation: s.personnelReputation ?? null,
      idNumber: s.idNumber?.toUpperCase() ?? null,
      contactPhone: s.contactPhone ?? null,
    }));
    const codes = rows.map((r) => r.creditCode);
    await writeAudited(ctx, async (tx) => {
      const before = new Map(
        ((await tx.execute(`select ${SUBJECT_COLUMNS} from subject where credit_code in (${codes.map(() => '?').join(', ')}) for update`, codes)) as SubjectRow[]).map(
          (r) => [r.creditCode, r],
        ),
      );
      // One statement for the whole list, the rows as one JSON parameter.
      await tx.execute(
        `insert into subject (credit_code, name, kind, region_code, legal_representative, credit_level, performance_capacity, personnel_reputation,
                              id_number, contact_phone)
         select v."creditCode", v.name, v.kind::subject_kind, v."regionCode", v."legalRepresentative", v."creditLevel", v."performanceCapacity", v."personnelReputation",
                v."idNumber", v."contactPhone"
           from jsonb_to_recordset(?::jsonb) as v("creditCode" text, name text, kind text, "regionCode" text, "legalRepresentative" text,
                                                  "creditLevel" text, "performanceCapacity" text, "personnelReputation" text,
                                                  "idNumber" text, "contactPhone" text)
         on conflict (credit_code) do update set name = excluded.name, kind = excluded.kind, region_code = excluded.region_code,
           legal_representative = excluded.legal_representative, credit_level = excluded.credit_level,
           performance_capacity = excluded.performance_capacity, personnel_reputation = excluded.personnel_reputation,
           id_number = excluded.id_number, contact_phone = excluded.contact_phone`,
        [JSON.stringify(rows)],
      );
      return {
        result: undefined,
        audit: rows.map((after) => ({ action: 'upsertSubjects', entity: 'Subject', entityKey: after.creditCode, before: before.get(after.creditCode) ?? null, after })),
      };
    });
    const stored = await ctx.em.fork().find(Subject, { creditCode: { $in: codes } });
    const byCode = new Map(stored.map((s) => [s.creditCode, s]));
    return codes.map((c) => byCode.get(c)!);
  }
}
