import { Entity, Enum, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Disclosure, Subject } from '../../hub/published.js';
import { Node } from '../../../kernel/node.js';
import { DateScalar } from '../../../kernel/scalars/index.js';
import { SupervisionKind } from './procurement-enums.js';

/**
 * 监督处罚信息: the finance department's complaint and inspection decisions,
 * its assessment of centralised purchasing agencies, and records of
 * violations. Penalty decisions are 行政处罚: 7 working days to disclose.
 */
@Entity({ tableName: 'procurement_supervision' })
@ObjectType({ implements: [Node, Disclosure], description: '政府采购 · 监督处罚信息' })
export class ProcurementSupervision {
  @OneToOne({ entity: () => Disclosure, primary: true, fieldName: 'disclosure_id', deleteRule: 'cascade' })
  disclosure!: Rel<Disclosure>;

  @Enum({ items: () => SupervisionKind, nativeEnumName: 'supervision_kind' })
  @Field(() => SupervisionKind, { description: '类别（投诉和监督检查处理决定、集中采购机构考核结果、违法失信行为记录）' })
  kind!: SupervisionKind;

  @Property({ type: 'string', length: 100 })
  @Field({ description: '决定文号' })
  decisionNo!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '决定日期' })
  decidedOn!: string;

  @Property({ type: 'text' })
  @Field({ description: '处理决定（考核结果、违法失信行为）内容' })
  decision!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '处罚措施' })
  penalty?: string | null;

  @Field(() => Subject, { nullable: true, description: '被处理主体（供应商、代理机构等）' })
  sanctioned?: Subject;
}
