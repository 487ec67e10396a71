import { Entity, Enum, ManyToOne, type Rel } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Department } from './department.entity.js';
import { Domain } from './domain.js';

export enum ResponsibilityRole {
  LEAD = 'LEAD',
  RESPONSIBLE = 'RESPONSIBLE',
}

registerEnumType(ResponsibilityRole, {
  name: 'ResponsibilityRole',
  description: '职责',
  valuesConfig: { LEAD: { description: '牵头单位' }, RESPONSIBLE: { description: '责任单位' } },
});

/** Who must disclose in a domain, as the plan assigns it, groups (各市州政府 …) expanded to members. */
@Entity({ tableName: 'responsibility' })
@ObjectType({ description: '公开职责分工 (a department\'s duty in a domain: lead or responsible unit)' })
export class Responsibility {
  @Enum({ items: () => Domain, nativeEnumName: 'domain', primary: true })
  @Field(() => Domain, { description: '领域' })
  domain!: Domain;

  @ManyToOne(() => Department, { primary: true, fieldName: 'department_code' })
  department!: Rel<Department>;

  @Enum({ items: () => ResponsibilityRole, nativeEnumName: 'responsibility_role' })
  @Field(() => ResponsibilityRole, { description: '牵头单位或责任单位' })
  role!: ResponsibilityRole;
}
