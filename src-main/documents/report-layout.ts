import { formatThaiDateTime } from '../../src-shared/dates';
import { DOCUMENT_FONT_FAMILY } from './fonts';
import { documentHtml, esc, PAGE_SIZES, type DocumentHtml } from './html';
import { formatters, sampleMarkText, watermark } from './marks';
import type { ReportData } from './model';

const REPORT_CSS = `
.report{padding:0}
.report h1{margin-bottom:1mm}
.report .sub{text-align:center;margin-bottom:4mm}
.report thead{display:table-header-group}
.report tr{break-inside:avoid}
.report th{background:#f0f0f0;text-align:center}
.report tr.total td{font-weight:700}
.report .printed{font-size:9pt;margin-top:3mm}
`;

/**
 * The shared report layout (later issues' reports use it): title, office, period, one table whose
 * header repeats on every page, totals, signature lines. Values arrive already formatted, so each
 * report decides its own columns; the A4 page breaks are Chromium's.
 */
export function renderReport(data: ReportData): DocumentHtml {
  const f = formatters(data.office);
  const sample = sampleMarkText(data.office);
  const align = (a: 'left' | 'right' | 'center' | undefined): string => (a === 'right' ? 'num' : a === 'center' ? 'center' : '');
  const head = data.columns.map((c) => `<th>${esc(c.labelTh)}</th>`).join('');
  const rows = data.rows.map((row) => `<tr>${data.columns.map((c) => `<td class="${align(c.align)}">${esc(f.num(row[c.key] ?? ''))}</td>`).join('')}</tr>`).join('');
  const totals = data.totals
    .map((t) => `<tr class="total"><td colspan="${Math.max(1, data.columns.length - 1)}" class="right">${esc(t.labelTh)}</td><td class="num">${esc(f.num(t.value))}</td></tr>`)
    .join('');
  const period = data.period.from === data.period.to ? `ประจำวันที่ ${f.date(data.period.from)}` : `ระหว่างวันที่ ${f.date(data.period.from)} ถึง ${f.date(data.period.to)}`;
  const signatures = data.signatures
    .map((s) => `<div class="signature"><div class="line"></div><div>(${esc(s.nameTh ?? '')}${s.nameTh === undefined ? '&nbsp;'.repeat(40) : ''})</div><div>${esc(s.roleTh)}</div></div>`)
    .join('');
  const body = `
  <div class="report mark-zone">
    ${watermark([sample])}
    <h1>${esc(data.titleTh)}</h1>
    <p class="sub"><b>${esc(data.office.officeNameTh)}</b> จังหวัด${esc(data.office.province)}<br>${esc(period)}</p>
    <table><thead><tr>${head}</tr></thead><tbody>${rows}${totals}</tbody></table>
    <p class="printed">พิมพ์เมื่อ ${esc(formatThaiDateTime(data.printedAtMs, { digits: data.office.digits }))} · จำนวน ${esc(f.num(data.rows.length))} รายการ</p>
    <div class="signatures">${signatures}</div>
  </div>`;
  // Reports flow over as many A4 pages as they need: a `.page` would clip them to one.
  return documentHtml({ title: data.titleTh, page: PAGE_SIZES.A4, css: REPORT_CSS + pageNumberCss(data.office.digits), body, kind: 'report', marginMm: REPORT_MARGIN_MM });
}

/** Page margin of reports; the page number sits in the bottom one. */
export const REPORT_MARGIN_MM = 12;

/**
 * "หน้า 1/3" at the bottom right of every page: a CSS page-margin box (Chromium ≥ 131; Electron's
 * and Debian's both are), so the count is the renderer's own and the text uses the bundled font.
 * `thai` is the CSS counter style of Thai digits.
 */
function pageNumberCss(digits: 'arabic' | 'thai'): string {
  const style = digits === 'thai' ? ', thai' : '';
  return `@page{@bottom-right{content:"หน้า " counter(page${style}) "/" counter(pages${style});font-family:'${DOCUMENT_FONT_FAMILY}';font-size:9pt;vertical-align:middle}}`;
}
