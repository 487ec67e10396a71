import { Arg, Ctx, FieldResolver, Resolver, Root, registerEnumType } from 'type-graphql';
import { Department } from '../../entities/core/department.entity.js';
import { CreditEntry } from '../../entities/credit/credit-entry.entity.js';
import { Subject } from '../../entities/credit/subject.entity.js';
import { creditEntryState, type CreditEntryState } from './credit-status.js';
import { todayInChina } from '../../kernel/time/china-date.js';
import type { Context } from '../../kernel/context.js';
import { DateScalar } from '../../kernel/scalars/index.js';
import { departmentByCode } from '../core/loaders.js';
import { subjectByCode } from './loaders.js';

export enum CreditEntryStatus {
  PENDING = 'PENDING',
  IN_FORCE = 'IN_FORCE',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}

registerEnumType(CreditEntryStatus, {
  name: 'CreditEntryStatus',
  description: '名单状态 (derived from the entry\'s dates on the day asked)',
  valuesConfig: {
    PENDING: { description: '尚未生效' },
    IN_FORCE: { description: '有效' },
    EXPIRED: { description: '已过期' },
    REVOKED: { description: '已撤销' },
  },
});

@Resolver(() => CreditEntry)
export class CreditEntryResolver {
  @FieldResolver(() => CreditEntryStatus, { description: '状态 (as of asOf, default today in China)' })
  status(
    @Root() entry: CreditEntry,
    @Arg('asOf', () => DateScalar, { nullable: true, description: '查询日期' }) asOf?: string | null,
  ): CreditEntryState {
    return creditEntryState(entry, asOf ?? todayInChina());
  }

  @FieldResolver(() => Subject, { description: '市场主体' })
  async subject(@Root() entry: CreditEntry, @Ctx() ctx: Context): Promise<Subject> {
    const subject = await ctx.loader(subjectByCode).load(entry.subject.creditCode);
    if (!subject) throw new Error(`credit entry ${entry.entryId} names missing subject`);
    return subject;
  }

  @FieldResolver(() => Department, { description: '决定部门' })
  async decidedBy(@Root() entry: CreditEntry, @Ctx() ctx: Context): Promise<Department> {
    const department = await ctx.loader(departmentByCode).load(entry.decidedBy.code);
    if (!department) throw new Error(`credit entry ${entry.entryId} names missing department`);
    return department;
  }
}
