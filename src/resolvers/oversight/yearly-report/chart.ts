import { escapeHtml, formatRate } from './format.js';

export interface MonthlyRate {
  /** 1–12 */
  month: number;
  /** null: nothing fell due that month, drawn as a gap (not as 0%). */
  rate: number | null;
}

const WIDTH = 760;
const HEIGHT = 320;
const PLOT = { left: 64, right: 740, top: 48, bottom: 268 };
const TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];

const round = (n: number) => Math.round(n * 100) / 100;
const xOf = (month: number) => round(PLOT.left + ((month - 0.5) * (PLOT.right - PLOT.left)) / 12);
const yOf = (rate: number) => round(PLOT.bottom - rate * (PLOT.bottom - PLOT.top));

/**
 * The monthly on-time rate as an inline SVG line chart: a y axis from 0 to
 * 100%, one point per month, the line broken where a month had nothing due,
 * and the year's rate as a dashed reference. Pure: data in, markup out.
 */
export function monthlyRateChart(months: MonthlyRate[], annualRate: number | null, title: string): string {
  const parts: string[] = [];
  parts.push(
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="chart-title">`,
    `<title id="chart-title">${escapeHtml(title)}</title>`,
  );
  for (const tick of TICKS) {
    const y = yOf(tick);
    parts.push(
      `<line class="grid" data-tick="${tick}" x1="${PLOT.left}" y1="${y}" x2="${PLOT.right}" y2="${y}"/>`,
      `<text class="tick" x="${PLOT.left - 8}" y="${y + 4}" text-anchor="end">${Math.round(tick * 100)}%</text>`,
    );
  }
  parts.push(
    `<line class="axis" x1="${PLOT.left}" y1="${PLOT.top - 8}" x2="${PLOT.left}" y2="${PLOT.bottom}"/>`,
    `<line class="axis" x1="${PLOT.left}" y1="${PLOT.bottom}" x2="${PLOT.right}" y2="${PLOT.bottom}"/>`,
    `<text class="axis-title" x="16" y="${(PLOT.top + PLOT.bottom) / 2}" text-anchor="middle" transform="rotate(-90 16 ${(PLOT.top + PLOT.bottom) / 2})">按时公开率</text>`,
    `<text class="axis-title" x="${(PLOT.left + PLOT.right) / 2}" y="${HEIGHT - 6}" text-anchor="middle">月份</text>`,
  );
  for (const { month } of months) {
    parts.push(`<text class="month" x="${xOf(month)}" y="${PLOT.bottom + 20}" text-anchor="middle">${month}月</text>`);
  }
  // The legend sits above the plot, where no point or value label can cover it.
  parts.push(
    `<line class="line" x1="${PLOT.left + 8}" y1="14" x2="${PLOT.left + 36}" y2="14"/>`,
    `<circle class="point" cx="${PLOT.left + 22}" cy="14" r="4"/>`,
    `<text class="legend" x="${PLOT.left + 44}" y="18">各月按时公开率</text>`,
  );
  if (annualRate !== null) {
    const y = yOf(annualRate);
    parts.push(
      `<line class="annual" data-rate="${annualRate}" x1="${PLOT.left}" y1="${y}" x2="${PLOT.right}" y2="${y}"/>`,
      `<line class="annual" x1="${PLOT.left + 180}" y1="14" x2="${PLOT.left + 208}" y2="14"/>`,
      `<text class="legend" x="${PLOT.left + 216}" y="18">全年按时公开率 ${formatRate(annualRate)}</text>`,
    );
  }
  const path = linePath(months);
  if (path) parts.push(`<path class="line" d="${path}"/>`);
  for (const { month, rate } of months) {
    const x = xOf(month);
    if (rate === null) {
      parts.push(
        `<text class="no-data" data-month="${month}" x="${x}" y="${PLOT.bottom - 6}" text-anchor="middle">—<title>${month}月：无到期应公开信息</title></text>`,
      );
      continue;
    }
    const y = yOf(rate);
    parts.push(
      `<circle class="point" data-month="${month}" data-rate="${rate}" cx="${x}" cy="${y}" r="4"><title>${month}月：${formatRate(rate)}</title></circle>`,
      `<text class="value" x="${x}" y="${y - 9}" text-anchor="middle">${formatRate(rate)}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('\n');
}

/** Consecutive months joined; a month with no rate ends a segment, so a gap shows as a gap. */
function linePath(months: MonthlyRate[]): string {
  let d = '';
  let previous: number | null = null;
  for (const { month, rate } of months) {
    if (rate === null) {
      previous = null;
      continue;
    }
    d += `${previous === month - 1 ? 'L' : 'M'}${xOf(month)},${yOf(rate)} `;
    previous = month;
  }
  return d.trim();
}
