import { fontFaceCss, DOCUMENT_FONT_FAMILY } from './fonts';

/** Paper a document is laid out for. Thermal pages are 80 mm wide and as tall as their content. */
export type PaperSize = 'A4' | 'A5' | 'thermal-80';
export const PAPER_SIZES = ['A4', 'A5', 'thermal-80'] as const satisfies readonly PaperSize[];

/** Page size in millimetres; `heightMm: null` = measured from the content (thermal roll). */
export interface PageSize {
  readonly widthMm: number;
  readonly heightMm: number | null;
}

export const PAGE_SIZES: Readonly<Record<PaperSize, PageSize>> = {
  A4: { widthMm: 210, heightMm: 297 },
  A5: { widthMm: 148, heightMm: 210 },
  'thermal-80': { widthMm: 80, heightMm: null },
};

/** A document ready for a renderer: the whole HTML (fonts inlined) and its page size. */
export interface DocumentHtml {
  readonly html: string;
  readonly page: PageSize;
  /** For file names and logs: `bill-slip`, `receipt`, … */
  readonly kind: string;
  /** Margin of every page, for documents that flow over pages (reports); 0 = the template pads its own `.page`. */
  readonly marginMm: number;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every value that comes from data goes through this before it reaches the HTML. */
export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Shared look of every document: the bundled font, black on white, sizes in mm/pt. */
const BASE_CSS = `
*{box-sizing:border-box;margin:0;padding:0}
html,body{background:#fff;color:#000;font-family:'${DOCUMENT_FONT_FAMILY}';font-size:11pt;line-height:1.35;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.page{position:relative;overflow:hidden;break-after:page;page-break-after:always}
.page:last-child{break-after:auto;page-break-after:auto}
h1{font-size:16pt;font-weight:700;text-align:center}
h2{font-size:13pt;font-weight:700}
b,strong,th{font-weight:700}
table{border-collapse:collapse;width:100%}
th,td{border:0.3mm solid #000;padding:1mm 1.5mm;vertical-align:top;text-align:left}
td.num,th.num{text-align:right;white-space:nowrap}
.muted{color:#333}
.small{font-size:9pt}
.center{text-align:center}
.right{text-align:right}
.nowrap{white-space:nowrap}
.mono{font-variant-numeric:tabular-nums;letter-spacing:0.2mm}
.fields{display:grid;grid-template-columns:auto 1fr;column-gap:3mm;row-gap:0.6mm}
.fields dt{white-space:nowrap}
.fields dd{font-weight:700}
.signatures{display:flex;justify-content:space-around;gap:8mm;margin-top:10mm}
.signature{text-align:center;min-width:60mm}
.signature .line{border-bottom:0.3mm dotted #000;height:9mm;margin-bottom:1mm}
.mark-zone{position:relative}
.watermark{position:absolute;inset:0;display:flex;align-items:center;justify-content:center;pointer-events:none;overflow:hidden;z-index:0}
.watermark span{transform:rotate(-18deg);font-size:34pt;font-weight:700;color:rgba(0,0,0,0.13);white-space:nowrap;border:1.2mm solid rgba(0,0,0,0.13);padding:1mm 6mm}
.mark-zone>*:not(.watermark):not(.cancel-mark){position:relative;z-index:1}
.code{position:relative;z-index:2;background:#fff}
`;

/** The full HTML of a document: `@page` size, fonts, base CSS, the document's own CSS and pages. */
export function documentHtml(options: { title: string; page: PageSize; css: string; body: string; kind: string; marginMm?: number }): DocumentHtml {
  const { widthMm, heightMm } = options.page;
  // A measured page is laid out on a tall sheet first; the renderer sets the real height.
  const margin = options.marginMm ?? 0;
  const pageRule = heightMm === null ? '@page{margin:0}' : `@page{size:${widthMm}mm ${heightMm}mm;margin:${margin}mm}`;
  const pageBox = heightMm === null ? `.page{width:${widthMm}mm}` : `.page{width:${widthMm - 2 * margin}mm;height:${heightMm - 2 * margin}mm}`;
  const html = `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>${esc(options.title)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">
<style>${fontFaceCss()}\n${pageRule}${BASE_CSS}${pageBox}${options.css}</style></head><body>${options.body}</body></html>`;
  return { html, page: options.page, kind: options.kind, marginMm: margin };
}
