import { documentHtml, esc, PAGE_SIZES, type DocumentHtml } from './html';
import { formatters, sampleMarkText, watermark } from './marks';
import type { RequestFormData } from './model';

const REQUEST_CSS = `
.page{padding:14mm 16mm}
.top{display:flex;justify-content:space-between;align-items:flex-start}
.top .no{text-align:right}
.agency{text-align:center;font-weight:700;font-size:12.5pt;margin:1mm 0 5mm}
.to{margin-bottom:3mm}
.section{margin-top:4mm}
.section h2{font-size:12pt;border-bottom:0.3mm solid #000;margin-bottom:1.5mm}
.amount{font-size:13pt;font-weight:700}
.manual{border:0.4mm solid #000;padding:1mm 3mm;margin-top:2mm;font-weight:700}
.declaration{margin-top:5mm;text-indent:12mm}
`;

/**
 * คำร้อง (domain.md §4 step 1): the request as recorded, printed for the payer to check and sign
 * before paying; Ref1/Ref2 so that the slip and the receipt can be matched to it.
 */
export function renderRequestForm(data: RequestFormData): DocumentHtml {
  const f = formatters(data.office);
  const sample = sampleMarkText(data.office);
  const fine =
    data.lawNameTh === null
      ? ''
      : `<dt>ตามกฎหมาย</dt><dd>${esc(data.lawNameTh)}</dd>
         <dt>คำสั่งปรับเป็นพินัยเลขที่</dt><dd>${data.fineOrderNo === null ? '-' : esc(f.num(data.fineOrderNo))}</dd>`;
  const instalment = data.instalmentNo === null ? '' : `<dt>งวดที่</dt><dd>${esc(f.num(data.instalmentNo))}</dd>`;
  const body = `
  <div class="page mark-zone">
    ${watermark([sample])}
    <div class="top"><span class="small">แบบคำร้องขอชำระเงิน</span><div class="no">เลขที่คำร้อง <b class="mono">${esc(f.num(data.requestNo))}</b><br>วันที่ <b>${esc(f.date(data.businessDate))}</b></div></div>
    <h1>คำร้องขอชำระค่าธรรมเนียม / ค่าปรับเป็นพินัย</h1>
    <p class="agency">${esc(data.office.officeNameTh)} จังหวัด${esc(data.office.province)}</p>
    <p class="to">เรียน นายอำเภอ / ผู้มีอำนาจ</p>
    <div class="section"><h2>ผู้ยื่นคำร้อง (ผู้ชำระเงิน)</h2>
      <dl class="fields"><dt>ชื่อ - สกุล</dt><dd>${esc(data.payerName)}</dd>
        <dt>เลขประจำตัวประชาชน / นิติบุคคล</dt><dd class="mono">${data.payerId === null ? '-' : esc(f.num(data.payerId))}</dd></dl>
    </div>
    <div class="section"><h2>รายการที่ขอชำระ</h2>
      <dl class="fields">
        <dt>ประเภทรายได้</dt><dd>${esc(data.revenueNameTh)} (รหัส ${esc(f.num(data.revenueCode))})</dd>
        ${fine}${instalment}
        <dt>จำนวนเงิน</dt><dd><span class="amount">${esc(f.money(data.amountSatang))} บาท</span> (${esc(f.words(data.amountSatang))})</dd>
        <dt>ชำระภายในวันที่</dt><dd>${esc(f.date(data.dueDate))}</dd>
        <dt>Ref.1</dt><dd class="mono">${esc(f.num(data.ref1))}</dd>
        <dt>Ref.2</dt><dd class="mono">${esc(f.num(data.ref2))}</dd>
      </dl>
      ${data.isManualFineEntry ? '<p class="manual">บันทึกด้วยมือ: ไม่ได้ดึงข้อมูลคำสั่งปรับจากระบบ (ให้ตรวจกับคำสั่งปรับฉบับจริง)</p>' : ''}
    </div>
    <p class="declaration">ข้าพเจ้าขอรับรองว่าข้อมูลข้างต้นถูกต้อง และประสงค์จะชำระเงินตามรายการดังกล่าว</p>
    <div class="signatures">
      <div class="signature"><div class="line"></div><div>(${esc(data.payerName)})</div><div>ผู้ยื่นคำร้อง</div></div>
      <div class="signature"><div class="line"></div><div>(${esc(data.operatorNameTh)})</div><div>ตำแหน่ง ${esc(data.operatorPositionTh)}</div><div>เจ้าหน้าที่ผู้รับคำร้อง</div></div>
    </div>
  </div>`;
  return documentHtml({ title: `คำร้อง ${data.requestNo}`, page: PAGE_SIZES.A4, css: REQUEST_CSS, body, kind: 'request-form' });
}
