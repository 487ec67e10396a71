import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../kernel/scalars/index.js';

/** The one extension a request may have (政府信息公开条例 第三十三条第二款). */
@ObjectType({ description: '延长答复期限 (once only, by 20 working days, with the reason recorded)' })
export class RequestExtension {
  @Field(() => DateScalar, { description: '决定延长并告知申请人的日期' })
  extendedOn!: string;

  @Field(() => DateScalar, { description: '延长后的答复期限: 20 working days after the original deadline' })
  deadline!: string;

  @Field(() => Boolean, { description: '期限为暂定 (crossed a year whose holiday schedule is not yet published)' })
  provisional!: boolean;

  @Field({ description: '延长理由' })
  reason!: string;
}
