/**
 * The report's stylesheet, inlined into the page. Fonts are named, never
 * loaded: the reader's own CJK fonts render it, online or printed.
 */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --rule: #d0d7de; --accent: #b3261e; --line: #1d4ed8; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f1ea; color: var(--ink);
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, "WenQuanYi Micro Hei", serif;
  font-size: 16px; line-height: 1.75; }
.report { max-width: 980px; margin: 24px auto; padding: 48px 56px; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
header { border-bottom: 3px double var(--accent); margin-bottom: 24px; padding-bottom: 12px; }
h1 { font-size: 26px; line-height: 1.45; text-align: center; color: var(--accent); margin: 0 0 16px; letter-spacing: .02em; }
h2 { font-size: 19px; margin: 32px 0 12px; padding-left: 10px; border-left: 4px solid var(--accent); }
h1, h2, th, .meta dt, figcaption, footer { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
p { text-indent: 2em; margin: 8px 0; text-align: justify; }
.meta { display: flex; flex-wrap: wrap; justify-content: center; gap: 4px 28px; margin: 0; font-size: 14px; color: var(--muted); }
.meta div { display: flex; gap: 6px; }
.meta dt { font-weight: 600; }
.meta dd { margin: 0; }
table { width: 100%; border-collapse: collapse; margin: 12px 0; font-size: 13.5px; font-variant-numeric: tabular-nums; }
table.narrow { width: auto; min-width: 50%; }
th, td { border: 1px solid var(--rule); padding: 6px 8px; }
thead th { background: #f6f1e7; font-weight: 600; text-align: center; white-space: nowrap; }
tbody th { text-align: left; font-weight: 500; }
td { text-align: right; white-space: nowrap; }
td[data-figure="onTimeRate"] { font-weight: 600; }
td.alert { color: var(--accent); font-weight: 600; }
table.categories th.domain { text-align: center; vertical-align: middle; background: #fbfaf7; width: 7.5em; }
table.categories tbody th { font-size: 13px; }
table.categories tbody th:not(.domain) { white-space: nowrap; }
table:not(.categories) tbody tr:nth-child(even) { background: #fbfaf7; }
figure { margin: 8px 0 4px; text-align: center; }
figcaption { font-size: 13px; color: var(--muted); }
.chart { max-width: 100%; height: auto; font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; }
.chart .grid { stroke: #e5e7eb; stroke-width: 1; }
.chart .axis { stroke: #6b7280; stroke-width: 1.2; }
.chart .tick, .chart .month { font-size: 12px; fill: var(--muted); }
.chart .axis-title { font-size: 13px; fill: var(--ink); }
.chart .line { fill: none; stroke: var(--line); stroke-width: 2.2; stroke-linejoin: round; }
.chart .point { fill: #fff; stroke: var(--line); stroke-width: 2; }
.chart .value { font-size: 11px; fill: var(--line); paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.chart .annual { stroke: var(--accent); stroke-width: 1.2; stroke-dasharray: 6 4; }
.chart .legend { font-size: 12px; fill: var(--ink); }
.chart .no-data { font-size: 14px; fill: #9ca3af; }
ul.gaps { columns: 2; column-gap: 32px; margin: 8px 0; padding-left: 2em; font-size: 14.5px; }
ol { padding-left: 2em; font-size: 14.5px; color: var(--muted); }
footer { margin-top: 32px; padding-top: 12px; border-top: 1px solid var(--rule); font-size: 12px; color: var(--muted); text-align: center; }
@media (max-width: 720px) { .report { padding: 20px 14px; margin: 0; } table { font-size: 12px; } ul.gaps { columns: 1; } }
@media print {
  @page { size: A4; margin: 18mm 14mm; }
  body { background: #fff; }
  .report { box-shadow: none; margin: 0; padding: 0; max-width: none; }
  section { break-inside: avoid-page; }
  table, figure { break-inside: avoid; }
}
`;
