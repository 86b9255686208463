import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRINT_LIMITS } from '../../src-shared/contract/print-requests';
import { RENDER_LIMITS } from '../../src-main/documents/renderer';
import { PRINT_SEND_TIMEOUT_MS } from '../../src-main/printing/adapters';
import { parseLpstat, printFolder } from '../../src-main/printing/print-platform';
import { snapshotBusinessTables } from '../helpers/office';
import { expectRefused, makeLedgerOffice, REQUEST, type LedgerOffice } from '../ledger/ledger-helpers';
import { pdfText } from '../documents/pdf-tools';

/** print.* through the host, as the counter UI calls it: the default platform prints PDF files into the data folder. */
let office: LedgerOffice;
const printed = (jobId: string): string => join(printFolder(office.dataDir), `${jobId}.pdf`);
const events = (receiptId: string, kind: string): number =>
  (office.host.services.database.sqlite.prepare('SELECT count(*) AS n FROM receipt_events WHERE receipt_id = ? AND kind = ?').get(receiptId, kind) as { n: number }).n;

/** Refused with `code`, and no table changed (ledger, print queue, settings). */
async function refusedUnchanged(...args: Parameters<typeof expectRefused>): Promise<string> {
  const before = snapshotBusinessTables(office);
  const message = await expectRefused(...args);
  expect(snapshotBusinessTables(office)).toBe(before);
  return message;
}

beforeAll(async () => {
  office = await makeLedgerOffice();
});
afterAll(() => office.close());

