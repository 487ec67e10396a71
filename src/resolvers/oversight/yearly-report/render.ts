import { Domain } from '../../../entities/core/domain.js';
import type { CategoryCompliance, ComplianceCounts, RequestCompliance } from '../compliance-types.js';
import { monthlyRateChart } from './chart.js';
import { chineseDate, escapeHtml as e, formatRate } from './format.js';
import type { YearlyReportData } from './gather.js';
import { CHANNEL_NAMES, DOMAIN_NAMES } from './labels.js';
import { REPORT_CSS } from './style.js';

/** The columns of every figure table, in the order a reader meets them. */
const COUNT_COLUMNS: [keyof ComplianceCounts, string][] = [
  ['formed', '形成或变更'],
  ['publishedOnTime', '按时公开'],
  ['publishedLate', '逾期公开'],
  ['pendingWithinLimit', '期限内待公开'],
  ['pendingOverdue', '逾期未公开'],
  ['retracted', '撤回'],
  ['revised', '变更'],
  ['exempt', '免予公开'],
  ['onTimeRate', '按时公开率'],
];

const REQUEST_COLUMNS: [keyof RequestCompliance, string][] = [
  ['received', '收到申请'],
  ['answeredOnTime', '按期答复'],
  ['answeredLate', '逾期答复'],
  ['pendingWithinLimit', '期限内待答复'],
  ['pendingOverdue', '逾期未答复'],
  ['extended', '延期答复'],
  ['onTimeRate', '按期答复率'],
];

/**
 * Nothing may load from elsewhere: a page a department republishes must stand
 * alone. (The empty data: icon keeps browsers from asking for /favicon.ico.)
 */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

function reportTitle(data: Pick<YearlyReportData, 'department' | 'year'>): string {
  return `${data.department.name} ${data.year}年公共资源配置领域政府信息公开工作年度报告`;
}

/**
 * The yearly report (年度报告) as one self-contained HTML page in Chinese:
 * inline CSS and SVG, no script, no font, image or link that loads anything.
 * Pure: the same data always gives the same page.
 */
