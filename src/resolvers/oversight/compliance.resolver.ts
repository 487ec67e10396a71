import { Arg, Ctx, FieldResolver, Float, Query, Resolver, Root } from 'type-graphql';
import { Department } from '../../entities/core/department.entity.js';
import { Region } from '../../entities/core/region.entity.js';
import { computeCompliance } from './compliance.js';
import { computeRanking, DEFAULT_THRESHOLDS, RankingLevel } from './ranking.js';
import type { Context } from '../../kernel/context.js';
import { requireRole } from '../access/policy.js';
import { Role } from '../../kernel/viewer.js';
import { ForbiddenError } from '../../kernel/errors.js';
import { departmentByCode, regionByCode } from '../core/loaders.js';
import { DateScalar } from '../../kernel/scalars/index.js';
import {
  ComplianceRankingType,
  ComplianceReportType,
  ComplianceScopeInput,
  ComplianceScopeType,
  PeriodInput,
} from './compliance.types.js';

@Resolver()
export class ComplianceResolver {
  @Query(() => ComplianceReportType, {
    description:
      '公开情况检查 (SUPERVISOR; a PUBLISHER for its own department): the figures of a department, a region (with all below it) or a domain for a month (每月自查), a quarter (每季度检查) or a year (年度报告)',
  })
  async complianceReport(
    @Ctx() ctx: Context,
    @Arg('scope', () => ComplianceScopeInput, { description: '检查范围 (exactly one key)' }) scope: ComplianceScopeInput,
    @Arg('period', () => PeriodInput, { description: '检查期间' }) period: PeriodInput,
    @Arg('asOf', () => DateScalar, { nullable: true, description: '判定日期 (default: today, China time)' }) asOf?: string | null,
  ): Promise<ComplianceReportType> {
    // The detail (by category, exempt counts, pending records) is for oversight: SUPERVISOR,
    // or a department reviewing itself (每月自查). The ranking and the yearly report are public.
    requireRole(ctx.viewer, Role.SUPERVISOR, Role.PUBLISHER);
    if (ctx.viewer.role === Role.PUBLISHER && scope.departmentCode !== ctx.viewer.departmentCode) {
      throw new ForbiddenError(`a PUBLISHER token may read only its own department's report (scope: { departmentCode: "${ctx.viewer.departmentCode}" })`);
    }
    return computeCompliance(ctx.em, scope, period, asOf ?? undefined);
  }

  @Query(() => ComplianceRankingType, {
    description: '按时公开率排名: provincial departments or prefecture governments, with the ones to praise (通报表扬) and to criticise (通报批评)',
  })
  async complianceRanking(
    @Ctx() ctx: Context,
    @Arg('period', () => PeriodInput, { description: '检查期间' }) period: PeriodInput,
    @Arg('level', () => RankingLevel, { description: '排名对象' }) level: RankingLevel,
    @Arg('praiseAtLeast', () => Float, {
      nullable: true,
      defaultValue: DEFAULT_THRESHOLDS.praiseAtLeast,
      description: '表扬线 (on-time rate, 0–1)',
    })
    praiseAtLeast?: number | null,
    @Arg('criticiseBelow', () => Float, {
      nullable: true,
      defaultValue: DEFAULT_THRESHOLDS.criticiseBelow,
      description: '批评线 (on-time rate, 0–1)',
    })
    criticiseBelow?: number | null,
    @Arg('asOf', () => DateScalar, { nullable: true, description: '判定日期 (default: today, China time)' }) asOf?: string | null,
  ): Promise<ComplianceRankingType> {
    return computeRanking(ctx.em, period, level, { praiseAtLeast, criticiseBelow, asOf });
  }
}

@Resolver(() => ComplianceScopeType)
export class ComplianceScopeResolver {
  @FieldResolver(() => Department, { nullable: true, description: '部门 (with departmentCode)' })
  async department(@Root() scope: ComplianceScopeType, @Ctx() ctx: Context): Promise<Department | null> {
    return scope.departmentCode != null ? ctx.loader(departmentByCode).load(scope.departmentCode) : null;
  }

  @FieldResolver(() => Region, { nullable: true, description: '行政区划 (with regionCode)' })
  async region(@Root() scope: ComplianceScopeType, @Ctx() ctx: Context): Promise<Region | null> {
    return scope.regionCode != null ? ctx.loader(regionByCode).load(scope.regionCode) : null;
  }
}