describe('print.* requests', { timeout: 120_000 }, () => {
  it('prints the original once through the queue, then refuses a second original; a copy needs an approved reprint', async () => {
    const { book, number } = await office.cashReceipt();
    const job = await office.as(office.operator, 'print.receiptOriginal', { book, number });
    expect(job).toMatchObject({ documentKind: 'receipt', purpose: 'original', state: 'sent', adapter: 'pdf-file', paper: 'A4', attempts: 1 });
    expect(events(job.receiptId ?? '', 'printed')).toBe(1);
    const text = pdfText(printed(job.id));
    expect(text).toContain('ต้นฉบับ');
    expect(text).toContain(`${number}`);
    expect((await office.as(office.operator, 'print.jobs', {})).jobs.map((j) => j.id)).toContain(job.id);
    expect(await office.as(office.operator, 'print.confirm', { jobId: job.id })).toMatchObject({ state: 'confirmed' });
    expect((await office.as(office.operator, 'print.jobs', {})).jobs.map((j) => j.id)).not.toContain(job.id);

    await refusedUnchanged(office, office.operator, 'print.receiptOriginal', { book, number }, 'ALREADY_PRINTED');
    await refusedUnchanged(office, office.operator, 'print.retry', { jobId: job.id }, 'ALREADY_PRINTED');
    await refusedUnchanged(office, office.operator, 'print.confirm', { jobId: job.id }, 'PRINT_JOB_STATE');
    expect(await refusedUnchanged(office, office.operator, 'print.reprintCopy', { book, number, copyNo: 1 }, 'NOT_FOUND')).toContain('receipt.reprint');

    const approved = await office.as(office.supervisor, 'receipt.reprint', { book, number, reasonCode: 'payer-lost', reasonText: 'ผู้ชำระทำใบเสร็จหาย' });
    const copy = await office.as(office.operator, 'print.reprintCopy', { book, number, copyNo: approved.copyNo });
    expect(copy).toMatchObject({ purpose: 'reprint', copyNo: 1, state: 'sent' });
    expect(pdfText(printed(copy.id))).toContain('สำเนา-พิมพ์ซ้ำ ครั้งที่ 1');
    // Asking again before confirming is the same copy (a retry), not a second one.
    expect(await office.as(office.operator, 'print.reprintCopy', { book, number, copyNo: 1 })).toMatchObject({ id: copy.id, attempts: 2 });
    await office.as(office.operator, 'print.confirm', { jobId: copy.id });
    await refusedUnchanged(office, office.operator, 'print.reprintCopy', { book, number, copyNo: 1 }, 'PRINT_JOB_STATE');
    await refusedUnchanged(office, office.operator, 'print.reprintCopy', { book, number, copyNo: 2 }, 'NOT_FOUND');
    expect(events(job.receiptId ?? '', 'printed')).toBe(1);
    expect(events(job.receiptId ?? '', 'reprinted')).toBe(1);
  });

  it('prints slips and request forms any number of times with no ledger entry; the operator may report a jam and retry', async () => {
    const request = await office.as(office.operator, 'request.create', REQUEST);
    const ledgerBefore = office.ledgerSnapshot();
    const slip = await office.as(office.operator, 'print.billSlip', { ref1: request.ref1 });
    const form = await office.as(office.operator, 'print.requestForm', { ref1: request.ref1 });
    expect([slip.documentKind, form.documentKind, slip.state, form.state]).toEqual(['bill-slip', 'request-form', 'sent', 'sent']);
    expect(pdfText(printed(slip.id))).toContain(request.ref2);
    expect(pdfText(printed(form.id))).toContain('คำร้อง');
    expect(await office.as(office.operator, 'print.reportFailed', { jobId: slip.id, reasonText: 'กระดาษติด' })).toMatchObject({ state: 'failed', lastError: 'reported by the operator: กระดาษติด' });
    expect(await office.as(office.operator, 'print.retry', { jobId: slip.id })).toMatchObject({ id: slip.id, state: 'sent', attempts: 2 });
    expect(office.ledgerSnapshot()).toBe(ledgerBefore);

    await refusedUnchanged(office, office.operator, 'print.billSlip', { ref1: '199999999999999' }, 'NOT_FOUND');
    await refusedUnchanged(office, office.operator, 'print.retry', { jobId: '01JD0000000000000000000000' }, 'NOT_FOUND');
    await office.as(office.operator, 'print.reportFailed', { jobId: form.id, reasonText: 'หมึกจาง' });
    // Only a sent job can be reported or confirmed: a failed one is retried first.
    await refusedUnchanged(office, office.operator, 'print.reportFailed', { jobId: form.id, reasonText: 'หมึกจาง' }, 'PRINT_JOB_STATE');
    await refusedUnchanged(office, office.operator, 'print.confirm', { jobId: form.id }, 'PRINT_JOB_STATE');
  });

  it('printer settings: admin only, a paper the layout does not have is refused; a missing printer fails the job with the reason and keeps it', async () => {
    await refusedUnchanged(office, office.operator, 'print.settings.set', { documentKind: 'receipt', adapter: 'lp', deviceName: null, paper: 'A5' }, 'FORBIDDEN');
    await refusedUnchanged(office, office.auditor, 'print.jobs', {}, 'FORBIDDEN');
    expect(await refusedUnchanged(office, office.admin, 'print.settings.set', { documentKind: 'bill-slip', adapter: 'pdf-file', deviceName: null, paper: 'A5' }, 'BAD_INPUT')).toContain(
      'bill-slip is printed on A4',
    );
    const defaults = await office.as(office.admin, 'print.settings.get', {});
    expect(defaults.settings.map((s) => [s.documentKind, s.adapter, s.paper])).toEqual([
      ['bill-slip', 'pdf-file', 'A4'],
      ['request-form', 'pdf-file', 'A4'],
      ['receipt', 'pdf-file', 'A4'],
    ]);

    const listed = await office.as(office.admin, 'print.printers', {});
    expect(listed.adapters).toContain('pdf-file');
    expect(Array.isArray(listed.printers)).toBe(true);

    // This test machine has no CUPS: an `lp` receipt printer is unavailable, and the job says so.
    expect(await office.as(office.admin, 'print.settings.set', { documentKind: 'receipt', adapter: 'lp', deviceName: 'EPSON-TM-T82', paper: 'thermal-80' })).toEqual({
      documentKind: 'receipt',
      adapter: 'lp',
      deviceName: 'EPSON-TM-T82',
      paper: 'thermal-80',
    });
    const { book, number } = await office.cashReceipt();
    const job = await office.as(office.operator, 'print.receiptOriginal', { book, number });
    expect(job).toMatchObject({ state: 'failed', adapter: 'lp', deviceName: 'EPSON-TM-T82', paper: 'thermal-80' });
    expect(job.lastError).toMatch(/^PRINTER_UNAVAILABLE: /);
    expect((await office.as(office.operator, 'print.jobs', {})).jobs.map((j) => j.id)).toContain(job.id);
    await refusedUnchanged(office, office.operator, 'print.testPage', { documentKind: 'receipt' }, 'PRINTER_UNAVAILABLE');
    await office.as(office.admin, 'print.settings.set', { documentKind: 'receipt', adapter: 'pdf-file', deviceName: null, paper: 'thermal-80' });
    expect(await office.as(office.operator, 'print.retry', { jobId: job.id })).toMatchObject({ state: 'failed' });
  });

  it('a test page prints the real template marked ตัวอย่าง / TEST, with no job and no ledger entry', async () => {
    await office.as(office.admin, 'print.settings.set', { documentKind: 'bill-slip', adapter: 'pdf-file', deviceName: null, paper: 'A4' });
    const before = snapshotBusinessTables(office);
    const page = await office.as(office.admin, 'print.testPage', { documentKind: 'bill-slip' });
    expect(page).toEqual({ documentKind: 'bill-slip', adapter: 'pdf-file', deviceName: null, paper: 'A4', pages: 1 });
    expect(snapshotBusinessTables(office)).toBe(before);
    const file = readdirSync(printFolder(office.dataDir)).find((f) => f.startsWith('test-page-'));
    expect(file).toBeDefined();
    expect(existsSync(join(printFolder(office.dataDir), file ?? ''))).toBe(true);
    // The mark is rotated: pdftotext reads it backwards ("T S E T / …"), as print-cli.test.ts reads DEMO.
    expect(pdfText(join(printFolder(office.dataDir), file ?? '')).replace(/\s/g, '')).toContain('TSET/');
  });
});

