import { Arg, Ctx, Field, InputType, Mutation, Resolver } from 'type-graphql';
import { requireRole } from '../access/policy.js';
import { Role } from '../../kernel/viewer.js';
import { Department } from '../../entities/core/department.entity.js';
import type { Context } from '../../kernel/context.js';
import { InputIssues, NotFoundError } from '../../kernel/errors.js';
import { writeAudited } from '../audit/audited-write.js';
import { lockDepartment, renameDepartment } from './department.repository.js';
import { forgetReferenceSnapshot } from './reference-snapshot.js';

@InputType({ description: '部门名称的更改 (only the fields given change)' })
export class DepartmentInput {
  @Field(() => String, { nullable: true, description: '全称 (1–128 characters)' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: '简称 (1–64 characters)' })
  shortName?: string | null;
}

@Resolver()
export class DepartmentMutationsResolver {
  @Mutation(() => Department, {
    description: '更改部门名称 (ADMIN; 机构改革): the code stays, so tokens, records and report URLs keep working',
  })
  async updateDepartment(
    @Ctx() ctx: Context,
    @Arg('code', () => String, { description: '部门代码' }) code: string,
    @Arg('input', () => DepartmentInput) input: DepartmentInput,
  ): Promise<Department> {
    requireRole(ctx.viewer, Role.ADMIN);
    const issues = new InputIssues();
    if (input.name == null && input.shortName == null) issues.add('input', 'input changes nothing: give name or shortName', 'EMPTY');
    if (input.name != null) issues.text('input.name', input.name, 128);
    if (input.shortName != null) issues.text('input.shortName', input.shortName, 64);
    issues.throwIfAny();
    await writeAudited(ctx, async (tx) => {
      const before = await lockDepartment(tx, code);
      if (!before) throw new NotFoundError(`no department has code ${code}`);
      const after = await renameDepartment(tx, code, input.name?.trim() ?? before.name, input.shortName?.trim() ?? before.shortName);
      return { result: undefined, audit: [{ action: 'updateDepartment', entity: 'Department', entityKey: code, before, after }] };
    });
    // This process's names refresh at once; other processes within their snapshot's minute.
    forgetReferenceSnapshot(ctx.em);
    return ctx.em.fork().findOneOrFail(Department, code);
  }
}
