import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { requireRole } from '../access/policy.js';
import { Role } from '../../kernel/viewer.js';
import { readCalendar } from '../calendar/calendar-store.js';
import { recomputeDeadlines } from '../calendar/deadline-recompute.js';
import { readTimeLimitRules } from '../calendar/time-limit-store.js';
import { addDays } from '../../kernel/time/calendar-dates.js';
import { regionAndAncestors } from '../../kernel/time/time-limits.js';
import { CatalogueItem, DisclosureMode, TimeLimitUnit } from '../../entities/core/catalogue-item.entity.js';
import { Domain } from '../../entities/core/domain.js';
import { Channel } from '../../entities/hub/enums.js';
import type { Context } from '../../kernel/context.js';
import { ConflictError, InputIssues, inputError, NotFoundError } from '../../kernel/errors.js';
import { DateScalar } from '../../kernel/scalars/index.js';
import { numericIdOf, writeAudited } from '../audit/audited-write.js';
import type { AuditWrite } from '../audit/audit-log.js';
import { departmentExists } from './department.repository.js';
import { closeItem, insertItem, lockCurrentItems, lockItem, regionExists, type NewItem, type StoredItem } from './catalogue.repository.js';

@InputType({ description: '公开时限' })
export class TimeLimitInput {
  @Field(() => Int, { description: '时限数值 (1–365)' })
  amount!: number;

  @Field(() => TimeLimitUnit, { description: '时限单位' })
  unit!: TimeLimitUnit;

  @Field({ description: '依据 (the law, regulation or plan clause that sets the limit)' })
  basis!: string;
}

@InputType({ description: '目录事项的调整 (only the fields given change; the rest carry over from the current version)' })
export class CatalogueItemAdjustment {
  @Field(() => String, { nullable: true, description: '公开事项' })
  item?: string | null;

  @Field(() => [String], { nullable: true, description: '公开内容要素' })
  contentElements?: string[] | null;

  @Field(() => TimeLimitInput, { nullable: true, description: '公开时限' })
  timeLimit?: TimeLimitInput | null;

  @Field(() => DisclosureMode, { nullable: true, description: '公开方式' })
  disclosureMode?: DisclosureMode | null;

  @Field(() => [Channel], { nullable: true, description: '公开渠道' })
  channels?: Channel[] | null;

  @Field(() => String, { nullable: true, description: '责任主体 (department code)' })
  responsibleDepartmentCode?: string | null;

  @Field(() => String, { nullable: true, description: '监督渠道' })
  supervisionChannel?: string | null;
}

