import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { assertOwnRecord, requireRole } from '../../access/policy.js';
import { readableRecord, type RecordHead } from '../../access/readable-record.js';
import { Role } from '../../../kernel/viewer.js';
import { writeAudited } from '../../audit/audited-write.js';
import { todayInChina } from '../../../kernel/time/china-date.js';
import { Disclosure } from '../../../entities/hub/disclosure.entity.js';
import { collectCreditCodes, loadValidationContext, validateRecordInput, writeRecords, type RecordInput } from './index.js';
import { ChannelPublicationInputType, PublishDisclosureInput } from './input-types.js';
import { reviseRecords, snapshotsOf } from './write.js';
import { addPublications, retractRecord } from './publishing.repository.js';
import type { Context } from '../../../kernel/context.js';
import { ConflictError, ForbiddenError, InputIssuesError, NotFoundError, type InputIssue } from '../../../kernel/errors.js';
import { isCalendarDate } from '../../../kernel/scalars/date.js';
import { disclosureById } from '../loaders.js';

/** Refuses on the first FORBIDDEN issue, else with every bad-input issue at once (field: the first one's path). */
function refuse(issues: readonly InputIssue[], prefix: string): never {
  const at = (path: string) => (path ? `${prefix}.${path}` : prefix);
  const forbidden = issues.find((i) => i.code === 'FORBIDDEN');
  if (forbidden) throw new ForbiddenError(forbidden.message);
  throw new InputIssuesError(issues.map((i) => ({ ...i, path: at(i.path) })));
}

/**
 * The record a write names, for a PUBLISHER: NOT_FOUND, with the message an unknown id gets, when it names no record
 * or one the caller may not read (readableRecord); FORBIDDEN when it is another department's. A record the caller may
 * read but does not own is public, and so is its publisher: naming it in the refusal tells nothing new.
 */
async function currentRecord(ctx: Context, id: string): Promise<RecordHead> {
  const record = await readableRecord(ctx.em, ctx.viewer, id);
  if (!record) throw new NotFoundError(`no record has id ${id}`);
  assertOwnRecord(ctx.viewer, record.publisherCode);
  return record;
}

function requireReason(reason: string, field: string): string {
  if (!reason.trim()) throw new InputIssuesError([{ path: field, code: 'REQUIRED', message: `${field} must not be blank` }]);
  return reason.trim();
}

async function validated(ctx: Context, input: unknown): Promise<RecordInput> {
  const vctx = await loadValidationContext(ctx.em, ctx.viewer, collectCreditCodes(input));
  const { value, issues } = validateRecordInput(input, vctx);
  if (!value) refuse(issues, 'input');
  return value;
}

/** Plain JSON of a GraphQL input (class instances with undefined fields), as an import row would be. */
function plain(input: unknown): unknown {
  return JSON.parse(JSON.stringify(input)) as unknown;
}

/**
 * 公开、变更、撤回: the write path of records. Only the publishing department
 * writes (谁制作、谁公开): in domains where it is a lead or responsible unit,
 * for regions within its jurisdiction, and only its own records. Every write
 * appends to the audit trail in its transaction; a refusal writes nothing.
 */
@Resolver()
export class PublishingResolver {
  @Mutation(() => Disclosure, { description: '公开一条信息 (publish a record of any category; PUBLISHER)' })
  async publishDisclosure(@Ctx() ctx: Context, @Arg('input', () => PublishDisclosureInput) input: PublishDisclosureInput): Promise<Disclosure> {
    requireRole(ctx.viewer, Role.PUBLISHER);
    const record = await validated(ctx, plain(input));
    // writeRecords appends the audit entries in the statement that writes the rows.
    const result = await writeAudited(ctx, async (tx) => ({ result: await writeRecords(tx, ctx.viewer, ctx.requestId, [record]), audit: [] }));
    return this.load(ctx, result.ids[0]!);
  }

