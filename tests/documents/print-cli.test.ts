import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT_MS, ebill } from '../helpers/cli';
import { pdfText } from './pdf-tools';

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
});
