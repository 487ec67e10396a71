import { Embeddable, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar } from '../scalars/index.js';

export enum AreaUnit {
  SQUARE_METRE = 'SQUARE_METRE',
  MU = 'MU',
  HECTARE = 'HECTARE',
  SQUARE_KILOMETRE = 'SQUARE_KILOMETRE',
}

registerEnumType(AreaUnit, {
  name: 'AreaUnit',
  description: '面积单位',
  valuesConfig: {
    SQUARE_METRE: { description: '平方米' },
    MU: { description: '亩' },
    HECTARE: { description: '公顷' },
    SQUARE_KILOMETRE: { description: '平方千米' },
  },
});

/** An area with the unit the source used: land deals are in 平方米, mining blocks in 平方千米, rural plans in 亩. */
@Embeddable()
@ObjectType({ description: '面积 (an area with its unit)' })
export class Area {
  @Property({ type: 'decimal', precision: 16, scale: 4 })
  @Field(() => DecimalScalar, { description: '数值' })
  value!: string;

  @Enum({ items: () => AreaUnit, nativeEnumName: 'area_unit' })
  @Field(() => AreaUnit, { description: '单位' })
  unit!: AreaUnit;
}
