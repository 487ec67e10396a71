import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Role } from '../../kernel/viewer.js';
import { Subject } from '../../entities/credit/subject.entity.js';
import type { Context } from '../../kernel/context.js';

/**
 * Personal data of natural persons (个人信息: 身份证号码, 联系电话) is never given
 * to the public. SUPERVISOR reads it; a PUBLISHER reads it only for subjects its
 * own department registered (it recorded the data); everyone else gets null.
 * Naming a subject in a record grants nothing: any department may name any
 * subject, even in a record no one else sees.
 */
function maySeePersonalData(subject: Subject, ctx: Context): boolean {
  if (ctx.viewer.role === Role.SUPERVISOR) return true;
  return ctx.viewer.role === Role.PUBLISHER && ctx.viewer.departmentCode != null && subject.registeredBy?.code === ctx.viewer.departmentCode;
}

@Resolver(() => Subject)
export class SubjectPersonalDataResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: '身份证号码 (natural persons; personal data: null unless SUPERVISOR or the department that registered the subject)',
  })
  idNumber(@Root() subject: Subject, @Ctx() ctx: Context): string | null {
    return subject.idNumber != null && maySeePersonalData(subject, ctx) ? subject.idNumber : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: '联系电话 (personal data: null unless SUPERVISOR or the department that registered the subject)',
  })
  contactPhone(@Root() subject: Subject, @Ctx() ctx: Context): string | null {
    return subject.contactPhone != null && maySeePersonalData(subject, ctx) ? subject.contactPhone : null;
  }
}
