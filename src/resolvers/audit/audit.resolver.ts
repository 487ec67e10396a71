import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';
import { Args, ArgsType, Ctx, Field, ID, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { requireRole } from '../access/policy.js';
import { Role } from '../../kernel/viewer.js';
import { ConnectionType, connectionOf, CursorKeys, decodeCursor, encodeCursor, pageSize, type Connection } from '../../kernel/connection.js';
import type { Context } from '../../kernel/context.js';
import { BadUserInputError } from '../../kernel/errors.js';
import { toGlobalId } from '../../kernel/node.js';
import { auditCount, auditPage } from './audit.repository.js';

@ObjectType({ description: '操作者 (who wrote: the token, its role and department)' })
class AuditActor {
  @Field(() => Int, { nullable: true, description: '令牌编号 (null: the operator, through the CLI)' })
  tokenId!: number | null;

  @Field(() => String, { nullable: true, description: '令牌名称' })
  tokenName!: string | null;

  @Field(() => Role, { description: '角色' })
  role!: Role;

  @Field(() => String, { nullable: true, description: '部门代码 (a PUBLISHER\'s)' })
  departmentCode!: string | null;
}

@ObjectType({ description: '审计记录 (one write: who, when, what, before and after; never changed or removed)' })
class AuditRecord {
  @Field(() => ID, { description: '全局标识' })
  id!: string;

  @Field(() => AuditActor, { description: '操作者' })
  who!: AuditActor;

  @Field(() => GraphQLDateTime, { description: '时间' })
  when!: Date;

  @Field(() => String, { nullable: true, description: '请求编号 (x-request-id)' })
  requestId!: string | null;

  @Field({ description: '操作 (the mutation or command)' })
  action!: string;

  @Field({ description: '对象类型 (Subject, CreditEntry, CatalogueItem …)' })
  entity!: string;

  @Field({ description: '对象键' })
  entityKey!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: '写入前的值 (null: created)' })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: '写入后的值' })
  after!: unknown;
}

const AuditRecordConnection = ConnectionType(() => AuditRecord, 'AuditRecord', '审计记录 (newest first)');

@InputType({ description: '审计记录筛选 (all given conditions apply)' })
class AuditFilter {
  @Field(() => String, { nullable: true, description: '对象类型' })
  entity?: string | null;

  @Field(() => String, { nullable: true, description: '对象键 (with entity)' })
  entityKey?: string | null;

  @Field(() => Int, { nullable: true, description: '令牌编号' })
  tokenId?: number | null;

  @Field(() => String, { nullable: true, description: '部门代码' })
  departmentCode?: string | null;

  @Field(() => String, { nullable: true, description: '操作' })
  action?: string | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: '起 (含)' })
  from?: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: '止 (不含)' })
  to?: Date | null;
}

@ArgsType()
class AuditListArgs {
  @Field(() => AuditFilter, { nullable: true, description: '筛选' })
  filter?: AuditFilter | null;

  @Field(() => Int, { nullable: true, description: '每页条数 (default 20, at most 100)' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: '游标' })
  after?: string | null;
}

const CURSOR_TAG = 'audit';

@Resolver()
class AuditResolver {
  @Query(() => AuditRecordConnection, {
    description: '审计记录 (SUPERVISOR only): every write, newest first, keyset-paginated',
  })
  async auditEntries(@Ctx() ctx: Context, @Args(() => AuditListArgs) args: AuditListArgs): Promise<Connection<AuditRecord>> {
    requireRole(ctx.viewer, Role.SUPERVISOR);
    const limit = pageSize(args.first);
    if (args.filter?.from && args.filter.to && args.filter.to < args.filter.from) {
      throw new BadUserInputError('filter.to is before filter.from', 'filter.to');
    }
    const beforeId = args.after != null ? decodeCursor(args.after, CURSOR_TAG, { value: CursorKeys.none, id: CursorKeys.bigserialText }).id : undefined;
    const rows = await auditPage(ctx.em, args.filter, beforeId, limit + 1);
    const records: AuditRecord[] = rows.map((r) => ({
      id: toGlobalId('AuditEntry', r.id),
      who: { tokenId: r.token_id, tokenName: r.token_name, role: r.role, departmentCode: r.department_code },
      when: new Date(r.at),
      requestId: r.request_id,
      action: r.action,
      entity: r.entity,
      entityKey: r.entity_key,
      before: r.before,
      after: r.after,
    }));
    const ids = new Map(records.map((rec, i) => [rec, rows[i]!.id]));
    return connectionOf(
      records,
      limit,
      (rec) => encodeCursor(CURSOR_TAG, null, ids.get(rec)!),
      () => auditCount(ctx.em, args.filter),
      args.after,
    );
  }
}

export const auditResolvers = [AuditResolver] as const;