  @Mutation(() => Disclosure, {
    description: '变更 (revise a record: a new version, the earlier one kept in revisions; the change date (input.formedOn) restarts the clock; a stale version is CONFLICT)',
  })
  async reviseDisclosure(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, { description: '被变更的版本 (the version read)' }) version: number,
    @Arg('reason', () => String, { description: '变更理由' }) reason: string,
    @Arg('input', () => PublishDisclosureInput) input: PublishDisclosureInput,
  ): Promise<Disclosure> {
    requireRole(ctx.viewer, Role.PUBLISHER);
    const current = await currentRecord(ctx, id);
    const why = requireReason(reason, 'reason');
    const record = await validated(ctx, plain(input));
    if (current.version !== version) throw new ConflictError(`record ${id} is at version ${current.version}, not ${version}; read it again and revise the current version`);
    await writeAudited(ctx, async (tx) => {
      const before = await reviseRecords(tx, ctx.viewer.departmentCode!, [{ id: current.id, expectedVersion: version, reason: why, record }]);
      return {
        result: undefined,
        audit: [
          { action: 'reviseDisclosure', entity: 'Disclosure', entityKey: String(current.id), before: before.get(current.id) ?? null, after: { id: current.id, version: version + 1, reason: why, ...record } },
        ],
      };
    });
    return this.load(ctx, current.id);
  }

  @Mutation(() => Disclosure, { description: '撤回 (retract a record: it stays, marked RETRACTED with the date and reason)' })
  async retractDisclosure(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, { description: '当前版本 (the version read)' }) version: number,
    @Arg('reason', () => String, { description: '撤回理由' }) reason: string,
  ): Promise<Disclosure> {
    requireRole(ctx.viewer, Role.PUBLISHER);
    const current = await currentRecord(ctx, id);
    const why = requireReason(reason, 'reason');
    if (current.status === 'RETRACTED') throw new InputIssuesError([{ path: 'id', code: 'RETRACTED', message: `record ${id} is already retracted` }]);
    await writeAudited(ctx, async (tx) => {
      const before = (await snapshotsOf(tx, [current.id])).get(current.id)!.envelope;
      const after = await retractRecord(tx, current.id, version, todayInChina(), why);
      if (!after) throw new ConflictError(`record ${id} is not at version ${version} (or was retracted meanwhile); read it again`);
      return {
        result: undefined,
        audit: [
          { action: 'retractDisclosure', entity: 'Disclosure', entityKey: String(current.id), before: { status: before.status, retracted_on: null, retraction_reason: null }, after },
        ],
      };
    });
    return this.load(ctx, current.id);
  }

  @Mutation(() => Disclosure, { description: '添加发布记录 (channels where the record was published; the first publication publishes a pending record)' })
  async addChannelPublications(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('publications', () => [ChannelPublicationInputType]) publications: ChannelPublicationInputType[],
  ): Promise<Disclosure> {
    requireRole(ctx.viewer, Role.PUBLISHER);
    const current = await currentRecord(ctx, id);
    const issues: InputIssue[] = [];
    if (publications.length === 0) issues.push({ path: '', code: 'REQUIRED', message: 'at least one publication' });
    publications.forEach((p, i) => {
      if (!isCalendarDate(p.publishedOn) || p.publishedOn < current.formedOn) issues.push({ path: `[${i}].publishedOn`, code: 'DATE_ORDER', message: `publishedOn ${p.publishedOn} is before formedOn ${current.formedOn}` });
      if (p.url && [...p.url].length > 2048) issues.push({ path: `[${i}].url`, code: 'TOO_LONG', message: 'url is longer than 2048 characters' });
    });
    if (current.status === 'RETRACTED') issues.push({ path: '', code: 'RETRACTED', message: `record ${id} was retracted` });
    if (issues.length) refuse(issues.map((i) => ({ ...i, path: i.path.replace(/^\./, '') })), 'publications');
    await writeAudited(ctx, async (tx) => {
      const before = (await snapshotsOf(tx, [current.id])).get(current.id)!;
      await addPublications(tx, current.id, publications);
      return {
        result: undefined,
        audit: [
          { action: 'addChannelPublications', entity: 'Disclosure', entityKey: String(current.id), before: { publications: before.publications, published_on: before.envelope.published_on }, after: { added: publications } },
        ],
      };
    });
    return this.load(ctx, current.id);
  }

  private async load(ctx: Context, id: number): Promise<Disclosure> {
    const record = await ctx.loader(disclosureById).load(String(id));
    if (!record) throw new Error(`record ${id} vanished after its write`);
    return record;
  }
}
