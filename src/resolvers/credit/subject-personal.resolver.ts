import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Role } from '../../access/viewer.js';
import { Subject } from '../../entities/credit/subject.entity.js';
import type { Context, LoaderFactory } from '../../schema/context.js';
import { Params } from '../../schema/sql.js';

/**
 * Whether the viewer's department published a record naming each subject asked:
 * one statement per tick, and only when a PUBLISHER asks for a personal field.
 */
const namedByViewersDepartment: LoaderFactory<DataLoader<string, boolean>> = (em, viewer) =>
  new DataLoader<string, boolean>(async (codes) => {
    const params = new Params();
    const rows = (await em.getConnection().execute(
      `select distinct p.credit_code from disclosure_party p join disclosure d on d.id = p.disclosure_id
        where p.credit_code in (${params.list(codes)}) and d.publisher_code = ${params.add(viewer.departmentCode)}`,
      params.values,
    )) as { credit_code: string }[];
    const named = new Set(rows.map((r) => r.credit_code));
    return codes.map((code) => named.has(code));
  });

/**
 * Personal data of natural persons (个人信息: 身份证号码, 联系电话) is never given
 * to the public. SUPERVISOR reads it; a PUBLISHER reads it for subjects its own
 * department's records name (it holds the data already); everyone else gets null.
 */
async function maySeePersonalData(subject: Subject, ctx: Context): Promise<boolean> {
  if (ctx.viewer.role === Role.SUPERVISOR) return true;
  if (ctx.viewer.role !== Role.PUBLISHER || !ctx.viewer.departmentCode) return false;
  return ctx.loader(namedByViewersDepartment).load(subject.creditCode);
}

@Resolver(() => Subject)
export class SubjectPersonalDataResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: '身份证号码 (natural persons; personal data: null unless SUPERVISOR or a department whose records name the subject)',
  })
  async idNumber(@Root() subject: Subject, @Ctx() ctx: Context): Promise<string | null> {
    if (subject.idNumber == null) return null;
    return (await maySeePersonalData(subject, ctx)) ? subject.idNumber : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: '联系电话 (personal data: null unless SUPERVISOR or a department whose records name the subject)',
  })
  async contactPhone(@Root() subject: Subject, @Ctx() ctx: Context): Promise<string | null> {
    if (subject.contactPhone == null) return null;
    return (await maySeePersonalData(subject, ctx)) ? subject.contactPhone : null;
  }
}