export function renderYearlyReport(data: YearlyReportData): string {
  const { annual, department, year } = data;
  const title = reportTitle(data);
  const t = annual.totals;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${e(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main class="report">
<header>
<h1>${e(title)}</h1>
<dl class="meta">
<div><dt>公开主体</dt><dd data-department="${e(department.code)}">${e(department.name)}（${e(department.shortName)}）</dd></div>
<div><dt>统计期间</dt><dd>${chineseDate(annual.period.from)}至${chineseDate(annual.period.to)}</dd></div>
<div><dt>数据截至</dt><dd>${chineseDate(data.asOf)}（北京时间）</dd></div>
</dl>
</header>

<section id="totals">
<h2>一、总体情况</h2>
<p>${e(year)}年，${e(department.shortName)}形成或变更公共资源配置领域政府信息${t.formed}条，其中按时公开${t.publishedOnTime}条，逾期公开${t.publishedLate}条，期限内待公开${t.pendingWithinLimit}条，逾期未公开${t.pendingOverdue}条；撤回${t.retracted}条，变更${t.revised}条，依法免予公开${t.exempt}条。全年按时公开率${formatRate(t.onTimeRate)}。</p>
${countsTable([{ label: '全年', counts: t, attrs: 'data-row="totals"' }], '项目')}
</section>

<section id="monthly">
<h2>二、按月公开情况（每月自查）</h2>
<figure>
${monthlyRateChart(
  data.months.map((m, i) => ({ month: i + 1, rate: m.totals.onTimeRate })),
  t.onTimeRate,
  `${year}年各月按时公开率`,
)}
<figcaption>${e(year)}年各月按时公开率（虚线为全年按时公开率；“—”表示当月无到期应公开信息）</figcaption>
</figure>
${countsTable(
  data.months.map((m, i) => ({ label: `${i + 1}月`, counts: m.totals, attrs: `data-month="${i + 1}"` })),
  '月份',
)}
</section>

<section id="categories">
<h2>三、分类公开情况</h2>
${annual.byCategory.length === 0 ? '<p>本年度无形成或变更的信息。</p>' : categoryTable(annual.byCategory)}
</section>

<section id="channels">
<h2>四、公开渠道</h2>
${
  annual.channels.length === 0
    ? '<p>本年度无通过各渠道公开的信息。</p>'
    : `<table class="narrow">
<thead><tr><th scope="col">公开渠道</th><th scope="col">公开信息（条）</th></tr></thead>
<tbody>
${annual.channels.map((c) => `<tr data-channel="${e(c.channel)}"><th scope="row">${e(CHANNEL_NAMES[c.channel])}</th><td>${c.records}</td></tr>`).join('\n')}
</tbody>
</table>`
}
</section>

<section id="gaps">
<h2>五、查漏补缺</h2>
${
  annual.gaps.length === 0
    ? '<p>主动公开目录清单所列事项，本年度均有信息形成。</p>'
    : `<p>以下${annual.gaps.length}项主动公开目录清单事项本年度没有信息，请核查是否存在应公开未公开的情况：</p>
<ul class="gaps">
${annual.gaps.map((g) => `<li data-gap="${e(`${g.domain}.${g.category}`)}">${e(DOMAIN_NAMES[g.domain])} · ${e(g.name)}</li>`).join('\n')}
</ul>`
}
</section>

<section id="requests">
<h2>六、依申请公开情况</h2>
<table>
<thead><tr>${REQUEST_COLUMNS.map(([, label]) => `<th scope="col">${label}</th>`).join('')}</tr></thead>
<tbody><tr data-row="requests">${REQUEST_COLUMNS.map(
    ([key]) =>
      `<td data-figure="${key}">${key === 'onTimeRate' ? formatRate(annual.requests.onTimeRate) : annual.requests[key]}</td>`,
  ).join('')}</tr></tbody>
</table>
</section>

<section id="notes">
<h2>七、说明</h2>
<ol>
<li>统计对象为${e(department.name)}作为公开主体、信息形成或变更日期在本年度内的公共资源配置领域政府信息（青政办〔2018〕25号）。</li>
<li>公开期限按主动公开目录清单所列时限以工作日计算（依国务院办公厅公布的节假日安排，含调休），期间开始之日不计算在内；法律法规另有规定的从其规定。信息变更的，自变更之日起重新计算。</li>
<li>按时公开率 = 按时公开 ÷（按时公开 + 逾期公开 + 逾期未公开）；无到期应公开信息的期间不计算比率。依法免予公开的信息不计入时效统计；撤回的信息按其公开时效计入，并单列。</li>
<li>依申请公开的答复期限为收到申请之日起20个工作日，经批准可延长一次，延长期限不超过20个工作日。</li>
</ol>
</section>
<footer>本报告由公开（Gongkai）政府信息公开监督系统根据公开记录自动生成。</footer>
</main>
</body>
</html>
`;
}

interface CountsRow {
  label: string;
  counts: ComplianceCounts;
  attrs: string;
}

const headerCells = (labels: string[]) => labels.map((label) => `<th scope="col">${e(label)}</th>`).join('');

/** A late or overdue figure above zero is what the reader must see first. */
function figureCells(counts: ComplianceCounts): string {
  return COUNT_COLUMNS.map(([key]) => {
    if (key === 'onTimeRate') return `<td data-figure="${key}">${formatRate(counts.onTimeRate)}</td>`;
    const value = counts[key] as number;
    const alert = (key === 'publishedLate' || key === 'pendingOverdue') && value > 0;
    return `<td data-figure="${key}"${alert ? ' class="alert"' : ''}>${value}</td>`;
  }).join('');
}

function countsTable(rows: CountsRow[], firstHeader: string): string {
  return `<table>
<thead><tr>${headerCells([firstHeader, ...COUNT_COLUMNS.map(([, label]) => label)])}</tr></thead>
<tbody>
${rows.map((row) => `<tr ${row.attrs}><th scope="row">${e(row.label)}</th>${figureCells(row.counts)}</tr>`).join('\n')}
</tbody>
</table>`;
}

/** By category, the domain named once for its categories (rowspan), in the plan's domain order. */
function categoryTable(unordered: CategoryCompliance[]): string {
  const domainOrder = Object.values(Domain);
  const categories = [...unordered].sort((a, b) => domainOrder.indexOf(a.domain) - domainOrder.indexOf(b.domain));
  const rows: string[] = [];
  categories.forEach((c, i) => {
    const first = i === 0 || categories[i - 1]!.domain !== c.domain;
    const span = categories.filter((other) => other.domain === c.domain).length;
    const domainCell = first ? `<th scope="rowgroup" rowspan="${span}" class="domain">${e(DOMAIN_NAMES[c.domain])}</th>` : '';
    rows.push(
      `<tr data-category="${e(`${c.domain}.${c.category}`)}">${domainCell}<th scope="row">${e(c.name)}</th>${figureCells(c)}</tr>`,
    );
  });
  return `<table class="categories">
<thead><tr>${headerCells(['领域', '公开事项', ...COUNT_COLUMNS.map(([, label]) => label)])}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}
