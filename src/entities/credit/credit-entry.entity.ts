import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Opt, type Rel } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Department } from '../core/department.entity.js';
import { Disclosure } from '../hub/disclosure.entity.js';
import { Node, toGlobalId } from '../../kernel/node.js';
import { DateScalar } from '../../kernel/scalars/index.js';
import { Subject } from './subject.entity.js';

export enum CreditList {
  RED = 'RED',
  BLACK = 'BLACK',
}

registerEnumType(CreditList, {
  name: 'CreditList',
  description: '红黑名单',
  valuesConfig: { RED: { description: '红名单（守信联合激励）' }, BLACK: { description: '黑名单（失信联合惩戒）' } },
});

export enum CreditMeasureKind {
  INCENTIVE = 'INCENTIVE',
  PUNISHMENT = 'PUNISHMENT',
}

registerEnumType(CreditMeasureKind, {
  name: 'CreditMeasureKind',
  description: '措施类别',
  valuesConfig: { INCENTIVE: { description: '联合激励' }, PUNISHMENT: { description: '联合惩戒' } },
});

@ObjectType({ description: '联合激励或惩戒措施' })
export class CreditMeasure {
  @Field(() => CreditMeasureKind, { description: '类别' })
  kind!: CreditMeasureKind;

  @Field({ description: '措施内容' })
  description!: string;
}

/** An entry on the red or black list (红黑名单). Its status is derived from its dates on every read. */
@Entity({ tableName: 'credit_entry' })
// A subject's entries by list, carrying what its standing is computed from (index-only).
@Index({
  name: 'credit_entry_credit_code_list_index',
  expression:
    'create index "credit_entry_credit_code_list_index" on "credit_entry" ("credit_code", "list") include ("valid_from", "valid_until", "revoked_on")',
})
@ObjectType({ implements: Node, description: '红黑名单记录 (an entry on the credit red or black list)' })
export class CreditEntry {
  [OptionalProps]?: 'entryId';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  entryId!: number;

  @Field(() => ID, { description: '全局标识 (opaque global id)' })
  get id(): string {
    return toGlobalId('CreditEntry', String(this.entryId));
  }

  @Enum({ items: () => CreditList, nativeEnumName: 'credit_list' })
  @Field(() => CreditList, { description: '名单' })
  list!: CreditList;

  @ManyToOne(() => Subject, { fieldName: 'credit_code' })
  subject!: Rel<Subject>;

  @Property({ type: 'text' })
  @Field({ description: '列入事由' })
  reason!: string;

  @Property({ type: 'text' })
  @Field({ description: '法律依据' })
  legalBasis!: string;

  @ManyToOne(() => Department, { fieldName: 'decided_by_code', index: true })
  decidedBy!: Rel<Department>;

  @Property({ type: 'date', index: true })
  @Field(() => DateScalar, { description: '决定日期' })
  decidedOn!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '有效期起' })
  validFrom!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: '有效期止（含当日；null: 长期）' })
  validUntil?: string | null;

  @Property({ type: 'json' })
  @Field(() => [CreditMeasure], { description: '联合激励或惩戒措施' })
  measures: Opt<CreditMeasure[]> = [];

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: '撤销日期' })
  revokedOn?: string | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '撤销理由' })
  revocationReason?: string | null;

  /** The record the entry follows from, where there is one (a penalty decision, say). */
  @ManyToOne(() => Disclosure, { fieldName: 'basis_disclosure_id', nullable: true, deleteRule: 'set null' })
  basisDisclosure?: Rel<Disclosure> | null;
}
