import { describe, expect, it } from 'vitest';
import { Domain } from '../../src/entities/core/domain.js';
import { Channel } from '../../src/entities/hub/enums.js';
import type { ComplianceCounts, ComplianceReport } from '../../src/resolvers/oversight/compliance-types.js';
import { monthlyRateChart } from '../../src/resolvers/oversight/yearly-report/chart.js';
import { parseReportYear, YearlyReportRequestError } from '../../src/resolvers/oversight/yearly-report/gather.js';
import { renderYearlyReport } from '../../src/resolvers/oversight/yearly-report/render.js';

// The renderer is pure: data in, page out. These cases need no database.
const zero: ComplianceCounts = {
  formed: 0, publishedOnTime: 0, publishedLate: 0, pendingWithinLimit: 0, pendingOverdue: 0,
  retracted: 0, revised: 0, exempt: 0, onTimeRate: null,
};
const requests = { received: 0, answeredOnTime: 0, answeredLate: 0, pendingWithinLimit: 0, pendingOverdue: 0, extended: 0, onTimeRate: null };

function report(totals: ComplianceCounts, month?: number): ComplianceReport {
  return {
    scope: { departmentCode: 'QH-TEST' },
    period: { year: 2025, month, from: '2025-01-01', to: '2025-12-31' },
    asOf: '2026-03-01',
    totals,
    byCategory: [{ domain: Domain.GOVERNMENT_PROCUREMENT, category: 'RESULT', name: '采购结果<b>', ...totals }],
    channels: [{ channel: Channel.GOVERNMENT_WEBSITE, records: totals.publishedOnTime }],
    gaps: [{ domain: Domain.HOUSING, category: 'PLAN', name: '年度计划 & "方案"' }],
    requests,
  };
}

const annual = { ...zero, formed: 10, publishedOnTime: 9, publishedLate: 1, onTimeRate: 0.9 };
const rates = [1, 0.5, null, null, 0.75, null, 1, 1, 1, 1, 1, null];
const page = renderYearlyReport({
  department: { code: 'QH-TEST', name: '青海省<script>alert(1)</script>厅', shortName: '测试厅', regionName: '青海省' },
  year: 2025,
  asOf: '2026-03-01',
  annual: report(annual),
  months: rates.map((rate, i) => report({ ...zero, onTimeRate: rate }, i + 1)),
});

describe('yearly report renderer', () => {
  it('escapes every text from the data', () => {
    expect(page).not.toContain('<script>');
    expect(page).toContain('青海省&lt;script&gt;alert(1)&lt;/script&gt;厅 2025年公共资源配置领域政府信息公开工作年度报告');
    expect(page).toContain('采购结果&lt;b&gt;');
    expect(page).toContain('年度计划 &amp; &quot;方案&quot;');
  });

  it('is one self-contained page: no script, and no URL but the empty data: icon and the SVG namespace', () => {
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page.match(/(?:src|href|url)\s*[=(]\s*["']?[^"'\s)>]*/gi)).toEqual(['href="data:,']);
    expect(page.match(/https?:\/\/[^"]*/g)).toEqual(['http://www.w3.org/2000/svg']);
  });

  it('draws a point per month with a rate and leaves a gap where nothing was due', () => {
    const svg = monthlyRateChart(rates.map((rate, i) => ({ month: i + 1, rate })), 0.9, 'x');
    const points = [...svg.matchAll(/<circle class="point" data-month="(\d+)"/g)].map((m) => Number(m[1]));
    expect(points).toEqual([1, 2, 5, 7, 8, 9, 10, 11]);
    const gaps = [...svg.matchAll(/class="no-data" data-month="(\d+)"/g)].map((m) => Number(m[1]));
    expect(gaps).toEqual([3, 4, 6, 12]);
    // Three runs of consecutive months: Jan–Feb, May alone, Jul–Nov.
    const d = /<path class="line" d="([^"]+)"/.exec(svg)![1]!;
    expect(d.match(/[ML]/g)!.join('')).toBe('MLMMLLLL');
  });

  it('takes years from 2018 to this year, as four digits', () => {
    expect(parseReportYear('2018', '2026-11-28')).toBe(2018);
    expect(parseReportYear('2026', '2026-11-28')).toBe(2026);
    for (const bad of ['2017', '2027', '25', '2025.0', ' 2025', '']) {
      expect(() => parseReportYear(bad, '2026-11-28')).toThrow(YearlyReportRequestError);
    }
  });
});
