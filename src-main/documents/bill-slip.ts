import { documentHtml, esc, PAGE_SIZES, type DocumentHtml } from './html';
import { formatters, sampleMarkText, watermark } from './marks';
import type { BillSlipData } from './model';
import { barcodeBlock, qrBlock } from './payment-codes';

const SLIP_CSS = `
.page{padding:9mm 11mm}
.part{border:0.4mm solid #000;padding:3.5mm 4.5mm}
.part-title{display:flex;justify-content:space-between;align-items:baseline;border-bottom:0.3mm solid #000;padding-bottom:1.2mm;margin-bottom:2mm}
.part-title h2{font-size:14pt}
.agency{font-size:12pt;font-weight:700;margin-bottom:1mm}
.cut{margin:5mm 0;border-top:0.4mm dashed #000;text-align:center;font-size:9pt;line-height:0}
.cut span{background:#fff;padding:0 3mm;position:relative;top:-0.2mm}
.amount-box{border:0.4mm solid #000;padding:1.5mm 3mm;margin-top:2.5mm;display:flex;justify-content:space-between;align-items:baseline;gap:4mm}
.amount-box .figures{font-size:15pt;font-weight:700;white-space:nowrap}
.amount-box .words{font-weight:700}
.refs td{font-size:10.5pt;padding:0.6mm 1.5mm;white-space:nowrap}
.refs td:first-child{white-space:nowrap;width:1%}
.two-cols{display:grid;grid-template-columns:1fr auto;gap:4mm;align-items:start}
.bank-grid{display:grid;grid-template-columns:1fr auto;gap:4mm;align-items:start}
.qr-box{text-align:center;font-size:9pt}
.barcode-row{text-align:center;margin-top:2mm}
.note{font-size:9pt;margin-top:2mm}
`;

/**
 * ใบแจ้งการชำระเงิน (domain.md §3): A4, the payer's part on top and the bank's part under a cut
 * line; the bank's part carries the Code 128 barcode and the Thai QR with exactly the texts of
 * `bill show`, outside every mark zone.
 */
export async function renderBillSlip(data: BillSlipData): Promise<DocumentHtml> {
  const f = formatters(data.office);
  const sample = sampleMarkText(data.office);
  const amount = f.money(data.amountSatang);
  const words = f.words(data.amountSatang);
  const companyCode = data.companyCode ?? '-';
  const refRows = `
    <tr><td>รหัสบริษัท (Company Code)</td><td class="mono"><b>${esc(f.num(companyCode))}</b></td></tr>
    <tr><td>รหัสผู้เรียกเก็บ (Biller ID)</td><td class="mono"><b>${esc(f.num(data.billerId))}</b></td></tr>
    <tr><td>Ref.1 (รหัสอ้างอิง 1)</td><td class="mono"><b>${esc(f.num(data.ref1))}</b></td></tr>
    <tr><td>Ref.2 (รหัสอ้างอิง 2)</td><td class="mono"><b>${esc(f.num(data.ref2))}</b></td></tr>`;
  const details = `
    <dl class="fields">
      <dt>หน่วยงานผู้รับชำระ</dt><dd>${esc(data.office.officeNameTh)} (${esc(f.num(data.office.place))})</dd>
      <dt>วันที่</dt><dd>${esc(f.date(data.issueDate))}</dd>
      <dt>เลขที่คำร้อง</dt><dd class="mono">${esc(f.num(data.requestNo))}</dd>
      <dt>ชื่อผู้ชำระเงิน</dt><dd>${esc(data.payerName)}</dd>
      <dt>รายการ / ประเภทรายได้</dt><dd>${esc(data.revenueNameTh)} (รหัส ${esc(f.num(data.revenueCode))})</dd>
      <dt>ชำระภายในวันที่</dt><dd>${esc(f.date(data.dueDate))}</dd>
    </dl>`;
  const amountBox = `<div class="amount-box"><span>จำนวนเงิน</span><span class="words">(${esc(words)})</span><span class="figures">${esc(amount)} บาท</span></div>`;

  const payerPart = `
    <section class="part payer-part mark-zone">
      ${watermark([sample])}
      <div class="part-title"><h2>ใบแจ้งการชำระเงิน</h2><span>ส่วนที่ 1 สำหรับผู้ชำระเงิน</span></div>
      <p class="agency">${esc(data.office.officeNameTh)} จังหวัด${esc(data.office.province)}</p>
      <div class="two-cols">${details}<table class="refs">${refRows}</table></div>
      ${amountBox}
      <p class="note">ชำระได้ที่ธนาคารกรุงไทยทุกสาขา เครื่อง ATM อินเทอร์เน็ตแบงกิ้ง และแอปพลิเคชันธนาคารที่รับ Thai QR
      ค่าธรรมเนียมธนาคารเป็นไปตามที่ธนาคารกำหนด เมื่อชำระแล้วโปรดนำหลักฐานการชำระเงินมาขอรับใบเสร็จรับเงินที่${esc(data.office.officeNameTh)}</p>
    </section>`;

  const bankPart = `
    <section class="part bank-part">
      <div class="part-title"><h2>ใบนำฝากชำระเงิน (Bill Payment Pay-in Slip)</h2><span>ส่วนที่ 2 สำหรับธนาคาร</span></div>
      <div class="bank-grid">
        <div class="mark-zone">
          ${watermark([sample])}
          <p><b>ธนาคารกรุงไทย</b> เพื่อเข้าบัญชี ${esc(data.office.officeNameTh)} จังหวัด${esc(data.office.province)}</p>
          <dl class="fields" style="margin:1mm 0 2mm">
            <dt>ชื่อผู้ชำระเงิน</dt><dd>${esc(data.payerName)}</dd>
            <dt>วันที่ออกใบแจ้ง</dt><dd>${esc(f.date(data.issueDate))}</dd>
            <dt>ชำระภายในวันที่</dt><dd>${esc(f.date(data.dueDate))}</dd>
          </dl>
          <table class="refs">${refRows}</table>
        </div>
        <div class="qr-box">${await qrBlock(data.qrText)}<div>Thai QR Payment</div></div>
      </div>
      ${amountBox}
      <div class="barcode-row">${barcodeBlock(data.barcodeText)}</div>
      <p class="note center">สแกนบาร์โค้ดที่เคาน์เตอร์ธนาคาร · สแกน QR ด้วยแอปพลิเคชันธนาคาร · ผู้รับเงินโปรดตรวจสอบจำนวนเงินกับ Ref.1 / Ref.2</p>
    </section>`;

  const body = `<div class="page">${payerPart}<div class="cut"><span>ตัดตามรอยประ</span></div>${bankPart}</div>`;
  return documentHtml({ title: `ใบแจ้งการชำระเงิน ${data.ref1}`, page: PAGE_SIZES.A4, css: SLIP_CSS, body, kind: 'bill-slip' });
}
