import { formatThaiDateTime } from '../../src-shared/dates';
import type { ReceiptMethod } from '../../src-shared/domain/reasons';
import { documentHtml, esc, PAGE_SIZES, type DocumentHtml, type PaperSize } from './html';
import { formatters, sampleMarkText, watermark } from './marks';
import type { ReceiptCopies, ReceiptData } from './model';

export const METHOD_TH: Readonly<Record<ReceiptMethod, string>> = {
  cash: 'เงินสด',
  cheque: 'เช็ค',
  draft: 'ดราฟต์',
  'cashier-cheque': 'แคชเชียร์เช็ค',
  'bill-payment': 'ชำระผ่านธนาคาร (Bill Payment)',
};

const RECEIPT_CSS = `
.sheet{padding:10mm 12mm;display:flex;flex-direction:column}
.paper-A5 .sheet{padding:7mm 8mm}
.paper-A5{font-size:9.5pt}
.paper-A5 h1{font-size:14pt}
.head{display:flex;justify-content:space-between;align-items:flex-start;gap:4mm}
.book{text-align:right;white-space:nowrap}
.copy-label{display:inline-block;border:0.5mm solid #000;padding:0.5mm 3mm;font-weight:700;font-size:12pt;margin-bottom:1mm}
.agency{text-align:center;font-weight:700;font-size:12.5pt;margin-top:1mm}
.paper-A5 .agency{font-size:11pt}
.meta{margin:3mm 0 2mm}
.items{margin-top:2mm}
.items th{text-align:center;background:#f0f0f0;white-space:nowrap}
.items td.code{white-space:nowrap;text-align:center}
.items tr.total td{font-weight:700}
.words{font-weight:700}
.method{margin-top:2mm}
.status{margin-top:2mm;border:0.5mm solid #000;padding:1.5mm 3mm;font-weight:700}
.cancel-mark{position:absolute;inset:0;display:flex;align-items:center;justify-content:center;pointer-events:none;z-index:3;overflow:hidden}
.cancel-mark span{transform:rotate(-22deg);font-size:64pt;font-weight:700;color:rgba(0,0,0,0.28);border:2mm solid rgba(0,0,0,0.28);padding:0 10mm}
.paper-A5 .cancel-mark span{font-size:44pt}
.body-zone{flex:0 0 auto}
.signatures{margin-top:8mm}
.paper-A5 .signatures{margin-top:5mm}
.foot{margin-top:auto;font-size:8.5pt;color:#333;display:flex;justify-content:space-between}
.thermal .sheet{padding:3mm 4mm 6mm;font-size:9.5pt}
.thermal h1{font-size:13pt}
.thermal .agency{font-size:10.5pt}
.thermal .head{flex-direction:column;align-items:center;gap:1mm}
.thermal .book{text-align:center}
.thermal .items th,.thermal .items td{border:none;border-bottom:0.2mm dashed #000;padding:0.6mm 0.5mm}
.thermal .cancel-mark span{font-size:30pt;padding:0 4mm}
.thermal .watermark span{font-size:18pt;padding:0.5mm 3mm}
.thermal .signature{min-width:0;width:100%}
.thermal .foot{margin-top:3mm;flex-direction:column;align-items:center}
.roll-cut{border-top:0.4mm dashed #000;margin:2mm 0;text-align:center;font-size:8pt}
`;

type CopyLabel = { readonly text: string; readonly detail: string | null };

function copyLabels(data: ReceiptData, copies: ReceiptCopies): readonly CopyLabel[] {
  if (copies.kind === 'archive') {
    const f = formatters(data.office);
    const reprint = data.lastReprint;
    const detail = reprint === null ? 'ไม่เคยพิมพ์ซ้ำ' : `พิมพ์ซ้ำแล้ว ${f.num(reprint.copyNo)} ครั้ง ครั้งล่าสุดเมื่อ ${formatThaiDateTime(reprint.atMs, { digits: data.office.digits })}`;
    return [{ text: 'ฉบับจัดเก็บ', detail }];
  }
  if (copies.kind === 'reprint') {
    const f = formatters(data.office);
    return [{ text: `สำเนา-พิมพ์ซ้ำ ครั้งที่ ${f.num(copies.copyNo)}`, detail: `พิมพ์ซ้ำเมื่อ ${formatThaiDateTime(copies.atMs, { digits: data.office.digits })}` }];
  }
  return [
    { text: 'ต้นฉบับ', detail: null },
    { text: 'สำเนา', detail: null },
  ];
}

function methodLine(data: ReceiptData): string {
  const f = formatters(data.office);
  const method = METHOD_TH[data.method];
  if (data.instrument === null) return `ชำระโดย ${esc(method)}`;
  const i = data.instrument;
  const branch = i.branch === undefined ? '' : ` สาขา${esc(i.branch)}`;
  return `ชำระโดย ${esc(method)} ธนาคาร${esc(i.bankName)}${branch} เลขที่ ${esc(f.num(i.instrumentNo))} ลงวันที่ ${esc(f.date(i.instrumentDate))}`;
}

