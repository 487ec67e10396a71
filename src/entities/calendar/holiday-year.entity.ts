import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../../kernel/scalars/index.js';

export enum HolidayDayKind {
  /** 放假: a statutory holiday (or a day off moved by 调休), weekday or not. */
  OFF_DAY = 'OFF_DAY',
  /** 调休上班: a Saturday or Sunday that is a working day. */
  MAKE_UP_WORKDAY = 'MAKE_UP_WORKDAY',
}

registerEnumType(HolidayDayKind, {
  name: 'HolidayDayKind',
  description: '日程类别',
  valuesConfig: { OFF_DAY: { description: '放假' }, MAKE_UP_WORKDAY: { description: '调休上班' } },
});

/**
 * One year of the State Council's holiday schedule (国务院办公厅关于某年部分节假日安排的通知),
 * as loaded from data/holidays-cn or imported with `gongkai calendar import`. A year
 * with no row here has no published schedule: counts reaching it use weekends alone
 * and are provisional.
 */
@Entity({ tableName: 'holiday_year' })
@ObjectType({ description: '节假日安排 (one year of the official holiday schedule)' })
export class HolidayYear {
  [OptionalProps]?: 'loadedAt';

  @PrimaryKey({ type: 'smallint', autoincrement: false })
  @Field(() => Int, { description: '年度' })
  year!: number;

  @Property({ type: 'text[]' })
  @Field(() => [String], { description: '通知原文地址' })
  papers!: string[];

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Field(() => DateTimeScalar, { description: '载入时间' })
  loadedAt: Date = new Date();
}

/**
 * One day the schedule names. Days are keyed by date alone: a schedule may name a
 * day of the neighbouring year (the 2019 notice moves 2018-12-29 to a working day),
 * and a day has one status whichever notice names it.
 */
@Entity({ tableName: 'holiday_day' })
@Index({ properties: ['schedule'] })
@ObjectType({ description: '节假日安排中的一天' })
export class HolidayDay {
  @PrimaryKey({ type: 'date' })
  @Field(() => DateScalar, { description: '日期（北京时间）' })
  date!: string;

  @ManyToOne(() => HolidayYear, { fieldName: 'schedule_year', deleteRule: 'cascade' })
  schedule!: Rel<HolidayYear>;

  @Property({ type: 'string', length: 32 })
  @Field({ description: '节日名称 (元旦, 春节 …)' })
  name!: string;

  @Enum({ items: () => HolidayDayKind, nativeEnumName: 'holiday_day_kind' })
  @Field(() => HolidayDayKind, { description: '放假或调休上班' })
  kind!: HolidayDayKind;
}