@Resolver()
export class CatalogueMutationsResolver {
  @Mutation(() => CatalogueItem, {
    description:
      '调整目录事项 (ADMIN; 动态调整): closes the current version the day before validFrom and adds the next; the stored deadlines of the ' +
      'category\'s records whose clock started on or after validFrom are recomputed in the same transaction. A region without an item of ' +
      'its own gets one, starting from the nearest region above.',
  })
  async adjustCatalogueItem(
    @Ctx() ctx: Context,
    @Arg('input', () => CatalogueItemAdjustment, { description: '调整内容' }) input: CatalogueItemAdjustment,
    @Arg('validFrom', () => DateScalar, { description: '新版本生效日期' }) validFrom: string,
    @Arg('itemId', () => ID, { nullable: true, description: '现行版本的全局标识 (or domain, category and regionCode)' }) itemId?: string | null,
    @Arg('domain', () => Domain, { nullable: true, description: '领域' }) domain?: Domain | null,
    @Arg('category', () => String, { nullable: true, description: '类别代码' }) category?: string | null,
    @Arg('regionCode', () => String, { nullable: true, description: '行政区划代码' }) regionCode?: string | null,
  ): Promise<CatalogueItem> {
    requireRole(ctx.viewer, Role.ADMIN);
    const issues = new InputIssues();
    if ((itemId == null) === (domain == null || category == null || regionCode == null)) {
      issues.add('itemId', 'name the item either by itemId or by domain, category and regionCode (not both)', 'REQUIRED');
    }
    const id = itemId != null ? numericIdOf(itemId, 'CatalogueItem', 'itemId') : null;
    checkAdjustment(input, issues);
    if (input.responsibleDepartmentCode != null && !(await departmentExists(ctx.em, input.responsibleDepartmentCode))) {
      issues.add('input.responsibleDepartmentCode', `no department has code ${input.responsibleDepartmentCode}`, 'UNKNOWN_DEPARTMENT');
    }
    if (regionCode != null && !(await regionExists(ctx.em, regionCode))) {
      issues.add('regionCode', `regionCode ${regionCode} is not a Qinghai region code`, 'UNKNOWN_REGION');
    }
    issues.throwIfAny();

    const newId = await writeAudited(ctx, async (tx) => {
      let base: StoredItem | undefined;
      let targetRegion: string;
      if (id != null) {
        base = await lockItem(tx, id);
        if (!base) throw new NotFoundError(`no catalogue item has id ${itemId}`);
        if (base.validUntil != null) {
          throw new ConflictError(`catalogue item ${itemId} is version ${base.version}, closed on ${base.validUntil}; adjust the current version`);
        }
        targetRegion = base.regionCode;
      } else {
        targetRegion = regionCode!;
        // The region's own current item, else the nearest region above (the province's catalogue applies where a prefecture has none).
        const regions = regionAndAncestors(regionCode!);
        const candidates = await lockCurrentItems(tx, domain!, category!, regions);
        base = regions
          .map((r) => candidates.find((c) => c.regionCode === r))
          .find((c) => c !== undefined);
        if (!base) {
          throw inputError('category', `the catalogue has no item ${domain}.${category} for ${regionCode} or a region above it`, 'UNKNOWN_CATEGORY');
        }
      }
      const closing = base.regionCode === targetRegion;
      if (closing && validFrom <= base.validFrom) {
        throw inputError('validFrom', `validFrom ${validFrom} must be after the current version's (${base.validFrom})`, 'DATE_ORDER');
      }
      const next: NewItem = {
        domain: base.domain,
        category: base.category,
        regionCode: targetRegion,
        item: input.item?.trim() ?? base.item,
        contentElements: input.contentElements?.map((e) => e.trim()) ?? base.contentElements,
        timeLimitAmount: input.timeLimit?.amount ?? base.timeLimitAmount,
        timeLimitUnit: input.timeLimit?.unit ?? base.timeLimitUnit,
        timeLimitBasis: input.timeLimit?.basis.trim() ?? base.timeLimitBasis,
        disclosureMode: input.disclosureMode ?? base.disclosureMode,
        channels: input.channels ?? base.channels,
        responsibleDepartmentCode: input.responsibleDepartmentCode ?? base.responsibleDepartmentCode,
        supervisionChannel: input.supervisionChannel?.trim() ?? base.supervisionChannel,
        version: closing ? base.version + 1 : 1,
        validFrom,
      };
      const audit: AuditWrite[] = [];
      if (closing) {
        const closed = await closeItem(tx, base.itemId, addDays(validFrom, -1));
        audit.push({ action: 'adjustCatalogueItem', entity: 'CatalogueItem', entityKey: String(base.itemId), before: base, after: closed });
      }
      const added = await insertItem(tx, next);
      // The new limit applies to records whose clock started on or after validFrom; recount those, on the rules as they now stand.
      const [calendar, rules] = await Promise.all([readCalendar(tx), readTimeLimitRules(tx)]);
      const recomputed = await recomputeDeadlines(tx, calendar, rules, undefined, { domain: next.domain, category: next.category, clockFrom: validFrom });
      ctx.logger.info({ item: added.itemId, recomputed }, 'catalogue item adjusted');
      audit.push({ action: 'adjustCatalogueItem', entity: 'CatalogueItem', entityKey: String(added.itemId), before: null, after: { ...added, deadlinesRecomputed: recomputed } });
      return { result: added.itemId, audit };
    });
    return ctx.em.fork().findOneOrFail(CatalogueItem, { itemId: newId });
  }
}

function checkAdjustment(input: CatalogueItemAdjustment, issues: InputIssues): void {
  const given = Object.values(input).filter((v) => v != null);
  if (given.length === 0) issues.add('input', 'input changes nothing: give at least one field', 'EMPTY');
  if (input.item != null) issues.text('input.item', input.item, 200);
  if (input.supervisionChannel != null) issues.text('input.supervisionChannel', input.supervisionChannel, 2000);
  if (input.contentElements != null) {
    if (input.contentElements.length === 0) issues.add('input.contentElements', 'input.contentElements must name at least one element', 'EMPTY');
    input.contentElements.forEach((e, i) => issues.text(`input.contentElements[${i}]`, e, 200));
  }
  if (input.channels != null) {
    if (input.channels.length === 0) issues.add('input.channels', 'input.channels must name at least one channel', 'EMPTY');
    if (new Set(input.channels).size !== input.channels.length) issues.add('input.channels', 'input.channels names a channel twice', 'DUPLICATE');
  }
  if (input.timeLimit != null) {
    const { amount } = input.timeLimit;
    if (!Number.isInteger(amount) || amount < 1 || amount > 365) {
      issues.add('input.timeLimit.amount', `input.timeLimit.amount must be a whole number from 1 to 365, got ${amount}`, 'OUT_OF_RANGE');
    }
    issues.text('input.timeLimit.basis', input.timeLimit.basis, 2000);
  }
}