function receiptSheet(data: ReceiptData, label: CopyLabel, thermal: boolean): string {
  const f = formatters(data.office);
  const sample = sampleMarkText(data.office);
  const rows = data.lines
    .map(
      (line, i) =>
        `<tr><td class="center">${esc(f.num(i + 1))}</td><td class="code mono">${esc(f.num(line.revenueCode))}</td><td>${esc(line.nameTh)}</td><td class="num">${esc(f.money(line.amountSatang))}</td></tr>`,
    )
    .join('');
  const cancellation =
    data.cancellation === null
      ? ''
      : `<div class="status">ยกเลิก เมื่อวันที่ ${esc(f.date(data.cancellation.businessDate))} เหตุผล: ${esc(data.cancellation.reasonTh)}${
          data.cancellation.reasonText === '' ? '' : ` (${esc(data.cancellation.reasonText)})`
        }</div>`;
  const cancelMark = data.cancellation === null ? '' : '<div class="cancel-mark" aria-hidden="true"><span>ยกเลิก</span></div>';
  const headerCells = thermal ? '<th>รายการ</th><th class="num">บาท</th>' : '<th>ลำดับ</th><th>รหัสรายได้</th><th>รายการ</th><th class="num">จำนวนเงิน (บาท)</th>';
  const itemRows = thermal
    ? data.lines.map((line) => `<tr><td>${esc(line.nameTh)}<br><span class="small mono">รหัส ${esc(f.num(line.revenueCode))}</span></td><td class="num">${esc(f.money(line.amountSatang))}</td></tr>`).join('')
    : rows;
  const span = thermal ? 1 : 3;
  return `
  <div class="sheet mark-zone">
    ${watermark([sample])}
    ${cancelMark}
    <div class="head">
      <div><span class="copy-label">${esc(label.text)}</span>${label.detail === null ? '' : `<div class="small">${esc(label.detail)}</div>`}</div>
      <div class="book">เล่มที่ <b class="mono">${esc(f.num(data.book))}</b><br>เลขที่ <b class="mono">${esc(f.num(data.number))}</b></div>
    </div>
    <h1>ใบเสร็จรับเงิน</h1>
    <p class="agency">${esc(data.office.officeNameTh)} จังหวัด${esc(data.office.province)}</p>
    <div class="body-zone">
      <dl class="fields meta">
        <dt>วันที่</dt><dd>${esc(f.date(data.businessDate))} เวลา ${esc(formatThaiDateTime(data.issuedAtMs, { digits: data.office.digits }).split(' เวลา ')[1] ?? '')} น.</dd>
        <dt>ได้รับเงินจาก</dt><dd>${esc(data.payerName)}</dd>
        ${data.ref1 === null ? '' : `<dt>Ref.1</dt><dd class="mono">${esc(f.num(data.ref1))}</dd>`}
      </dl>
      <table class="items">
        <thead><tr>${headerCells}</tr></thead>
        <tbody>${itemRows}
          <tr class="total"><td colspan="${span}" class="right">รวมเงิน</td><td class="num">${esc(f.money(data.totalSatang))}</td></tr>
          <tr><td colspan="${span + 1}">จำนวนเงิน (ตัวอักษร) <span class="words">${esc(f.words(data.totalSatang))}</span></td></tr>
        </tbody>
      </table>
      <p class="method">${methodLine(data)}</p>
      ${cancellation}
      <div class="signatures">
        <div class="signature"><div class="line"></div>
          <div>(${esc(data.receiverNameTh)})</div><div>ตำแหน่ง ${esc(data.receiverPositionTh)}</div><div>ผู้รับเงิน</div>
        </div>
      </div>
    </div>
    <div class="foot"><span>ใบเสร็จรับเงินนี้ออกโดยระบบรับชำระเงิน ณ ที่ทำการปกครอง</span><span>${esc(label.text)}</span></div>
  </div>`;
}

/**
 * ใบเสร็จรับเงิน on A4, A5 or an 80 mm roll. One print carries ต้นฉบับ and สำเนา (one page each; on
 * a roll one after the other with a cut line), or one สำเนา-พิมพ์ซ้ำ numbered as its ledger event.
 * A cancelled receipt is marked ยกเลิก with the reason on every copy.
 */
export function renderReceipt(data: ReceiptData, options: { paper: PaperSize; copies: ReceiptCopies }): DocumentHtml {
  return documentHtml({ title: `ใบเสร็จรับเงิน ${data.book}/${data.number}`, page: PAGE_SIZES[options.paper], css: RECEIPT_CSS, body: receiptPages(data, options), kind: 'receipt' });
}

function receiptPages(data: ReceiptData, options: { paper: PaperSize; copies: ReceiptCopies }): string {
  const thermal = options.paper === 'thermal-80';
  const sheets = copyLabels(data, options.copies).map((label) => receiptSheet(data, label, thermal));
  return thermal
    ? `<div class="page thermal">${sheets.join('<div class="roll-cut">ตัด</div>')}</div>`
    : sheets.map((sheet) => `<div class="page paper-${options.paper}" style="display:flex;flex-direction:column">${sheet.replace('class="sheet', 'style="flex:1" class="sheet')}</div>`).join('');
}

/**
 * Every receipt of a business date in one A4 document, one ฉบับจัดเก็บ page each, each as it stands
 * now (ยกเลิก, reprint count): the day's archive (archive.ts, `ebill print day`).
 */
export function renderReceiptDay(receipts: readonly ReceiptData[], businessDate: string): DocumentHtml {
  const body = receipts.map((data) => receiptPages(data, { paper: 'A4', copies: { kind: 'archive' } })).join('');
  return documentHtml({ title: `ใบเสร็จรับเงิน ประจำวันที่ ${businessDate}`, page: PAGE_SIZES.A4, css: RECEIPT_CSS, body, kind: 'receipt-day' });
}

/** What the archive rendering of `print receipt` shows: the newest reprint if there was one. */
export function archiveCopies(data: ReceiptData): ReceiptCopies {
  return data.lastReprint === null ? { kind: 'original-and-copy' } : { kind: 'reprint', copyNo: data.lastReprint.copyNo, atMs: data.lastReprint.atMs };
}
