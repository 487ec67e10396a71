import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Department } from '../../entities/core/department.entity.js';
import { Domain } from '../../entities/core/domain.js';
import { Channel } from '../../entities/hub/enums.js';
import type {
  CatalogueGap,
  CategoryCompliance,
  ChannelUse,
  ComplianceCounts,
  ComplianceReport,
  ComplianceScope,
  RequestCompliance,
  ResolvedPeriod,
} from './compliance-types.js';
import type { ComplianceRanking, RankingEntry } from './ranking.js';
import { RankingLevel } from './ranking.js';
import { DateScalar } from '../../kernel/scalars/index.js';

/* The GraphQL face of src/resolvers/oversight/compliance-types.ts: the same shapes, field for field. */

registerEnumType(RankingLevel, {
  name: 'RankingLevel',
  description: '排名对象',
  valuesConfig: {
    PROVINCIAL_DEPARTMENT: { description: '省政府各委、办、厅、局 (as publishers)' },
    PREFECTURE: { description: '市州政府 (the eight prefecture governments, as publishers)' },
  },
});

@InputType({ description: '检查范围: exactly one of department, region, domain' })
export class ComplianceScopeInput implements ComplianceScope {
  @Field(() => String, { nullable: true, description: '部门代码: the records it published' })
  departmentCode?: string;

  @Field(() => String, { nullable: true, description: '行政区划代码: records of that region and every region under it' })
  regionCode?: string;

  @Field(() => Domain, { nullable: true, description: '领域' })
  domain?: Domain;
}

@InputType({ description: '检查期间: a year (年度报告), a quarter (每季度检查) or a month (每月自查)' })
export class PeriodInput {
  @Field(() => Int, { description: '年份 (2000–2100)' })
  year!: number;

  @Field(() => Int, { nullable: true, description: '季度 (1–4; not with month)' })
  quarter?: number;

  @Field(() => Int, { nullable: true, description: '月份 (1–12; not with quarter)' })
  month?: number;
}

@ObjectType('ComplianceScope', { description: '检查范围' })
export class ComplianceScopeType implements ComplianceScope {
  @Field(() => String, { nullable: true, description: '部门代码' })
  departmentCode?: string;

  @Field(() => String, { nullable: true, description: '行政区划代码 (with every region under it)' })
  regionCode?: string;

  @Field(() => Domain, { nullable: true, description: '领域' })
  domain?: Domain;
}

@ObjectType('CompliancePeriod', { description: '检查期间, as calendar dates in China time, both ends included' })
export class CompliancePeriodType implements ResolvedPeriod {
  @Field(() => Int, { description: '年份' })
  year!: number;

  @Field(() => Int, { nullable: true, description: '季度' })
  quarter?: number;

  @Field(() => Int, { nullable: true, description: '月份' })
  month?: number;

  @Field(() => DateScalar, { description: '起始日期（含）' })
  from!: string;

  @Field(() => DateScalar, { description: '截止日期（含）' })
  to!: string;
}

@ObjectType('ComplianceCounts', {
  description:
    '公开情况统计: records formed or changed in the period; exempt records count only in exempt, retracted ones also by their timing',
})
export class ComplianceCountsType implements ComplianceCounts {
  @Field(() => Int, { description: '形成（或变更）的信息数 (formed or last changed in the period, up to asOf)' })
  formed!: number;

  @Field(() => Int, { description: '按时公开 (published by asOf, on or before its deadline)' })
  publishedOnTime!: number;

  @Field(() => Int, { description: '逾期公开 (published by asOf, after its deadline)' })
  publishedLate!: number;

  @Field(() => Int, { description: '期限内待公开 (not published by asOf, deadline not yet passed)' })
  pendingWithinLimit!: number;

  @Field(() => Int, { description: '逾期未公开 (not published by asOf, deadline passed)' })
  pendingOverdue!: number;

  @Field(() => Int, { description: '撤回 (retracted by asOf)' })
  retracted!: number;

  @Field(() => Int, { description: '变更 (records with a change dated in the period)' })
  revised!: number;

  @Field(() => Int, { description: '免予公开 (exempt: counted in no timing figure)' })
  exempt!: number;

  @Field(() => Float, {
    nullable: true,
    description: '按时公开率: publishedOnTime ÷ (publishedOnTime + publishedLate + pendingOverdue); null when nothing was due',
  })
  onTimeRate!: number | null;
}

@ObjectType('CategoryCompliance', { description: '分类别公开情况' })
export class CategoryComplianceType extends ComplianceCountsType implements CategoryCompliance {
  @Field(() => Domain, { description: '领域' })
  domain!: Domain;

