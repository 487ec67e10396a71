import { isInputObjectType, type GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Field, Info, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { requireRole } from '../../access/policy.js';
import { Role } from '../../../kernel/viewer.js';
import { importRows, type RowIssue } from './import-records.js';
import { ImportFormat, readRows, RECORD_INPUT_TYPE } from './rows.js';
import type { Context } from '../../../kernel/context.js';
import { BadUserInputError, ForbiddenError } from '../../../kernel/errors.js';
import { writeAudited } from '../../audit/audited-write.js';

@ObjectType('ImportResult', { description: '批量导入结果 (the file was written whole)' })
export class ImportResult {
  @Field(() => Int, { description: '读取的行数' })
  rows!: number;

  @Field(() => Int, { description: '新增记录数' })
  created!: number;

  @Field(() => Int, { description: '变更记录数 (a changed row: a new version of the record)' })
  revised!: number;

  @Field(() => Int, { description: '未变记录数 (a row equal to the stored record)' })
  unchanged!: number;
}

/**
 * The refusal of an import, with the whole list in `extensions.issues`, so a client can mark every bad cell at once:
 * FORBIDDEN when a row is one the department may not publish (an access refusal, whatever else is wrong), else
 * BAD_USER_INPUT.
 */
function importRefused(issues: readonly RowIssue[], rows: number): ForbiddenError | BadUserInputError {
  const badRows = new Set(issues.map((i) => i.row)).size;
  const message = `the import was refused: ${issues.length} problem(s) in ${badRows} of ${rows} row(s); nothing was written`;
  const extensions = { issues: issues.map(({ row, path, code, message: m }) => ({ row, path, code, message: m })) };
  return issues.some((i) => i.code === 'FORBIDDEN') ? new ForbiddenError(message, extensions) : new BadUserInputError(message, undefined, extensions);
}

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportResult, {
    description:
      '批量导入 (a PUBLISHER imports a file of records, NDJSON or CSV, as `gongkai import` does): every row is validated, ' +
      'all problems are reported (BAD_USER_INPUT with extensions.issues [{ row, path, code, message }]) and nothing is written ' +
      "unless every row is valid. Rows carry the publisher's externalId: the same row again changes nothing, a changed row is a revision. " +
      'For files over the 1 MiB request limit use `gongkai import`.',
  })
  async importDisclosures(
    @Arg('format', () => ImportFormat, { description: '格式' }) format: ImportFormat,
    @Arg('content', () => String, { description: '文件内容 (UTF-8 text)' }) content: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ImportResult> {
    requireRole(ctx.viewer, Role.PUBLISHER);
    const recordType = info.schema.getType(RECORD_INPUT_TYPE);
    if (!isInputObjectType(recordType)) throw new Error(`the schema has no input type ${RECORD_INPUT_TYPE}`);
    // The import runs in the audited write's transaction (its own is a savepoint of it); writeRecords appends each
    // row's audit entry in the statement that writes its batch.
    return writeAudited(ctx, async (tx) => {
      const outcome = await importRows(tx, ctx.viewer, ctx.requestId, readRows(format, once(content), recordType), {
        oneCategory: format === ImportFormat.CSV,
      });
      if (!outcome.ok) throw importRefused(outcome.issues, outcome.rows);
      return { result: outcome.counts, audit: [] };
    });
  }
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}
