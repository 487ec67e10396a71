import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../scalars/index.js';
import { Area } from './area.js';

/** A vertex of a boundary (范围坐标, 界址点), in CGCS2000 longitude and latitude. */
@ObjectType({ description: '坐标点 (a boundary vertex, CGCS2000 degrees)' })
export class GeoPoint {
  @Field(() => Float, { description: '经度' })
  longitude!: number;

  @Field(() => Float, { description: '纬度' })
  latitude!: number;
}

@ObjectType({ description: '期间 (a period of calendar dates, both ends included)' })
export class DateRange {
  @Field(() => DateScalar, { description: '起' })
  from!: string;

  @Field(() => DateScalar, { description: '止' })
  until!: string;
}

@ObjectType({ description: '数量 (an amount with its unit, e.g. 万吨/年, 支, 吨)' })
export class Quantity {
  @Field(() => DecimalScalar, { description: '数值' })
  amount!: string;

  @Field({ description: '单位' })
  unit!: string;
}

/** 规划指标: the planning conditions a housing scheme or a land parcel carries. */
@ObjectType({ description: '规划指标' })
export class PlanningIndicators {
  @Field(() => Float, { nullable: true, description: '容积率' })
  plotRatio?: number | null;

  @Field(() => Float, { nullable: true, description: '建筑密度（%）' })
  buildingDensityPercent?: number | null;

  @Field(() => Float, { nullable: true, description: '绿地率（%）' })
  greenRatioPercent?: number | null;

  @Field(() => Float, { nullable: true, description: '建筑限高（米）' })
  heightLimitMetres?: number | null;

  @Field(() => Area, { nullable: true, description: '总建筑面积' })
  totalFloorArea?: Area | null;
}

@ObjectType({ description: '进度 (progress at a date)' })
export class ProgressReport {
  @Field(() => Float, { description: '完成比例（%）' })
  percent!: number;

  @Field(() => DateScalar, { description: '截至日期' })
  asOf!: string;

  @Field(() => String, { nullable: true, description: '说明' })
  note?: string | null;
}

@ObjectType({ description: '任务完成情况 (planned against completed)' })
export class TaskCompletion {
  @Field(() => Int, { description: '计划任务数' })
  planned!: number;

  @Field(() => Int, { description: '已完成数' })
  completed!: number;

  @Field(() => DateScalar, { description: '截至日期' })
  asOf!: string;
}
