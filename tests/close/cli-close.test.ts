import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT_MS, ebill } from '../helpers/cli';
import { pdfText } from '../documents/pdf-tools';

/**
 * cli.md `report NAME --date D [--to D] (--pdf F | --xlsx F) --user U --password-stdin` →
 * `{ok, file, rows, totalSatang}` and `day close --date D --counted-file F --user U --password-stdin` → `{ok}`,
 * through the real bin (system clock: today's Bangkok business date).
 */
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const PASSWORD = 'demo1234\n';
const ZERO = { '1000': 0, '500': 0, '100': 0, '50': 0, '20': 0, '10': 0, '5': 0, '2': 0, '1': 0, '0.50': 0, '0.25': 0 };
const bangkokDate = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);

describe('ebill report and ebill day close', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('renders a report with cli.md fields; closes a day; refuses unprinted originals (exit 3) and a bad counted file; usage exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ebill-close-cli-'));
    dirs.push(dir);
    const run = (args: readonly string[], stdin = '') => ebill(['--data-dir', join(dir, 'data'), '--json', ...args], stdin);
    expect(run(['demo']).status).toBe(0);
    const created = run(['request', 'create', '--file', '-', '--user', 'operator', '--password-stdin'], `${PASSWORD}{"payerName":"นายสมหมาย ทดสอบ","revenueCode":"804001","amountSatang":150050}`);
    const issued = run(['receipt', 'issue', '--ref1', String(created.json['ref1']), '--method', 'cash', '--user', 'operator', '--password-stdin'], PASSWORD);
    expect(issued.status, issued.stdout).toBe(0);
    const today = String(issued.json['businessDate']);

    const pdf = join(dir, 'register.pdf');
    const report = run(['report', 'receipt-register', '--date', today, '--pdf', pdf, '--user', 'auditor', '--password-stdin'], PASSWORD);
    expect(report.json).toMatchObject({ ok: true, file: pdf, rows: 1, totalSatang: 150_050 });
    expect(pdfText(pdf)).toContain('ทะเบียนคุมใบเสร็จรับเงิน');
    expect(pdfText(pdf)).toContain('1,500.50');

    const counted = join(dir, 'counted.json');
    writeFileSync(counted, JSON.stringify({ pieces: { ...ZERO, '1000': 1, '500': 1, '0.50': 1 } }));
    const refused = run(['day', 'close', '--date', today, '--counted-file', counted, '--user', 'finance', '--password-stdin'], PASSWORD);
    expect(refused).toMatchObject({ status: 3, json: { ok: false, error: { code: 'UNPRINTED_ORIGINALS', message: expect.stringContaining(`${String(issued.json['receiptBook'])}/1`) as string } } });

    // Yesterday had no receipts: it closes with nothing counted.
    const yesterday = bangkokDate(Date.parse(`${today}T00:00:00+07:00`) - 1);
    writeFileSync(counted, JSON.stringify({ pieces: ZERO }));
    const closed = run(['day', 'close', '--date', yesterday, '--counted-file', counted, '--user', 'head', '--password-stdin'], PASSWORD);
    expect(closed.json).toMatchObject({ ok: true, businessDate: yesterday, kind: 'close', receiptCount: 0, varianceSatang: 0 });

    writeFileSync(counted, JSON.stringify({ pieces: { ...ZERO, '3': 1 } }));
    expect(run(['day', 'close', '--date', today, '--counted-file', counted, '--user', 'finance', '--password-stdin'], PASSWORD)).toMatchObject({
      status: 3,
      json: { error: { code: 'COUNTED_CASH_INVALID', message: expect.stringContaining('Unrecognized key: "3"') as string } },
    });
    const xlsx = join(dir, 'r.xlsx');
    expect(run(['report', 'everything', '--date', today, '--xlsx', xlsx, '--user', 'finance', '--password-stdin'], PASSWORD)).toMatchObject({ status: 2, json: { error: { code: 'USAGE' } } });
    expect(existsSync(xlsx)).toBe(false);
  });

  it('office set-kind makes the demo office provincial (administrator only; a bad kind is a usage error)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ebill-close-cli-'));
    dirs.push(dir);
    const run = (args: readonly string[], stdin = '') => ebill(['--data-dir', join(dir, 'data'), '--json', ...args], stdin);
    expect(run(['demo']).status).toBe(0);
    expect(run(['office', 'set-kind', '--kind', 'regional', '--user', 'admin', '--password-stdin'], PASSWORD)).toMatchObject({ status: 2, json: { error: { code: 'USAGE' } } });
    expect(run(['office', 'set-kind', '--kind', 'provincial', '--user', 'finance', '--password-stdin'], PASSWORD)).toMatchObject({ status: 3, json: { error: { code: 'FORBIDDEN' } } });
    expect(run(['office', 'set-kind', '--kind', 'provincial', '--user', 'admin', '--password-stdin'], PASSWORD)).toMatchObject({ status: 0, json: { ok: true, kind: 'provincial' } });
  });
});