describe('Thai digits, an office option (design.md "Documents")', { timeout: 120_000 }, () => {
  it('an administrator switches the office to Thai digits and the next receipt prints them; the codes stay as they are', async () => {
    const { book, number } = await office.cashReceipt({ amountSatang: 123_456 });
    await refusedUnchanged(office, office.operator, 'office.setDocumentDigits', { digits: 'thai' }, 'FORBIDDEN');
    expect(await office.as(office.admin, 'office.setDocumentDigits', { digits: 'thai' })).toEqual({ digits: 'thai' });
    try {
      const job = await office.as(office.operator, 'print.receiptOriginal', { book, number });
      const text = pdfText(printed(job.id));
      expect(text).toContain('๑,๒๓๔.๕๖');
      expect(text).toContain(`เลขที่ ${String(number).replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)] ?? d)}`);
      expect(text).toMatch(/[๐-๙]{1,2} (มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม) ๒๕[๐-๙]{2}/);
      expect(text).not.toContain('1,234.56');
    } finally {
      await office.as(office.admin, 'office.setDocumentDigits', { digits: 'arabic' });
    }
    const sqlite = office.host.services.database.sqlite;
    expect(() => sqlite.prepare("UPDATE office SET document_digits = 'roman'").run()).toThrow(/arabic or thai/);
  });
});

describe('print limits and the printer list', () => {
  it('a print request may wait for Chromium to start, render and the spooler to accept', () => {
    expect(PRINT_LIMITS.printTimeoutMs).toBeGreaterThanOrEqual(RENDER_LIMITS.launchTimeoutMs + RENDER_LIMITS.renderTimeoutMs + PRINT_SEND_TIMEOUT_MS);
  });

  it('reads `lpstat -e` and `lpstat -d`, skipping lines that are not printer names', () => {
    expect(parseLpstat('HP_LaserJet\nEPSON_TM-T82\n\nHP_LaserJet\nbad name\n', 'system default destination: EPSON_TM-T82\n')).toEqual([
      { name: 'HP_LaserJet', isDefault: false },
      { name: 'EPSON_TM-T82', isDefault: true },
    ]);
    expect(parseLpstat('', 'no system default destination')).toEqual([]);
  });
});
