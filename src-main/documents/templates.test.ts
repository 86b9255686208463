import { describe, expect, it } from 'vitest';
import { OFFICE, RECEIPT, SLIP } from '../../tests/documents/fixtures';
import { renderBillSlip } from './bill-slip';
import { esc } from './html';
import { BARCODE_MAX_WIDTH_MM, BARCODE_MODULE_MM, barcodeImage } from './payment-codes';
import { renderReceipt } from './receipt';

describe('templates', () => {
  it('escapes every value that comes from data', async () => {
    expect(esc(`<b>"a" & 'b'</b>`)).toBe('&lt;b&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/b&gt;');
    const slip = await renderBillSlip({ ...SLIP, payerName: '<script>alert(1)</script>' });
    expect(slip.html).not.toContain('<script>');
    expect(slip.html).toContain('&lt;script&gt;');
  });

  it('loads nothing from outside: a CSP that allows only inline styles and data: fonts and images', async () => {
    const slip = await renderBillSlip(SLIP);
    expect(slip.html).toContain("default-src 'none'");
    expect(slip.html).not.toMatch(/(src|href)=["']?(https?:|file:|\/\/)/);
    expect(slip.html).toContain('url(data:font/woff2;base64,');
  });

  it('draws the barcode at 0.3 mm per module, within the slip, with the human-readable line spaced where the CRs are', () => {
    const image = barcodeImage(SLIP.barcodeText);
    expect(image.widthMm).toBeLessThanOrEqual(BARCODE_MAX_WIDTH_MM);
    expect(image.widthMm).toBeGreaterThan(100 * BARCODE_MODULE_MM);
    expect(image.humanReadable).toBe('|099999999999990 100540169100001 001540180400129 150000');
  });

  it('marks training and demo documents, and only those', async () => {
    expect((await renderBillSlip(SLIP)).html).not.toContain('ตัวอย่าง');
    expect((await renderBillSlip({ ...SLIP, office: { ...OFFICE, sample: 'training' } })).html).toContain('ตัวอย่าง / TRAINING');
    expect(renderReceipt({ ...RECEIPT, office: { ...OFFICE, sample: 'demo' } }, { paper: 'A4', copies: { kind: 'original-and-copy' } }).html).toContain('ตัวอย่าง / DEMO');
  });

  it('writes Thai digits when the office chooses them', () => {
    const html = renderReceipt({ ...RECEIPT, office: { ...OFFICE, digits: 'thai' } }, { paper: 'A5', copies: { kind: 'original-and-copy' } }).html;
    expect(html).toContain('๑,๕๐๐.๐๐');
    expect(html).toContain('๒๕๖๙');
  });
});