  @Field({ description: '类别代码' })
  category!: string;

  @Field({ description: '公开事项 (from the catalogue)' })
  name!: string;
}

@ObjectType('ChannelUse', { description: '公开渠道使用情况' })
export class ChannelUseType implements ChannelUse {
  @Field(() => Channel, { description: '渠道' })
  channel!: Channel;

  @Field(() => Int, { description: '在该渠道发布的本期信息数' })
  records!: number;
}

@ObjectType('CatalogueGap', { description: '查漏补缺: a catalogue category the scope owes but has no record of in the period' })
export class CatalogueGapType implements CatalogueGap {
  @Field(() => Domain, { description: '领域' })
  domain!: Domain;

  @Field({ description: '类别代码' })
  category!: string;

  @Field({ description: '公开事项' })
  name!: string;
}

@ObjectType('RequestCompliance', { description: '依申请公开办理情况 (requests received in the period)' })
export class RequestComplianceType implements RequestCompliance {
  @Field(() => Int, { description: '收到申请数' })
  received!: number;

  @Field(() => Int, { description: '按时答复' })
  answeredOnTime!: number;

  @Field(() => Int, { description: '逾期答复' })
  answeredLate!: number;

  @Field(() => Int, { description: '期限内待答复' })
  pendingWithinLimit!: number;

  @Field(() => Int, { description: '逾期未答复' })
  pendingOverdue!: number;

  @Field(() => Int, { description: '延期答复 (deadline extended once by 20 working days, with a recorded reason)' })
  extended!: number;

  @Field(() => Float, {
    nullable: true,
    description: '按时答复率: answeredOnTime ÷ (answeredOnTime + answeredLate + pendingOverdue); null when nothing was due',
  })
  onTimeRate!: number | null;
}

@ObjectType('ComplianceReport', { description: '公开情况检查报告 (monthly self-check, quarterly review or yearly report figures)' })
export class ComplianceReportType implements ComplianceReport {
  @Field(() => ComplianceScopeType, { description: '检查范围' })
  scope!: ComplianceScopeType;

  @Field(() => CompliancePeriodType, { description: '检查期间' })
  period!: CompliancePeriodType;

  @Field(() => DateScalar, { description: '判定日期 (the day pending and overdue were judged on; nothing dated later is counted)' })
  asOf!: string;

  @Field(() => ComplianceCountsType, { description: '合计' })
  totals!: ComplianceCountsType;

  @Field(() => [CategoryComplianceType], { description: '分类别 (categories with records in the period)' })
  byCategory!: CategoryComplianceType[];

  @Field(() => [ChannelUseType], { description: '公开渠道 (most used first)' })
  channels!: ChannelUseType[];

  @Field(() => [CatalogueGapType], { description: '查漏补缺: owed catalogue categories with no record formed in the period' })
  gaps!: CatalogueGapType[];

  @Field(() => RequestComplianceType, { description: '依申请公开' })
  requests!: RequestComplianceType;
}

@ObjectType('RankingEntry', { description: '排名条目' })
export class RankingEntryType implements RankingEntry {
  @Field(() => Int, { description: '名次 (1: best)' })
  rank!: number;

  @Field(() => Department, { description: '部门或市州政府' })
  department!: Department;

  @Field(() => ComplianceCountsType, { description: '公开情况 (as complianceReport with this departmentCode)' })
  totals!: ComplianceCountsType;
}

@ObjectType('ComplianceRanking', {
  description:
    '按时公开率排名: higher rate first; equal rates, more records due first; then department code. Nothing due: last, neither praised nor criticised',
})
export class ComplianceRankingType implements ComplianceRanking {
  @Field(() => RankingLevel, { description: '排名对象' })
  level!: RankingLevel;

  @Field(() => CompliancePeriodType, { description: '检查期间' })
  period!: CompliancePeriodType;

  @Field(() => DateScalar, { description: '判定日期' })
  asOf!: string;

  @Field(() => Float, { description: '表扬线: praised at or above this on-time rate' })
  praiseAtLeast!: number;

  @Field(() => Float, { description: '批评线: criticised below this on-time rate' })
  criticiseBelow!: number;

  @Field(() => [RankingEntryType], { description: '排名' })
  entries!: RankingEntryType[];

  @Field(() => [RankingEntryType], { description: '通报表扬 (on-time rate ≥ praiseAtLeast), in rank order' })
  praised!: RankingEntryType[];

  @Field(() => [RankingEntryType], { description: '通报批评 (on-time rate < criticiseBelow), in rank order' })
  criticised!: RankingEntryType[];
}
