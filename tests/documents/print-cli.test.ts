import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT_MS, ebill } from '../helpers/cli';
import { pdfPageCount, pdfPageText, pdfText } from './pdf-tools';

/** cli.md `print bill|request|receipt … --pdf F` through the real bin: `{ok, file, pages}` and exit codes. */
let dir: string;
const run = (args: readonly string[], stdin = '') => ebill(['--data-dir', dir, '--json', ...args], stdin);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ebill-cli-print-'));
  expect(run(['demo']).status).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ebill print', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('renders a slip, a request form and a receipt to PDF files; bad input is a usage error, an unknown record NOT_FOUND, and no file appears', () => {
    const requestFile = join(dir, 'request.json');
    writeFileSync(requestFile, JSON.stringify({ payerName: 'นายสมหมาย ทดสอบ', payerId: '1101700230708', revenueCode: '804001', amountSatang: 150000 }));
    const created = run(['request', 'create', '--file', requestFile, '--user', 'operator', '--password-stdin'], 'demo1234\n');
    const ref1 = String(created.json['ref1']);

    const slip = run(['print', 'bill', '--ref1', ref1, '--pdf', join(dir, 'slip.pdf')]);
    expect(slip.json).toEqual({ ok: true, file: join(dir, 'slip.pdf'), pages: 1 });
    expect(pdfText(join(dir, 'slip.pdf'))).toContain(ref1);
    expect(pdfText(join(dir, 'slip.pdf')).replace(/\s/g, '')).toContain('OMED');

    expect(run(['print', 'request', '--ref1', ref1, '--pdf', join(dir, 'request.pdf')]).json).toMatchObject({ ok: true, pages: 1 });

    const issued = run(['receipt', 'issue', '--ref1', ref1, '--method', 'cash', '--user', 'operator', '--password-stdin'], 'demo1234\n');
    const book = String(issued.json['receiptBook']);
    const receipt = run(['print', 'receipt', '--book', book, '--no', '1', '--pdf', join(dir, 'receipt.pdf')]);
    expect(receipt.json).toMatchObject({ ok: true, pages: 2 });
    // Archive rendering is not a print event: the receipt can still be printed once as the original.
    expect(run(['ledger', 'verify']).json).toMatchObject({ ok: true });

    const cancelled = run(['receipt', 'cancel', '--book', book, '--no', '1', '--reason', 'ออกซ้ำ', '--reason-code', 'duplicate', '--supervisor', 'supervisor', '--password-stdin'], 'demo1234\n');
    expect(cancelled.status, cancelled.stdout).toBe(0);
    expect(run(['print', 'receipt', '--book', book, '--no', '1', '--paper', 'A5', '--pdf', join(dir, 'cancelled.pdf')]).json).toMatchObject({ ok: true, pages: 2 });
    expect(pdfText(join(dir, 'cancelled.pdf'))).toContain('เหตุผล: ออกซ้ำ');

    const usage = run(['print', 'bill', '--ref1', '12345', '--pdf', join(dir, 'bad.pdf')]);
    expect(usage.status).toBe(2);
    expect(usage.json).toMatchObject({ ok: false, error: { code: 'USAGE' } });
    expect(run(['print', 'receipt', '--book', book, '--no', '1', '--paper', 'A3', '--pdf', join(dir, 'bad.pdf')]).status).toBe(2);
    const missing = run(['print', 'receipt', '--book', book, '--no', '999', '--pdf', join(dir, 'bad.pdf')]);
    expect(missing.status).toBe(3);
    expect(missing.json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(existsSync(join(dir, 'bad.pdf'))).toBe(false);
  });

  it('print day: every receipt of the business date in one PDF, one page each, marked as it stands now', () => {
    const requestFile = join(dir, 'day-request.json');
    writeFileSync(requestFile, JSON.stringify({ payerName: 'นางสมศรี ใจดี', revenueCode: '804001', amountSatang: 50000 }));
    const issued: { book: string; no: number; date: string }[] = [];
    for (let i = 0; i < 3; i += 1) {
      const ref1 = String(run(['request', 'create', '--file', requestFile, '--user', 'operator', '--password-stdin'], 'demo1234\n').json['ref1']);
      const receipt = run(['receipt', 'issue', '--ref1', ref1, '--method', 'cash', '--user', 'operator', '--password-stdin'], 'demo1234\n').json;
      issued.push({ book: String(receipt['receiptBook']), no: Number(receipt['receiptNo']), date: String(receipt['businessDate']) });
    }
    const [first, second] = issued;
    const date = first?.date ?? '';
    const reprint = run(['receipt', 'reprint', '--book', second?.book ?? '', '--no', String(second?.no), '--reason', 'ผู้ชำระทำหาย', '--reason-code', 'payer-lost', '--supervisor', 'supervisor', '--password-stdin'], 'demo1234\n');
    expect(reprint.status, reprint.stdout).toBe(0);

    const file = join(dir, 'day.pdf');
    const day = run(['print', 'day', '--date', date, '--pdf', file]);
    // The first test's receipt (no. 1, cancelled) was issued on the same day: four receipts in all.
    expect(day.json).toEqual({ ok: true, file, pages: 4, receipts: 4 });
    expect(pdfPageCount(file)).toBe(4);
    const pages = [1, 2, 3, 4].map((page) => pdfPageText(file, page));
    expect(pages[0]).toContain('เลขที่ 1 ');
    expect(pages[0]).toContain('ยกเลิก');
    issued.forEach((receipt, i) => {
      expect(pages[i + 1]).toContain(receipt.book);
      expect(pages[i + 1]).toContain(`เลขที่ ${receipt.no} `);
      expect(pages[i + 1]).toContain('ฉบับจัดเก็บ');
    });
    expect(pages[2]).toContain('พิมพ์ซ้ำแล้ว 1 ครั้ง');
    expect(pages[1]).toContain('ไม่เคยพิมพ์ซ้ำ');
    expect(pages[1]).not.toContain('ยกเลิก');

    expect(run(['print', 'day', '--date', '2001-01-01', '--pdf', join(dir, 'none.pdf')]).json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(run(['print', 'day', '--date', '23/11/2569', '--pdf', join(dir, 'none.pdf')]).status).toBe(2);
    expect(existsSync(join(dir, 'none.pdf'))).toBe(false);
  });
});
