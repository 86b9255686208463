import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { businessDateOf } from '../../src-shared/dates';
import { CLI_TEST_TIMEOUT_MS, ebill } from '../helpers/cli';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const PASSWORD = 'demo1234\n';
const as = (user: string) => ['--user', user, '--password-stdin'];

describe('ebill book|outage', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('main flow: register and assign a book, log an outage with its written leaves, key a paper receipt, report the day as PDF', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ebill-books-cli-'));
    dirs.push(dir);
    const run = (args: readonly string[], stdin = PASSWORD) => ebill(['--data-dir', join(dir, 'data'), '--json', ...args], stdin);
    const today = businessDateOf(Date.now());
    expect(run(['demo'], '').status).toBe(0);
    expect(run(['book', 'register', '--book', 'P70-001', '--first', '1', '--last', '50', '--fiscal-year', '2570', ...as('finance')]).json).toMatchObject({ ok: true, bookNo: 'P70-001' });
    expect(run(['book', 'assign', '--book', 'P70-001', '--office', ...as('operator')])).toMatchObject({ status: 3, json: { error: { code: 'FORBIDDEN' } } });
    expect(run(['book', 'assign', '--book', 'P70-001', '--office', ...as('finance')]).json).toMatchObject({ ok: true, holderKind: 'office' });

    const startedAt = `${new Date(Date.now() - 3_600_000).toISOString().slice(0, 19)}Z`;
    const started = run(['outage', 'start', '--cause', 'ไฟฟ้าดับ', '--at', startedAt, ...as('operator')]);
    expect(started.status, started.stdout + started.stderr).toBe(0);
    const outageId = String(started.json['outageId']);
    const ended = run(['outage', 'end', '--outage', outageId, '--leaves', `P70-001:1-2@${today}`, ...as('operator')]);
    expect(ended.json).toMatchObject({ ok: true, rangeIds: [expect.any(String)] });

    const key = ['book', 'key', '--outage', outageId, '--book', 'P70-001', '--leaf', '1', '--date', today, '--payer', 'นายสมหมาย ทดสอบ', '--revenue-code', '804001', '--method', 'cash'];
    expect(run([...key, '--amount-satang', '1500.00', ...as('operator')])).toMatchObject({ status: 3, json: { error: { code: 'MONEY_NOT_INTEGER' } } });
    const keyed = run([...key, '--amount-satang', '150000', ...as('operator')]);
    expect(keyed.json).toMatchObject({ ok: true, receiptBook: 'P70-001', receiptNo: 1, businessDate: today, amountSatang: 150_000 });
    expect(run([...key, '--amount-satang', '150000', ...as('operator')])).toMatchObject({ status: 3, json: { error: { code: 'LEAF_ALREADY_KEYED' } } });
    expect(run(['book', 'key', '--book', 'P70-001', ...as('operator')])).toMatchObject({ status: 2, json: { error: { code: 'USAGE' } } });

    const pdf = join(dir, 'manual.pdf');
    const report = run(['outage', 'report', '--date', today, '--pdf', pdf, ...as('head')]);
    expect(report.json, report.stderr).toMatchObject({ ok: true, file: pdf, pages: 1, rows: 1, totalSatang: 150_000, unkeyedLeaves: 1 });
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain('P70-001/1');
    expect(run(['book', 'list', ...as('auditor')]).json).toMatchObject({ ok: true, books: [{ bookNo: 'P70-001', counts: { unused: 49, issued: 1 } }] });
    expect(run(['ledger', 'verify'], '').json).toMatchObject({ ok: true });
  });

  it('demo --with-paper-books: two books (office, officer), yesterday\'s outage with its keyed leaf, a field order; the demo output keeps its cli.md fields', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ebill-books-demo-'));
    dirs.push(dir);
    const run = (args: readonly string[], stdin = PASSWORD) => ebill(['--data-dir', join(dir, 'data'), '--json', ...args], stdin);
    const today = businessDateOf(Date.now());
    const yesterday = businessDateOf(Date.now() - 86_400_000);
    const demo = run(['demo', '--with-paper-books'], '');
    expect(demo.status, demo.stderr).toBe(0);
    expect(demo.json).toMatchObject({ ok: true, place: '5401', terminalSlot: 1, users: expect.arrayContaining([expect.objectContaining({ username: 'head' })]) as unknown, paperBooks: { books: ['P70-0001', 'P70-0002'], paperReceipt: 'P70-0001/1' } });
    const books = run(['book', 'list', ...as('auditor')]).json['books'];
    expect(books).toMatchObject([
      { bookNo: 'P70-0001', holder: { kind: 'office' }, counts: { unused: 49, issued: 1 } },
      { bookNo: 'P70-0002', holder: { kind: 'officer', username: 'operator' }, counts: { unused: 25, issued: 0 } },
    ]);
    const pdf = join(dir, 'manual.pdf');
    expect(run(['outage', 'report', '--date', yesterday, '--pdf', pdf, ...as('head')]).json).toMatchObject({ ok: true, rows: 1, totalSatang: 50_000, unkeyedLeaves: 0 });
    expect(run(['field', 'overdue', '--as-of', today, ...as('head')]).json).toMatchObject({ ok: true, orders: [] });
    const later = run(['field', 'overdue', '--as-of', '2999-12-31', ...as('head')]).json['orders'];
    expect(later).toMatchObject([{ orderNo: '1/2570', officerUsername: 'operator', fromDate: today, leavesTaken: [{ bookNo: 'P70-0002', firstLeaf: 1, lastLeaf: 10 }], isHandedOver: false }]);
    // A laptop order: no paper leaves, this terminal taken (slot 1); a second one on the same days is refused.
    const laptop = ['field', 'order', '--officer', 'operator', '--place', 'ตำบลทุ่งโฮ้ง', '--from', today, '--to', today, '--takes-this-terminal'];
    expect(run([...laptop, '--order-no', '2/2570', ...as('head')]).json).toMatchObject({ ok: true, terminalSlot: 1 });
    expect(run([...laptop, '--order-no', '3/2570', ...as('head')])).toMatchObject({ status: 3, json: { error: { code: 'FIELD_TERMINAL_TAKEN' } } });
    expect(run(['ledger', 'verify'], '').json).toMatchObject({ ok: true });
    // A plain demo stays empty (cli.md): no books.
    expect(run(['demo'], '').status).toBe(0);
    expect(run(['book', 'list', ...as('auditor')]).json).toMatchObject({ ok: true, books: [] });
  });
});
